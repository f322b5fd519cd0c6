import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.webp': 'image/webp',
};

/**
 * Serves the built renderer. Unknown paths get index.html (the UI routes itself); nothing outside
 * the folder can be reached, whatever the path says.
 */
export function serveStatic(root: string, urlPath: string, res: ServerResponse, headOnly: boolean): void {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    rel = '/';
  }
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${rel}`)}`);
  let file = resolved.startsWith(path.resolve(root) + path.sep) ? resolved : path.join(root, 'index.html');
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Antarmuka belum dibangun. Jalankan "npm run build" lalu coba lagi. / The UI is not built yet: run "npm run build".');
    return;
  }
  const ext = path.extname(file);
  const immutable = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'Content-Length': fs.statSync(file).size,
  });
  if (headOnly) res.end();
  else fs.createReadStream(file).pipe(res);
}

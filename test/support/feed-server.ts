import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Wait this long before answering (a slow server). */
  delayMs?: number;
  /** Compress the body with this encoding. */
  encoding?: 'gzip' | 'br' | 'deflate';
  /** Answer 304 when the request carries this ETag. */
  etag?: string;
}

/** A real HTTP server on 127.0.0.1 serving fixture feeds, counting what it was asked. */
export async function startFeedServer(routes: Record<string, Route>) {
  const hits: { path: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    hits.push({ path: req.url ?? '', headers: req.headers });
    const route = routes[req.url ?? ''];
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    const answer = () => {
      if (route.etag && req.headers['if-none-match'] === route.etag) {
        res.writeHead(304, { ETag: route.etag }).end();
        return;
      }
      let body = typeof route.body === 'string' ? Buffer.from(route.body, 'utf8') : (route.body ?? Buffer.alloc(0));
      const headers: Record<string, string> = { ...(route.headers ?? {}) };
      if (route.etag) headers.ETag = route.etag;
      if (route.encoding) {
        body = route.encoding === 'gzip' ? zlib.gzipSync(body) : route.encoding === 'br' ? zlib.brotliCompressSync(body) : zlib.deflateSync(body);
        headers['Content-Encoding'] = route.encoding;
      }
      res.writeHead(route.status ?? 200, { 'Content-Length': String(body.length), ...headers });
      res.end(body);
    };
    if (route.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

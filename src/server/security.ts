import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Remote images appear only in the Pantauan reader, and only after "show images": feed HTML
  // reaches the UI with every src parked in data-src.
  "img-src 'self' data: blob: https: http:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/**
 * The names a browser may legitimately put in `Host`: what we are bound to, plus loopback names;
 * bound to every interface, each interface address and the machine's name. Anything else is a
 * DNS-rebinding attempt, however it reached us.
 */
export function allowedHostNames(bindHost: string, extra: string[] = []): Set<string> {
  const names = new Set<string>(['127.0.0.1', 'localhost', '[::1]', ...extra.map((h) => h.toLowerCase())]);
  if (isWildcard(bindHost)) {
    names.add(os.hostname().toLowerCase());
    for (const list of Object.values(os.networkInterfaces())) {
      for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address}]` : a.address);
    }
  } else {
    names.add(bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost.toLowerCase());
  }
  return names;
}

function splitHost(hostHeader: string): { name: string; port: string } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim().toLowerCase());
  return m ? { name: m[1]!, port: m[2] ?? '' } : { name: '', port: '' };
}

export function hostAllowed(req: IncomingMessage, names: Set<string>, port: number): boolean {
  const header = req.headers.host;
  if (!header) return false;
  const { name, port: p } = splitHost(header);
  return names.has(name) && (p === '' ? port === 80 : Number(p) === port);
}

/**
 * A request is same-origin when its Origin (if the browser sent one) names exactly the host it was
 * sent to. Sec-Fetch-Site backs this up for browsers that omit Origin on same-origin GETs.
 */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (origin === 'null') return false;
    try {
      const u = new URL(origin);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.host.toLowerCase() === (req.headers.host ?? '').toLowerCase() : false;
    } catch {
      return false;
    }
  }
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

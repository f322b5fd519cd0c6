import http from 'node:http';
import https from 'node:https';

/**
 * One HTTP call to a channel, reporting not only the answer but, when there is none, whether the
 * request can have reached the server: that decides between "retry" and "unknown".
 */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  json<T = unknown>(): T | undefined;
}

/** No answer. `sent` is false only when the request certainly never reached the server. */
export class TransportError extends Error {
  constructor(
    readonly sent: boolean,
    readonly code: string,
  ) {
    super(`${code}${sent ? ' (after sending)' : ' (before sending)'}`);
  }
}

const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'ECONNABORTED']);
export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_RESPONSE = 10 * 1024 * 1024;

export function send(req: HttpRequest): Promise<HttpResponse> {
  const url = new URL(req.url);
  const lib = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
  if (!lib) return Promise.reject(new TransportError(false, 'BAD_URL'));
  const body = typeof req.body === 'string' ? Buffer.from(req.body) : req.body;
  return new Promise((resolve, reject) => {
    let connected = false;
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      fn();
    };
    // A fresh connection per request (agent: false): a request never rides a stale keep-alive socket,
    // so "did it reach the server" has one answer.
    const r = lib.request(url, { agent: false, method: req.method, headers: { ...(body ? { 'Content-Length': String(body.length) } : {}), ...(req.headers ?? {}) } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_RESPONSE) chunks.push(c);
      });
      res.on('end', () =>
        finish(() => {
          const buf = Buffer.concat(chunks);
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({
            status: res.statusCode ?? 0,
            headers,
            body: buf,
            json<T>() {
              try {
                return JSON.parse(buf.toString('utf8')) as T;
              } catch {
                return undefined;
              }
            },
          });
        }),
      );
      res.on('error', () => finish(() => reject(new TransportError(true, 'RESPONSE_CUT'))));
    });
    r.on('socket', (s) => {
      if (!s.connecting) connected = true;
      else s.once('connect', () => (connected = true));
    });
    r.on('error', (e: NodeJS.ErrnoException) => finish(() => reject(new TransportError(connected || !NEVER_CONNECTED.has(e.code ?? ''), e.code ?? 'NETWORK'))));
    const timer = setTimeout(() => {
      finish(() => reject(new TransportError(connected, 'TIMEOUT')));
      r.destroy();
    }, req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    r.end(body);
  });
}

/** Seconds or an HTTP date, as Retry-After carries it. */
export function retryAfterMs(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** A multipart/form-data body for media uploads. */
export function multipart(fields: Record<string, string>, file?: { field: string; name: string; mime: string; bytes: Buffer }): { body: Buffer; contentType: string } {
  const boundary = `----beranda${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name.replace(/"/g, '')}"\r\nContent-Type: ${file.mime}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

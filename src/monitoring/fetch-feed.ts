import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';

export const FEED_TIMEOUT_MS = 20_000;
export const FEED_MAX_BYTES = 15 * 1024 * 1024;
export const FEED_MAX_REDIRECTS = 5;
const USER_AGENT = 'BerandaHumas/0.1 (+feed reader for government public-relations offices)';

export interface FetchOptions {
  etag?: string | null | undefined;
  lastModified?: string | null | undefined;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export type FetchResult =
  | { kind: 'ok'; url: string; status: number; body: Buffer; contentType: string; etag: string | null; lastModified: string | null; maxAgeMs: number | null }
  | { kind: 'not-modified'; url: string; etag: string | null; lastModified: string | null; maxAgeMs: number | null }
  | { kind: 'error'; url: string; code: FetchErrorCode; status?: number; retryAfterMs?: number; detail?: string };

export type FetchErrorCode = 'timeout' | 'too-large' | 'too-many-redirects' | 'bad-url' | 'http' | 'rate-limited' | 'network';

/** "Retry-After" in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function maxAge(cacheControl: string | undefined): number | null {
  const m = /max-age=(\d+)/i.exec(cacheControl ?? '');
  return m ? Number(m[1]) * 1000 : null;
}

function decompress(res: http.IncomingMessage): NodeJS.ReadableStream {
  switch ((res.headers['content-encoding'] ?? '').toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(zlib.createGunzip());
    case 'deflate':
      return res.pipe(zlib.createInflate());
    case 'br':
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

function once(url: URL, opts: Required<Pick<FetchOptions, 'timeoutMs' | 'maxBytes'>> & FetchOptions, deadline: number): Promise<FetchResult | { kind: 'redirect'; to: string }> {
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = {
      'User-Agent': USER_AGENT,
      Accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1',
      'Accept-Encoding': 'gzip, deflate, br',
    };
    if (opts.etag) headers['If-None-Match'] = opts.etag;
    if (opts.lastModified) headers['If-Modified-Since'] = opts.lastModified;
    let settled = false;
    const finish = (r: FetchResult | { kind: 'redirect'; to: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ kind: 'error', url: url.href, code: 'timeout' }), Math.max(1, deadline - Date.now()));
    const req = client.get(url, { headers }, (res) => {
      const status = res.statusCode ?? 0;
      const common = { etag: (res.headers.etag as string | undefined) ?? null, lastModified: (res.headers['last-modified'] as string | undefined) ?? null, maxAgeMs: maxAge(res.headers['cache-control']) };
      if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
        res.resume();
        return finish({ kind: 'redirect', to: new URL(res.headers.location, url).href });
      }
      if (status === 304) {
        res.resume();
        return finish({ kind: 'not-modified', url: url.href, ...common, etag: common.etag ?? opts.etag ?? null, lastModified: common.lastModified ?? opts.lastModified ?? null });
      }
      if (status === 429 || status === 503) {
        res.resume();
        const retryAfterMs = parseRetryAfter(res.headers['retry-after'] as string | undefined);
        return finish({ kind: 'error', url: url.href, code: status === 429 ? 'rate-limited' : 'http', status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
      }
      if (status < 200 || status >= 300) {
        res.resume();
        return finish({ kind: 'error', url: url.href, code: 'http', status });
      }
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > opts.maxBytes && !res.headers['content-encoding']) {
        res.resume();
        return finish({ kind: 'error', url: url.href, code: 'too-large' });
      }
      // The cap applies to the decompressed size: a small gzip can unpack to gigabytes.
      const chunks: Buffer[] = [];
      let size = 0;
      const stream = decompress(res);
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) return finish({ kind: 'error', url: url.href, code: 'too-large' });
        chunks.push(c);
      });
      stream.on('end', () => finish({ kind: 'ok', url: url.href, status, body: Buffer.concat(chunks), contentType: String(res.headers['content-type'] ?? ''), ...common }));
      stream.on('error', (e: Error) => finish({ kind: 'error', url: url.href, code: 'network', detail: e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => finish({ kind: 'error', url: url.href, code: 'network', detail: e.code ?? e.message }));
  });
}

/**
 * Fetches a feed politely and defensively: one overall deadline, a size cap on what is unpacked,
 * at most a few redirects (http and https only), conditional GET with the stored validators, and
 * rate-limit answers reported with their Retry-After rather than retried here.
 */
export async function fetchFeed(rawUrl: string, options: FetchOptions = {}): Promise<FetchResult> {
  const opts = { timeoutMs: FEED_TIMEOUT_MS, maxBytes: FEED_MAX_BYTES, ...options };
  const maxRedirects = options.maxRedirects ?? FEED_MAX_REDIRECTS;
  const deadline = Date.now() + opts.timeoutMs;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'error', url: rawUrl, code: 'bad-url' };
  }
  const seen = new Set<string>();
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'error', url: url.href, code: 'bad-url' };
    if (hop > maxRedirects || seen.has(url.href)) return { kind: 'error', url: url.href, code: 'too-many-redirects' };
    seen.add(url.href);
    const r = await once(url, opts, deadline);
    if (r.kind !== 'redirect') return r;
    url = new URL(r.to);
  }
}

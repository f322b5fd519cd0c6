import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type CallContext } from '../api/dispatch';
import type { ApiError, ApiResult } from '../api/contract';
import { SESSION_MAX_MS } from '../auth/sessions';
import type { Core } from '../core';
import { parseLang, translate, type Lang } from '../i18n/messages';
import { BodyTooLarge, readBody } from './body';
import { createRateLimiter } from './rate-limit';
import { allowedHostNames, hostAllowed, originAllowed, setSecurityHeaders } from './security';
import { serveStatic } from './static';
import { openEventStream } from './events';

export const SESSION_COOKIE = 'beranda_session';
const JSON_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 512 * 1024 * 1024;
const LOGIN_ATTEMPTS_PER_WINDOW = 20;

/** Raw-body uploads: the browser sends a file's bytes; IPC sends them inside the call itself. */
const UPLOADS: Record<string, { method: 'backups.import' | 'attachments.upload' | 'cases.addFileEvidence'; limit: number }> = {
  '/api/upload/backup': { method: 'backups.import', limit: UPLOAD_LIMIT },
  '/api/upload/attachment': { method: 'attachments.upload', limit: 16 * 1024 * 1024 },
  '/api/upload/evidence': { method: 'cases.addFileEvidence', limit: 26 * 1024 * 1024 },
};
const LOGIN_WINDOW_MS = 5 * 60 * 1000;

export interface HttpHostOptions {
  host: string;
  port: number;
  rendererDir: string;
  /** Extra names (e.g. "humas.local") a LAN browser may use to reach us. */
  allowedHosts?: string[];
}

const STATUS: Record<string, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function langOf(req: IncomingMessage): Lang {
  return parseLang(req.headers['x-beranda-lang'] ?? req.headers['accept-language']);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: ApiError['code'], message: string): void {
  const result: ApiResult<never> = { ok: false, error: { code, message } };
  sendJson(res, status, result);
}

function sessionCookie(token: string | null): string {
  const base = `${SESSION_COOKIE}=${token ?? ''}; HttpOnly; SameSite=Strict; Path=/`;
  return token ? `${base}; Max-Age=${Math.floor(SESSION_MAX_MS / 1000)}` : `${base}; Max-Age=0`;
}

export function createHttpHost(core: Core, opts: HttpHostOptions) {
  const loginLimiter = createRateLimiter(LOGIN_ATTEMPTS_PER_WINDOW, LOGIN_WINDOW_MS);
  let names = allowedHostNames(opts.host, opts.allowedHosts);
  let port = opts.port;

  async function callApi(req: IncomingMessage, res: ServerResponse, method: string, input: unknown): Promise<void> {
    const lang = langOf(req);
    const ip = req.socket.remoteAddress ?? '?';
    if (method === 'auth.login' || method === 'workspace.setup') {
      const wait = loginLimiter.hit(ip);
      if (wait > 0) {
        res.setHeader('Retry-After', Math.ceil(wait / 1000));
        sendError(res, 429, 'UNAVAILABLE', translate(lang, 'auth.rateLimited', { minutes: Math.ceil(wait / 60000) }));
        return;
      }
    }
    const ctx: CallContext = { token: readCookie(req, SESSION_COOKIE), lang, client: `web ${ip}` };
    const outcome = await dispatch(core, ctx, method, input);
    if (outcome.session) res.setHeader('Set-Cookie', sessionCookie(outcome.session.token));
    sendJson(res, outcome.result.ok ? 200 : (STATUS[outcome.result.error.code] ?? 500), outcome.result);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const lang = langOf(req);
    if (!hostAllowed(req, names, port)) {
      sendError(res, 403, 'FORBIDDEN', 'Host tidak dikenal / unknown Host header');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') {
      const schemaVersion = core.ws.db.pragma('user_version', { simple: true }) as number;
      sendJson(res, 200, { ok: true, version: core.version, schemaVersion });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (!originAllowed(req)) {
        sendError(res, 403, 'FORBIDDEN', 'Permintaan lintas situs ditolak / cross-site request refused');
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        openEventStream(core, req, res, readCookie(req, SESSION_COOKIE), lang);
        return;
      }
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        sendError(res, 405, 'VALIDATION', 'POST only');
        return;
      }
      const upload = UPLOADS[url.pathname];
      if (upload) {
        const body = await readBody(req, upload.limit);
        const fileName = url.searchParams.get('name') ?? 'upload';
        // Other query parameters (e.g. ?id= for evidence) travel with the file.
        const extra = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'name'));
        await callApi(req, res, upload.method, { ...extra, fileName, bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) });
        return;
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        sendError(res, 415, 'VALIDATION', 'Content-Type: application/json');
        return;
      }
      const raw = await readBody(req, JSON_LIMIT);
      let input: unknown;
      try {
        input = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      } catch {
        sendError(res, 400, 'VALIDATION', translate(lang, 'validation.invalid', { issues: 'JSON' }));
        return;
      }
      await callApi(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)), input);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'VALIDATION', 'GET only');
      return;
    }
    serveStatic(opts.rendererDir, url.pathname, res, req.method === 'HEAD');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const lang = langOf(req);
      if (e instanceof BodyTooLarge) {
        sendError(res, 413, 'VALIDATION', translate(lang, 'backups.tooLarge', { max: `${UPLOAD_LIMIT / 1024 / 1024} MiB` }));
        return;
      }
      console.error('[beranda] http:', e);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', translate(lang, 'api.internal'));
      else res.end();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 10 * 60_000;

  return {
    server,
    listen(): Promise<{ url: string; port: number }> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port, opts.host, () => {
          port = (server.address() as AddressInfo).port;
          names = allowedHostNames(opts.host, opts.allowedHosts);
          const shown = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
          resolve({ url: `http://${shown}:${port}`, port });
        });
      });
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

import { LATEST_SCHEMA_VERSION } from '../../src/storage/migrations/index';
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core';
import { createHttpHost } from '../../src/server/http';
import { ADMIN_PASSWORD, setUpCore } from '../support/workspace';

/** node:http lets a test send any Host header (fetch does not). */
function rawRequest(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const headers = opts.headers ?? {};
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers, setHost: 'Host' in headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('HTTP host hardening', () => {
  let core: Core;
  let host: ReturnType<typeof createHttpHost>;
  let port: number;

  beforeEach(async () => {
    core = (await setUpCore()).core;
    host = createHttpHost(core, { host: '127.0.0.1', port: 0, rendererDir: 'out/renderer' });
    port = (await host.listen()).port;
  });
  afterEach(() => host.close());

  const json = (extra: Record<string, string> = {}) => ({ 'Content-Type': 'application/json', Host: `127.0.0.1:${port}`, ...extra });

  it('answers /healthz with version and schema version', async () => {
    const r = await rawRequest(port, { path: '/healthz', headers: { Host: `localhost:${port}` } });
    expect(JSON.parse(r.body)).toEqual({ ok: true, version: '0.1.0', schemaVersion: LATEST_SCHEMA_VERSION });
  });

  it('refuses a Host that is not ours (DNS rebinding), with 403', async () => {
    for (const h of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '']) {
      const r = await rawRequest(port, { path: '/healthz', headers: h ? { Host: h } : {} });
      // Node itself answers 400 to a request with no Host at all.
      expect(h ? [403] : [400, 403], h).toContain(r.status);
    }
  });

  it('refuses cross-site API calls by Origin or Sec-Fetch-Site, with 403', async () => {
    const body = JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD });
    const evil = await rawRequest(port, { method: 'POST', path: '/api/auth.login', headers: json({ Origin: 'http://evil.example' }), body });
    expect(evil.status).toBe(403);
    const nul = await rawRequest(port, { method: 'POST', path: '/api/auth.login', headers: json({ Origin: 'null' }), body });
    expect(nul.status).toBe(403);
    const site = await rawRequest(port, { method: 'POST', path: '/api/auth.login', headers: json({ 'Sec-Fetch-Site': 'cross-site' }), body });
    expect(site.status).toBe(403);
    const same = await rawRequest(port, { method: 'POST', path: '/api/auth.login', headers: json({ Origin: `http://127.0.0.1:${port}` }), body });
    expect(same.status).toBe(200);
  });

  it('sets an HttpOnly SameSite=Strict session cookie, and clears it on sign-out', async () => {
    const r = await rawRequest(port, { method: 'POST', path: '/api/auth.login', headers: json(), body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
    const cookie = r.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^beranda_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(r.body).not.toContain(cookie.split(';')[0]!.split('=')[1]!);
    const out = await rawRequest(port, { method: 'POST', path: '/api/auth.logout', headers: json({ Cookie: cookie.split(';')[0]! }), body: '{}' });
    expect(out.headers['set-cookie']![0]).toMatch(/^beranda_session=;.*Max-Age=0/);
  });

  it('sends a CSP without unsafe-inline scripts and the other security headers on every response', async () => {
    for (const path of ['/', '/healthz', '/api/workspace.status']) {
      const post = path.startsWith('/api');
      const r = await rawRequest(port, { method: post ? 'POST' : 'GET', path, headers: json(), ...(post ? { body: '{}' } : {}) });
      const csp = String(r.headers['content-security-policy']);
      expect(r.status, path).toBeLessThan(500);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('rate-limits sign-in attempts per address, with Retry-After', async () => {
    let last = { status: 0, headers: {} as http.IncomingHttpHeaders, body: '' };
    for (let i = 0; i < 21; i++) {
      last = await rawRequest(port, { method: 'POST', path: '/api/auth.login', headers: json(), body: JSON.stringify({ username: `nobody${i}`, password: 'x' }) });
    }
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(last.body).error.message).toMatch(/Terlalu banyak percobaan masuk/);
  });

  it('refuses malformed JSON, a wrong content type and an oversized body with clear errors', async () => {
    const bad = await rawRequest(port, { method: 'POST', path: '/api/auth.login', headers: json(), body: '{"username": ' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const form = await rawRequest(port, { method: 'POST', path: '/api/auth.login', headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=b' });
    expect(form.status).toBe(415);
    const huge = await rawRequest(port, { method: 'POST', path: '/api/auth.login', headers: json(), body: Buffer.alloc(2 * 1024 * 1024, 32) }).catch(() => ({ status: 413 }));
    expect(huge.status).toBe(413);
  });

  it('does not serve files outside the renderer folder', async () => {
    const r = await rawRequest(port, { path: '/../../package.json', headers: { Host: `127.0.0.1:${port}` } });
    expect(r.body).not.toContain('"devDependencies"');
    const enc = await rawRequest(port, { path: '/%2e%2e/%2e%2e/package.json', headers: { Host: `127.0.0.1:${port}` } });
    expect(enc.body).not.toContain('"devDependencies"');
  });

  it('streams core events to a signed-in browser over SSE, and refuses one without a session', async () => {
    const anon = await rawRequest(port, { path: '/api/events', headers: { Host: `127.0.0.1:${port}` } });
    expect(anon.status).toBe(401);
    const login = await rawRequest(port, { method: 'POST', path: '/api/auth.login', headers: json(), body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
    const cookie = login.headers['set-cookie']![0]!.split(';')[0]!;
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { Host: `127.0.0.1:${port}`, Cookie: cookie } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
          if (text.includes('users.changed')) {
            req.destroy();
            resolve(text);
          }
        });
        setTimeout(() => core.events.publish({ type: 'users.changed' }), 50);
      });
      req.on('error', (e) => (String(e).includes('socket hang up') ? undefined : reject(e)));
    });
    expect(received).toContain('data: {"type":"users.changed"}');
  });
});

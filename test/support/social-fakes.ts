import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local servers that answer as the documented APIs do — Mastodon, Telegram Bot API, X API v2 and
 * the Graph API (Facebook Page, Instagram) — including their error shapes, so the adapters are
 * tested against the contracts. `failNext` makes the next matching request fail the way that
 * network fails; `posts` records what was published, to count duplicates.
 */
export type Failure = 'expired' | 'rateLimit' | 'invalid' | 'server';

export interface FakePost {
  network: 'mastodon' | 'telegram' | 'x' | 'facebook' | 'instagram';
  id: string;
  text: string;
  media: number;
  replyTo?: string;
}

interface Body {
  raw: Buffer;
  json: Record<string, unknown>;
  form: Record<string, string>;
  files: number;
}

function parse(req: http.IncomingMessage, raw: Buffer): Body {
  const type = req.headers['content-type'] ?? '';
  const out: Body = { raw, json: {}, form: {}, files: 0 };
  if (type.includes('application/json')) out.json = JSON.parse(raw.toString() || '{}') as Record<string, unknown>;
  else if (type.includes('x-www-form-urlencoded')) out.form = Object.fromEntries(new URLSearchParams(raw.toString()));
  else if (type.includes('multipart/form-data')) {
    const boundary = /boundary=(.+)$/.exec(type)?.[1] ?? '';
    for (const part of raw.toString('latin1').split(`--${boundary}`)) {
      const name = /name="([^"]+)"/.exec(part)?.[1];
      if (!name) continue;
      if (/filename="/.test(part)) out.files++;
      else out.form[name] = Buffer.from(part.split('\r\n\r\n').slice(1).join('\r\n\r\n').replace(/\r\n$/, ''), 'latin1').toString('utf8');
    }
  }
  return out;
}

export async function startSocialFakes() {
  const posts: FakePost[] = [];
  const failures: { network: string; how: Failure }[] = [];
  const idempotency = new Map<string, Record<string, unknown>>();
  const containers = new Map<string, { pollsLeft: number; caption: string }>();
  const requests: { method: string; path: string; auth: string }[] = [];
  let nextId = 1000;
  let publishedToday = 0;
  const tokens = { mastodon: 'mast-token', telegram: 'tg-token', x: 'x-token', graph: 'graph-token' };
  const state = { instagramQuota: 100 };

  const takeFailure = (network: string) => {
    const i = failures.findIndex((f) => f.network === network);
    return i >= 0 ? failures.splice(i, 1)[0]!.how : null;
  };

  function mastodon(req: http.IncomingMessage, url: URL, body: Body, send: (s: number, b: unknown, h?: Record<string, string>) => void) {
    if (req.headers.authorization !== `Bearer ${tokens.mastodon}`) return send(401, { error: 'The access token is invalid' });
    const fail = req.method === 'POST' ? takeFailure('mastodon') : null;
    if (fail === 'expired') return send(401, { error: 'The access token was revoked' });
    if (fail === 'rateLimit') return send(429, { error: 'Too many requests' }, { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'Retry-After': '2' });
    if (fail === 'invalid') return send(422, { error: 'Validation failed: Text character limit of 500 exceeded' });
    if (fail === 'server') return send(503, { error: 'Service Unavailable' });
    if (url.pathname === '/api/v1/accounts/verify_credentials') return send(200, { id: '1', acct: 'dinkominfo', username: 'dinkominfo' });
    if (url.pathname === '/api/v2/media') return send(202, { id: String(nextId++), type: 'image', url: null, description: body.form.description ?? null });
    if (url.pathname.startsWith('/api/v1/media/')) return send(200, { id: url.pathname.split('/').pop(), url: 'https://files.example/m.png' });
    if (url.pathname === '/api/v1/statuses' && req.method === 'POST') {
      // Mastodon returns the same status for a repeated Idempotency-Key (kept for an hour).
      const key = String(req.headers['idempotency-key'] ?? '');
      if (key && idempotency.has(key)) return send(200, idempotency.get(key));
      const id = String(nextId++);
      const status = { id, url: `https://mastodon.example/@dinkominfo/${id}`, content: `<p>${String(body.json.status)}</p>` };
      posts.push({ network: 'mastodon', id, text: String(body.json.status), media: (body.json.media_ids as string[] | undefined)?.length ?? 0 });
      if (key) idempotency.set(key, status);
      return send(200, status);
    }
    send(404, { error: 'Record not found' });
  }

  function telegram(req: http.IncomingMessage, url: URL, body: Body, send: (s: number, b: unknown) => void) {
    const [, botPart, method] = url.pathname.split('/');
    if (botPart !== `bot${tokens.telegram}`) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const fail = method?.startsWith('send') ? takeFailure('telegram') : null;
    if (fail === 'expired') return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    if (fail === 'rateLimit') return send(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } });
    if (fail === 'invalid') return send(400, { ok: false, error_code: 400, description: 'Bad Request: message is too long' });
    if (fail === 'server') return send(502, { ok: false, error_code: 502, description: 'Bad Gateway' });
    const chat = { id: -1001234, title: 'Info Purbalingga', username: 'infopurbalingga', type: 'channel' };
    if (method === 'getMe') return send(200, { ok: true, result: { id: 42, is_bot: true, username: 'humas_bot' } });
    if (method === 'getChat') return send(200, { ok: true, result: chat });
    if (method === 'sendMessage' || method === 'sendPhoto') {
      const text = String(body.json.text ?? body.form.caption ?? '');
      if (method === 'sendMessage' && text.length > 4096) return send(400, { ok: false, error_code: 400, description: 'Bad Request: message is too long' });
      const id = nextId++;
      posts.push({ network: 'telegram', id: String(id), text, media: body.files });
      return send(200, { ok: true, result: { message_id: id, chat, date: 0, text } });
    }
    send(404, { ok: false, error_code: 404, description: 'Not Found' });
  }

  function x(req: http.IncomingMessage, url: URL, body: Body, send: (s: number, b: unknown, h?: Record<string, string>) => void) {
    if (req.headers.authorization !== `Bearer ${tokens.x}`) return send(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
    const fail = req.method === 'POST' ? takeFailure('x') : null;
    if (fail === 'expired') return send(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
    if (fail === 'rateLimit') return send(429, { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }, { 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + 2) });
    if (fail === 'invalid') return send(403, { detail: 'You are not allowed to create a Tweet with duplicate content.', type: 'about:blank', title: 'Forbidden', status: 403 });
    if (fail === 'server') return send(503, { title: 'Service Unavailable', status: 503, detail: 'Service Unavailable' });
    if (url.pathname === '/2/users/me') return send(200, { data: { id: '7', name: 'Dinkominfo', username: 'dinkominfopbg' } });
    if (url.pathname === '/2/media/upload') return send(200, { data: { id: String(nextId++), media_key: '3_1' } });
    if (url.pathname === '/2/tweets' && req.method === 'POST') {
      const text = String(body.json.text);
      if ([...text].length > 280) return send(400, { title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', status: 400 });
      const id = String(nextId++);
      const reply = (body.json.reply as { in_reply_to_tweet_id?: string } | undefined)?.in_reply_to_tweet_id;
      posts.push({ network: 'x', id, text, media: ((body.json.media as { media_ids?: string[] } | undefined)?.media_ids ?? []).length, ...(reply ? { replyTo: reply } : {}) });
      return send(201, { data: { id, text } });
    }
    send(404, { title: 'Not Found Error', status: 404, detail: 'Not found' });
  }

  function graph(req: http.IncomingMessage, url: URL, body: Body, send: (s: number, b: unknown) => void) {
    const token = url.searchParams.get('access_token') ?? body.form.access_token;
    const parts = url.pathname.split('/').filter(Boolean).slice(1); // drop the version
    const network = parts[0] === 'ig-1' || containers.has(parts[0] ?? '') || parts[1] === 'media_publish' ? 'instagram' : 'facebook';
    const expired = { error: { message: 'Error validating access token: Session has expired on Sunday, 29-Nov-26 01:00:00 PST.', type: 'OAuthException', code: 190, error_subcode: 463, fbtrace_id: 'AbC' } };
    if (token !== tokens.graph) return send(400, expired);
    const fail = req.method === 'POST' ? takeFailure(network) : null;
    if (fail === 'expired') return send(400, expired);
    if (fail === 'rateLimit') return send(400, { error: { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, fbtrace_id: 'AbC' } });
    if (fail === 'invalid') return send(400, { error: { message: 'Only photo or video can be accepted as media type.', type: 'OAuthException', code: 9004, error_subcode: 2207052, fbtrace_id: 'AbC' } });
    if (fail === 'server') return send(500, { error: { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1, fbtrace_id: 'AbC' } });
    const [node, edge] = parts;
    if (req.method === 'GET' && node === 'page-1' && !edge) return send(200, { id: 'page-1', name: 'Dinkominfo Purbalingga' });
    if (req.method === 'GET' && node === 'ig-1' && !edge) return send(200, { id: 'ig-1', username: 'dinkominfopbg' });
    if (req.method === 'GET' && node === 'ig-1' && edge === 'content_publishing_limit') return send(200, { data: [{ quota_usage: publishedToday, config: { quota_total: state.instagramQuota, quota_duration: 86400 } }] });
    if (node === 'page-1' && (edge === 'feed' || edge === 'photos') && req.method === 'POST') {
      const id = `page-1_${nextId++}`;
      posts.push({ network: 'facebook', id, text: body.form.message ?? body.form.caption ?? '', media: body.files });
      return send(200, edge === 'photos' ? { id: String(nextId++), post_id: id } : { id });
    }
    if (node === 'ig-1' && edge === 'media' && req.method === 'POST') {
      if (!/^https?:\/\//.test(body.form.image_url ?? '')) return send(400, { error: { message: 'Only photo or video can be accepted as media type.', type: 'OAuthException', code: 9004, error_subcode: 2207052 } });
      const id = String(nextId++);
      containers.set(id, { pollsLeft: 1, caption: body.form.caption ?? '' });
      return send(200, { id });
    }
    if (req.method === 'GET' && containers.has(node!)) {
      const c = containers.get(node!)!;
      return send(200, { id: node, status_code: c.pollsLeft-- > 0 ? 'IN_PROGRESS' : 'FINISHED' });
    }
    if (node === 'ig-1' && edge === 'media_publish' && req.method === 'POST') {
      const c = containers.get(body.form.creation_id ?? '');
      if (!c) return send(400, { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100 } });
      const id = String(nextId++);
      publishedToday++;
      posts.push({ network: 'instagram', id, text: c.caption, media: 1 });
      return send(200, { id });
    }
    if (req.method === 'GET' && !edge) return send(200, { id: node, permalink: `https://www.instagram.com/p/${node}/` });
    send(400, { error: { message: 'Unsupported request', type: 'GraphMethodException', code: 100 } });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      requests.push({ method: req.method ?? '', path: url.pathname, auth: String(req.headers.authorization ?? '') });
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
      const body = parse(req, Buffer.concat(chunks));
      const [first] = url.pathname.split('/').filter(Boolean);
      if (first === 'mastodon') return mastodon(req, new URL(url.pathname.replace(/^\/mastodon/, '') + url.search, 'http://fake'), body, send);
      if (first === 'telegram') return telegram(req, new URL(url.pathname.replace(/^\/telegram/, '') + url.search, 'http://fake'), body, send);
      if (first === 'x') return x(req, new URL(url.pathname.replace(/^\/x/, '') + url.search, 'http://fake'), body, send);
      if (first === 'graph') return graph(req, new URL(url.pathname.replace(/^\/graph/, '') + url.search, 'http://fake'), body, send);
      send(404, { error: 'unknown fake' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    urls: { mastodon: `${base}/mastodon`, telegram: `${base}/telegram`, x: `${base}/x`, facebook: `${base}/graph/v21.0`, instagram: `${base}/graph/v21.0` },
    tokens,
    posts,
    requests,
    state,
    failNext(network: FakePost['network'], how: Failure, times = 1) {
      for (let i = 0; i < times; i++) failures.push({ network, how });
    },
    reset() {
      posts.length = 0;
      failures.length = 0;
      requests.length = 0;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type SocialFakes = Awaited<ReturnType<typeof startSocialFakes>>;

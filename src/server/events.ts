import type { IncomingMessage, ServerResponse } from 'node:http';
import { hashToken, resolveSession } from '../auth/sessions';
import type { Core } from '../core';
import { translate, type Lang } from '../i18n/messages';

const HEARTBEAT_MS = 25_000;

/** Server-Sent Events for one signed-in browser tab; the stream ends when its session does. */
export function openEventStream(core: Core, req: IncomingMessage, res: ServerResponse, token: string | undefined, lang: Lang): void {
  const session = token ? resolveSession(core.ws.db, token, core.now()) : undefined;
  if (!token || !session) {
    res.writeHead(401, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ ok: false, error: { code: 'UNAUTHENTICATED', message: translate(lang, 'auth.required') } }));
    return;
  }
  const tokenHash = hashToken(token);
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write('retry: 3000\n\n');
  const unsubscribe = core.events.subscribe((event) => {
    res.write(`data: ${JSON.stringify(event)}\n\n`);
    const ended = event.type === 'workspace.restored' || (event.type === 'session.ended' && event.userId === session.user_id);
    if (ended) res.end();
  });
  const heartbeat = setInterval(() => {
    // A heartbeat also notices a session ended elsewhere (logout in another tab, expiry).
    if (!core.ws.db.open || !core.ws.db.prepare('SELECT 1 FROM sessions WHERE token_hash = ?').get(tokenHash)) res.end();
    else res.write(': ping\n\n');
  }, HEARTBEAT_MS);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}

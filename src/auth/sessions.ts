import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../storage/database';

/** A session ends after this long without use... */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** ...and after this long in any case. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen is written at most this often, so that reads don't each cost a durable write. */
const TOUCH_EVERY_MS = 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionRow {
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** Creates a session and returns the token; only its hash is stored. */
export function createSession(db: Db, userId: number, now: Date, client = ''): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
  db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, client) VALUES (?, ?, ?, ?, ?, ?)').run(
    hashToken(token),
    userId,
    at,
    at,
    expiresAt,
    client.slice(0, 200),
  );
  return { token, expiresAt };
}

/** Finds a live session for the token and slides its idle expiry; expired sessions are removed. */
export function resolveSession(db: Db, token: string, now: Date): SessionRow | undefined {
  const tokenHash = hashToken(token);
  const row = db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as SessionRow | undefined;
  if (!row) return undefined;
  const nowIso = now.toISOString();
  const hardEnd = new Date(new Date(row.created_at).getTime() + SESSION_MAX_MS).toISOString();
  if (row.expires_at <= nowIso || hardEnd <= nowIso) {
    db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    return undefined;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    const idleEnd = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
    const expiresAt = idleEnd < hardEnd ? idleEnd : hardEnd;
    db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?').run(nowIso, expiresAt, tokenHash);
    return { ...row, last_seen_at: nowIso, expires_at: expiresAt };
  }
  return row;
}

export function deleteSession(db: Db, tokenHash: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

export function deleteUserSessions(db: Db, userId: number, exceptTokenHash?: string): void {
  db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash != ?').run(userId, exceptTokenHash ?? '');
}

export function deleteAllSessions(db: Db): void {
  db.prepare('DELETE FROM sessions').run();
}

export function purgeExpiredSessions(db: Db, now: Date): void {
  db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString());
}

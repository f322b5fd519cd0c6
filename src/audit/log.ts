import { createHash } from 'node:crypto';
import type { Db } from '../storage/database';

export interface AuditActor {
  id: number | null;
  name: string;
}

/** The audit actor for a signed-in user: the id, and the username as it was at the time. */
export function auditActor(a: { user: { id: number; username: string } }): AuditActor {
  return { id: a.user.id, name: a.user.username };
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  target: string;
  details: string;
  prev_hash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

function rowHash(prev: string, r: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  // A fixed field order with a separator that cannot occur in JSON-encoded values.
  const fields = [prev, r.id, r.at, r.actor_id ?? '', r.actor_name, r.action, r.target, r.details];
  return createHash('sha256').update(fields.map((f) => JSON.stringify(f)).join('\u001f')).digest('hex');
}

/**
 * Appends one entry, chained to the previous one by hash. Call it inside the transaction of the
 * change it records, so that a change and its audit entry land together or not at all.
 */
export function appendAudit(
  db: Db,
  actor: AuditActor,
  action: string,
  target = '',
  details: Record<string, unknown> = {},
  at = new Date(),
): void {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string }
    | undefined;
  const row = {
    id: (last?.id ?? 0) + 1,
    at: at.toISOString(),
    actor_id: actor.id,
    actor_name: actor.name,
    action,
    target,
    details: JSON.stringify(details),
  };
  const prev = last?.hash ?? GENESIS;
  const hash = rowHash(prev, row);
  db.prepare(
    `INSERT INTO audit_log (id, at, actor_id, actor_name, action, target, details, prev_hash, hash)
     VALUES (@id, @at, @actor_id, @actor_name, @action, @target, @details, @prev, @hash)`,
  ).run({ ...row, prev, hash });
  // The head lets verification notice rows deleted from the end, which the chain alone cannot.
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    HEAD_KEY,
    JSON.stringify({ id: row.id, hash }),
  );
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose content or link does not match, when not ok. */
  brokenAt?: number;
  problem?: 'edited' | 'deleted' | 'truncated';
}

/** Walks the whole chain and reports the first entry that was edited, removed or cut off. */
export function verifyAudit(db: Db): AuditVerification {
  let prev = GENESIS;
  let expectedId = 1;
  let checked = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    if (r.id !== expectedId || r.prev_hash !== prev) {
      return { ok: false, checked, brokenAt: r.id, problem: r.id !== expectedId ? 'deleted' : 'edited' };
    }
    if (rowHash(prev, r) !== r.hash) return { ok: false, checked, brokenAt: r.id, problem: 'edited' };
    prev = r.hash;
    expectedId++;
    checked++;
  }
  const headRow = db.prepare('SELECT value FROM settings WHERE key = ?').get(HEAD_KEY) as { value: string } | undefined;
  if (headRow) {
    const head = JSON.parse(headRow.value) as { id: number; hash: string };
    if (head.id !== expectedId - 1 || head.hash !== prev) {
      return { ok: false, checked, brokenAt: Math.min(head.id, expectedId), problem: 'truncated' };
    }
  } else if (checked > 0) {
    return { ok: false, checked, brokenAt: 1, problem: 'truncated' };
  }
  return { ok: true, checked };
}

export interface AuditFilter {
  action?: string;
  actorId?: number;
  from?: string;
  to?: string;
  text?: string;
  beforeId?: number;
  limit: number;
}

/** Newest first, keyset-paged by id so that page N costs the same as page 1. */
export function listAudit(db: Db, f: AuditFilter): AuditEntry[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: f.limit };
  if (f.action) {
    where.push("(action = @action OR action LIKE @actionPrefix ESCAPE '\\')");
    params.action = f.action;
    params.actionPrefix = `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`;
  }
  if (f.actorId !== undefined) {
    where.push('actor_id = @actorId');
    params.actorId = f.actorId;
  }
  if (f.from) {
    where.push('at >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('at < @to');
    params.to = f.to;
  }
  if (f.text) {
    where.push("(target LIKE @text ESCAPE '\\' OR details LIKE @text ESCAPE '\\' OR actor_name LIKE @text ESCAPE '\\')");
    params.text = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (f.beforeId !== undefined) {
    where.push('id < @beforeId');
    params.beforeId = f.beforeId;
  }
  const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
  return (db.prepare(sql).all(params) as AuditRow[]).map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    target: r.target,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}

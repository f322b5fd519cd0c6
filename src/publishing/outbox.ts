import type { Core } from '../core';
import { findUserById } from '../auth/users';
import { isAppError } from '../errors';
import { limitedRun } from '../monitoring/scheduler';
import { loadDocument } from '../releases/service';
import { transition } from '../releases/workflow';
import { ADAPTERS } from './adapters/index';
import { ChannelError, type SendJob, type SendResult, type Variant } from './adapters/types';
import { loadChannel, recordHealth, type ChannelRow } from './channels';
import { buildContext, type JobRef } from './context';
import { describeFailure, failure, type Failure } from './failures';
import { TransportError } from './http';
import { nextAllowed, rateKey } from './rate-limits';

export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 30 * 60_000;
export const MAX_ATTEMPTS = 10;
/** Jobs waiting for a person ("unknown" on a channel that cannot be searched) sleep until then. */
const NEVER = '9999-12-31T00:00:00.000Z';

export interface PublicationRow extends JobRef {
  channel_id: number;
  status: 'queued' | 'scheduled' | 'sending' | 'sent' | 'failed' | 'unknown' | 'cancelled';
  variant: string;
  scheduled_at: string | null;
  next_attempt_at: string;
  attempts: number;
  last_error: string | null;
  remote_id: string | null;
  remote_url: string | null;
  marker: string;
}

/** Capped exponential backoff with full jitter: anywhere between now and the cap for this attempt. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1)));
}

function announce(core: Core, id: number): void {
  const r = core.ws.db.prepare('SELECT document_id, status FROM publications WHERE id = ?').get(id) as { document_id: number; status: string };
  core.events.publish({ type: 'publications.changed', documentId: r.document_id, id, status: r.status });
}

/** Every attempt and every decision about a publication, on its record. */
export function attempt(core: Core, job: Pick<PublicationRow, 'id' | 'channel_id'>, outcome: string, detail = ''): void {
  core.ws.db.prepare('INSERT INTO publication_attempts (publication_id, channel_id, at, outcome, detail) VALUES (?, ?, ?, ?, ?)').run(job.id, job.channel_id, core.now().toISOString(), outcome, detail.slice(0, 1000));
}

function setState(core: Core, job: PublicationRow, status: PublicationRow['status'], fields: { next?: string; error?: Failure | null; result?: SendResult } = {}): void {
  const at = core.now().toISOString();
  core.ws.db
    .prepare(
      `UPDATE publications SET status = ?, next_attempt_at = coalesce(?, next_attempt_at), last_error = ?, remote_id = coalesce(?, remote_id), remote_url = coalesce(?, remote_url),
       sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END, updated_at = ? WHERE id = ?`,
    )
    .run(status, fields.next ?? null, fields.error ? JSON.stringify(fields.error) : null, fields.result?.remoteId ?? null, fields.result?.url ?? null, status, at, at, job.id);
  announce(core, job.id);
}

/** A website post that went out makes the release "published" with its address (or "corrected"). */
function markReleasePublished(core: Core, job: PublicationRow, channel: ChannelRow, url: string | null): void {
  if (channel.kind !== 'wordpress' || job.action === 'withdraw' || !url) return;
  const doc = loadDocument(core, job.document_id);
  const actor = findUserById(core.ws.db, job.created_by);
  if (doc.status !== 'approved' || !actor) return;
  try {
    transition(core, { user: actor, tokenHash: '' }, { id: doc.id, action: 'mark_published', url }, 'id');
  } catch (e) {
    if (!isAppError(e)) throw e;
  }
}

function sent(core: Core, job: PublicationRow, channel: ChannelRow, result: SendResult, how: string): void {
  setState(core, job, 'sent', { result });
  attempt(core, job, how, result.url ?? result.remoteId);
  recordHealth(core, channel.id, { ok: true });
  markReleasePublished(core, job, channel, result.url);
}

/**
 * A failure decides the job's fate. Retried only where a retry cannot post twice: nothing was sent,
 * the network asked us to wait (429), or the channel is idempotent. A request that may have gone
 * out is "unknown": reconciled by its marker where the channel can be searched, else asked of a person.
 */
function failed(core: Core, job: PublicationRow, channel: ChannelRow, e: unknown): void {
  const adapter = ADAPTERS[channel.kind];
  const message = describeFailure(e);
  const now = core.now().getTime();
  const detail = JSON.stringify(message);
  const retry = (afterMs: number | null) => {
    if (job.attempts >= MAX_ATTEMPTS) {
      setState(core, job, 'failed', { error: failure('publishing.fail.gaveUp', { reason: message, n: job.attempts }) });
      return;
    }
    setState(core, job, 'queued', { next: new Date(now + (afterMs ?? backoffMs(job.attempts))).toISOString(), error: message });
  };
  const maybePosted = e instanceof TransportError ? e.sent : e instanceof ChannelError && e.kind === 'server';
  attempt(core, job, maybePosted ? 'maybe-sent' : e instanceof ChannelError ? e.kind : e instanceof TransportError ? 'offline' : 'error', detail);
  if (e instanceof ChannelError || e instanceof TransportError) recordHealth(core, channel.id, { ok: false, failure: message });
  if (e instanceof TransportError && !e.sent) return retry(null);
  if (maybePosted) {
    if (adapter.idempotent) return retry(null);
    if (adapter.reconcile) return setState(core, job, 'unknown', { next: new Date(now + 5_000).toISOString(), error: message });
    return setState(core, job, 'unknown', { next: NEVER, error: failure('publishing.fail.askPerson', { reason: message, name: channel.name }) });
  }
  if (e instanceof ChannelError && e.kind === 'retry') return retry(e.retryAfterMs);
  // A token that stopped working (expired or revoked) shows as such on the channel until replaced.
  if (e instanceof ChannelError && e.kind === 'auth' && channel.kind !== 'wordpress') {
    core.ws.db.prepare('UPDATE channels SET token_expires_at = ? WHERE id = ? AND (token_expires_at IS NULL OR token_expires_at > ?)').run(core.now().toISOString(), channel.id, core.now().toISOString());
  }
  if (!(e instanceof ChannelError) && !isAppError(e)) console.error('[beranda] publishing:', e);
  setState(core, job, 'failed', { error: message });
}

function toSendJob(row: PublicationRow, remoteId: string | null): SendJob {
  return { id: row.id, marker: row.marker, action: row.action as SendJob['action'], variant: JSON.parse(row.variant) as Variant, scheduledAt: row.scheduled_at, remoteId, progress: JSON.parse(row.progress) as Record<string, unknown> };
}

/** The post a correction or withdrawal changes: the one this release's earlier publication made. */
function originalRemoteId(core: Core, job: PublicationRow): string | null {
  if (job.action === 'publish') return job.remote_id;
  const r = core.ws.db
    .prepare("SELECT remote_id FROM publications WHERE document_id = ? AND channel_id = ? AND action = 'publish' AND status = 'sent' ORDER BY id DESC LIMIT 1")
    .get(job.document_id, job.channel_id) as { remote_id: string } | undefined;
  return r?.remote_id ?? null;
}

async function process1(core: Core, job: PublicationRow): Promise<void> {
  const db = core.ws.db;
  const kind = (db.prepare('SELECT kind FROM channels WHERE id = ?').get(job.channel_id) as { kind: ChannelRow['kind'] }).kind;
  if (heldByRateLimit(core, job, kind)) return;
  const claimed = db.prepare("UPDATE publications SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = ?").run(core.now().toISOString(), job.id, job.status);
  if (!claimed.changes) return;
  const wasUnknown = job.status === 'unknown';
  job = db.prepare('SELECT * FROM publications WHERE id = ?').get(job.id) as PublicationRow;
  announce(core, job.id);
  const channel = loadChannel(db, job.channel_id);
  const adapter = ADAPTERS[channel.kind];
  try {
    const ctx = await buildContext(core, channel, job);
    const sendJob = toSendJob(job, originalRemoteId(core, job));
    if (wasUnknown && adapter.reconcile) {
      const found = await adapter.reconcile(ctx, sendJob);
      if (found) return sent(core, job, channel, found, 'reconciled');
      attempt(core, job, 'not-found', 'tidak ditemukan di saluran; dikirim ulang');
    }
    sent(core, job, channel, await adapter.send(ctx, sendJob), 'sent');
  } catch (e) {
    failed(core, job, channel, e);
  }
}

/** Jobs whose time has come and whose website link exists (if they need one), on active channels. */
function dueJobs(core: Core): PublicationRow[] {
  return core.ws.db
    .prepare(
      `SELECT p.* FROM publications p JOIN channels c ON c.id = p.channel_id WHERE p.status IN ('queued', 'scheduled', 'unknown') AND p.next_attempt_at <= ? AND c.active = 1
       AND (p.after_id IS NULL OR (SELECT status FROM publications a WHERE a.id = p.after_id) = 'sent')
       ORDER BY p.next_attempt_at, p.id LIMIT 50`,
    )
    .all(core.now().toISOString()) as PublicationRow[];
}

/** A channel at its request limit: the job waits for the window to move rather than be refused. */
function heldByRateLimit(core: Core, job: PublicationRow, kind: ChannelRow['kind']): boolean {
  const now = core.now();
  const allowed = nextAllowed(rateKey(core, job.channel_id), kind, now);
  if (allowed <= now.getTime()) return false;
  core.ws.db.prepare('UPDATE publications SET next_attempt_at = ? WHERE id = ?').run(new Date(allowed).toISOString(), job.id);
  return true;
}

/** Social posts waiting for a website post that will never come are failed, with the reason. */
function failOrphans(core: Core): void {
  const orphans = core.ws.db
    .prepare("SELECT p.* FROM publications p JOIN publications a ON a.id = p.after_id WHERE p.status IN ('queued', 'scheduled') AND a.status IN ('failed', 'cancelled')")
    .all() as PublicationRow[];
  for (const o of orphans) setState(core, o, 'failed', { error: failure('publishing.fail.websiteFailed') });
}

/** Sends everything that is due: one job at a time per channel, four channels at once. */
export async function runDue(core: Core): Promise<number> {
  failOrphans(core);
  const jobs = dueJobs(core);
  await limitedRun(
    jobs.map((j) => ({ key: String(j.channel_id), run: () => process1(core, j) })),
    4,
    1,
  );
  return jobs.length;
}

/** After a crash or a kill mid-send nobody knows whether those requests went out: they become "unknown". */
export function recoverInterrupted(core: Core): number {
  const rows = core.ws.db.prepare("SELECT * FROM publications WHERE status = 'sending'").all() as PublicationRow[];
  for (const job of rows) {
    const channel = loadChannel(core.ws.db, job.channel_id);
    const adapter = ADAPTERS[channel.kind];
    attempt(core, job, 'interrupted', 'aplikasi berhenti saat mengirim');
    if (adapter.idempotent) setState(core, job, 'queued', { next: core.now().toISOString(), error: failure('publishing.fail.interruptedResent') });
    else if (adapter.reconcile) setState(core, job, 'unknown', { next: core.now().toISOString(), error: failure('publishing.fail.interruptedCheck') });
    else setState(core, job, 'unknown', { next: NEVER, error: failure('publishing.fail.interruptedAsk', { name: channel.name }) });
  }
  return rows.length;
}

/**
 * The sender: wakes when the next job is due (so a scheduled post goes out on time, not at the
 * next poll), when a job is added, and at least every half minute to retry while offline.
 */
export function startOutbox(core: Core): () => void {
  recoverInterrupted(core);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let stopped = false;
  const plan = () => {
    if (stopped) return;
    clearTimeout(timer);
    const next = core.ws.db.prepare("SELECT min(next_attempt_at) AS at FROM publications WHERE status IN ('queued', 'scheduled', 'unknown')").get() as { at: string | null };
    const delay = next.at ? Math.max(0, Math.min(30_000, Date.parse(next.at) - core.now().getTime())) : 30_000;
    timer = setTimeout(tick, delay);
    timer.unref?.();
  };
  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    runDue(core)
      .catch((e: unknown) => console.error('[beranda] outbox:', e))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          tick();
        } else plan();
      });
  };
  const unsubscribe = core.events.subscribe((e) => {
    if (e.type === 'publications.changed' && (e.status === 'queued' || e.status === 'scheduled')) plan();
  });
  plan();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}

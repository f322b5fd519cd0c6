import { appendAudit, auditActor } from '../audit/log';
import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import { loadDocument } from '../releases/service';
import type { DocumentRecord } from '../releases/repo';
import type { VariantProblem } from '../shared/channel-rules';
import type { ChannelKind } from '../shared/channel-rules';
import type { Variant, WebsiteVariant } from './adapters/types';
import { loadChannel, type ChannelRow } from './channels';
import { composeVariant, newMarker, variantProblems } from './compose';
import { attempt, type PublicationRow } from './outbox';
import { sayStored } from '../i18n/stored-message';
import type { Lang } from '../i18n/messages';

export interface PublicationView {
  id: number;
  documentId: number;
  version: number;
  channel: { id: number; name: string; kind: ChannelKind };
  action: 'publish' | 'correct' | 'withdraw';
  status: PublicationRow['status'];
  variant: Variant;
  scheduledAt: string | null;
  nextAttemptAt: string | null;
  attempts: number;
  lastError: string | null;
  remoteUrl: string | null;
  sentAt: string | null;
  waitsForWebsite: boolean;
}

export interface Prepared {
  channel: { id: number; name: string; kind: ChannelKind; maxCharacters: number | null };
  variant: Variant;
  problems: VariantProblem[];
  /** Already live (or on its way) there. */
  existing: PublicationView | null;
  /** What publishing would do on this channel: a new post, a correction of the live one, or nothing. */
  action: 'publish' | 'correct' | null;
}

function view(core: Core, r: PublicationRow & { channel_name: string; channel_kind: ChannelKind; sent_at: string | null }, lang: Lang = 'id'): PublicationView {
  return {
    id: r.id,
    documentId: r.document_id,
    version: r.version,
    channel: { id: r.channel_id, name: r.channel_name, kind: r.channel_kind },
    action: r.action as PublicationView['action'],
    status: r.status,
    variant: JSON.parse(r.variant) as Variant,
    scheduledAt: r.scheduled_at,
    nextAttemptAt: r.next_attempt_at.startsWith('9999') ? null : r.next_attempt_at,
    attempts: r.attempts,
    lastError: sayStored(lang, r.last_error),
    remoteUrl: r.remote_url,
    sentAt: r.sent_at,
    waitsForWebsite: !!r.after_id && (core.ws.db.prepare('SELECT status FROM publications WHERE id = ?').get(r.after_id) as { status: string }).status !== 'sent',
  };
}

const SELECT = 'SELECT p.*, c.name AS channel_name, c.kind AS channel_kind FROM publications p JOIN channels c ON c.id = p.channel_id';

export function publicationsOf(core: Core, actor: Actor, documentId: number, lang: Lang = 'id'): PublicationView[] {
  requirePermission(actor.user.role, 'releases.read');
  return (core.ws.db.prepare(`${SELECT} WHERE p.document_id = ? ORDER BY p.id`).all(documentId) as Parameters<typeof view>[1][]).map((r) => view(core, r, lang));
}

export function outbox(core: Core, actor: Actor, status?: PublicationRow['status'] | 'active', lang: Lang = 'id'): PublicationView[] {
  requirePermission(actor.user.role, 'releases.read');
  const where = status === 'active' ? "WHERE p.status IN ('queued', 'scheduled', 'sending', 'unknown', 'failed')" : status ? 'WHERE p.status = @status' : '';
  return (core.ws.db.prepare(`${SELECT} ${where} ORDER BY p.id DESC LIMIT 300`).all(status && status !== 'active' ? { status } : {}) as Parameters<typeof view>[1][]).map((r) => view(core, r, lang));
}

function live(core: Core, documentId: number, channelId: number): PublicationView | null {
  const r = core.ws.db
    .prepare(`${SELECT} WHERE p.document_id = ? AND p.channel_id = ? AND p.action = 'publish' AND p.status IN ('queued', 'scheduled', 'sending', 'sent', 'unknown') ORDER BY p.id DESC LIMIT 1`)
    .get(documentId, channelId) as Parameters<typeof view>[1] | undefined;
  return r ? view(core, r) : null;
}

/**
 * A channel gets a release once. The one exception is a corrected release on the website, which
 * updates its live post instead of making a second.
 */
function plannedAction(doc: DocumentRecord, channel: ChannelRow, existing: PublicationView | null): Prepared['action'] {
  if (!existing) return 'publish';
  return channel.kind === 'wordpress' && existing.status === 'sent' && doc.isCorrection ? 'correct' : null;
}

function publishable(core: Core, actor: Actor, documentId: number) {
  requirePermission(actor.user.role, 'releases.publish');
  const doc = loadDocument(core, documentId);
  if (doc.status !== 'approved' && doc.status !== 'published') throw new AppError('CONFLICT', 'publishing.notApproved', { status: doc.status });
  return doc;
}

/** One prepared variant per chosen channel, with what the network would refuse. */
export function prepare(core: Core, actor: Actor, documentId: number, channelIds: number[]): Prepared[] {
  const doc = publishable(core, actor, documentId);
  const channels = channelIds.map((id) => loadChannel(core.ws.db, id));
  const withWebsite = channels.some((c) => c.kind === 'wordpress');
  return channels.map((c) => {
    const variant = composeVariant(doc, c, withWebsite);
    const existing = live(core, documentId, c.id);
    return {
      channel: { id: c.id, name: c.name, kind: c.kind, maxCharacters: (JSON.parse(c.settings) as { maxCharacters?: number }).maxCharacters ?? null },
      variant,
      problems: variantProblems(c, variant),
      existing,
      action: plannedAction(doc, c, existing),
    };
  });
}

export interface PublishInput {
  documentId: number;
  items: { channelId: number; variant: Variant }[];
  /** ISO time (UTC); null publishes now. */
  scheduledAt: string | null;
}

/**
 * Queues the publications in one transaction. A channel that already has this release (live or on
 * its way) is refused; a corrected release updates its website post instead of making a new one.
 */
export function publish(core: Core, actor: Actor, input: PublishInput, lang: Lang = 'id'): PublicationView[] {
  const doc = publishable(core, actor, input.documentId);
  const db = core.ws.db;
  const now = core.now();
  if (input.scheduledAt && Date.parse(input.scheduledAt) < now.getTime() - 60_000) throw new AppError('VALIDATION', 'publishing.scheduleInPast');
  const at = now.toISOString();
  const ids = db.transaction(() => {
    const rows: { channel: ChannelRow; variant: Variant }[] = input.items.map((i) => ({ channel: loadChannel(db, i.channelId), variant: i.variant }));
    // The website first: social posts link to it.
    rows.sort((a, b) => Number(b.channel.kind === 'wordpress') - Number(a.channel.kind === 'wordpress'));
    let websiteJob: number | null = null;
    const out: number[] = [];
    for (const { channel, variant } of rows) {
      if (!channel.active) throw new AppError('VALIDATION', 'publishing.channelInactive', { name: channel.name });
      if ((channel.kind === 'wordpress') !== (variant.kind === 'website')) throw new AppError('VALIDATION', 'publishing.wrongVariant', { name: channel.name });
      const problems = variantProblems(channel, variant);
      if (problems.length) throw new AppError('VALIDATION', 'publishing.variantRefused', { name: channel.name }, { channelId: channel.id, problems });
      const action = plannedAction(doc, channel, live(core, doc.id, channel.id));
      if (!action) throw new AppError('CONFLICT', 'publishing.alreadyThere', { name: channel.name });
      const marker = newMarker();
      const v = variant.kind === 'website' ? ({ ...variant, slug: `${(variant as WebsiteVariant).slug || 'rilis'}-${marker}` } satisfies WebsiteVariant) : variant;
      const needsLink = variant.kind === 'social' && variant.text.includes('{tautan}');
      const status = input.scheduledAt && Date.parse(input.scheduledAt) > now.getTime() ? 'scheduled' : 'queued';
      // WordPress schedules by itself (status "future"), so the website post goes out now.
      const due = channel.kind === 'wordpress' || !input.scheduledAt ? at : input.scheduledAt;
      const id: number = Number(
        db
          .prepare(
            `INSERT INTO publications (document_id, version, channel_id, action, status, variant, scheduled_at, next_attempt_at, marker, after_id, created_by, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(doc.id, doc.version, channel.id, action, status, JSON.stringify(v), input.scheduledAt, due, marker, needsLink ? websiteJob : null, actor.user.id, at, at).lastInsertRowid,
      );
      if (channel.kind === 'wordpress') websiteJob = id;
      out.push(id);
    }
    appendAudit(db, auditActor(actor), 'release.publication_queued', String(doc.id), { channels: rows.map((r) => r.channel.name), scheduledAt: input.scheduledAt }, now);
    return out;
  })();
  for (const id of ids) {
    const r = db.prepare('SELECT status FROM publications WHERE id = ?').get(id) as { status: string };
    core.events.publish({ type: 'publications.changed', documentId: doc.id, id, status: r.status });
  }
  return publicationsOf(core, actor, doc.id, lang);
}

function loadJob(core: Core, id: number): PublicationRow {
  const r = core.ws.db.prepare('SELECT * FROM publications WHERE id = ?').get(id) as PublicationRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'publishing.jobNotFound');
  return r;
}

function change(core: Core, actor: Actor, job: PublicationRow, status: PublicationRow['status'], extra: { url?: string | null } = {}, action: string): void {
  const db = core.ws.db;
  const at = core.now().toISOString();
  db.transaction(() => {
    db.prepare(
      `UPDATE publications SET status = ?, next_attempt_at = ?, last_error = ?, remote_url = coalesce(?, remote_url), sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END, updated_at = ? WHERE id = ?`,
    ).run(status, at, null, extra.url ?? null, status, at, at, job.id);
    attempt(core, job, action, actor.user.username);
    appendAudit(db, auditActor(actor), `publication.${action}`, String(job.id), { documentId: job.document_id, ...(extra.url ? { url: extra.url } : {}) }, core.now());
  })();
  core.events.publish({ type: 'publications.changed', documentId: job.document_id, id: job.id, status });
}

export function cancelPublication(core: Core, actor: Actor, id: number): void {
  requirePermission(actor.user.role, 'releases.publish');
  const job = loadJob(core, id);
  if (!['queued', 'scheduled', 'failed', 'unknown'].includes(job.status)) throw new AppError('CONFLICT', 'publishing.cannotCancel', { status: job.status });
  change(core, actor, job, 'cancelled', {}, 'cancelled');
}

/** "Send again" after a failure that has been dealt with (a renewed token, a fixed text). */
export function retryPublication(core: Core, actor: Actor, id: number): void {
  requirePermission(actor.user.role, 'releases.publish');
  const job = loadJob(core, id);
  if (job.status !== 'failed') throw new AppError('CONFLICT', 'publishing.cannotRetry', { status: job.status });
  core.ws.db.prepare('UPDATE publications SET attempts = 0 WHERE id = ?').run(id);
  change(core, actor, job, 'queued', {}, 'retried');
}

/**
 * An "unknown" publication on a channel that cannot be searched: the person who checked the
 * account says whether it went out (with its address) or not (send it again).
 */
export function resolveUnknown(core: Core, actor: Actor, id: number, posted: boolean, url: string | null): void {
  requirePermission(actor.user.role, 'releases.publish');
  const job = loadJob(core, id);
  if (job.status !== 'unknown') throw new AppError('CONFLICT', 'publishing.notUnknown', { status: job.status });
  if (posted) change(core, actor, job, 'sent', { url }, 'confirmed_sent');
  else change(core, actor, job, 'queued', {}, 'confirmed_not_sent');
}

/** A withdrawn release leaves the website: its post goes back to draft. */
export function registerPublishingHooks(core: Core): () => void {
  return core.events.subscribe((e) => {
    if (e.type !== 'release.changed' || e.status !== 'withdrawn') return;
    const db = core.ws.db;
    const sentPosts = db
      .prepare("SELECT p.* FROM publications p JOIN channels c ON c.id = p.channel_id WHERE p.document_id = ? AND c.kind = 'wordpress' AND p.action IN ('publish', 'correct') AND p.status = 'sent'")
      .all(e.id) as PublicationRow[];
    const at = core.now().toISOString();
    for (const p of sentPosts) {
      const pending = db.prepare("SELECT 1 FROM publications WHERE document_id = ? AND channel_id = ? AND action = 'withdraw' AND status NOT IN ('failed', 'cancelled')").get(e.id, p.channel_id);
      if (pending) continue;
      const id = Number(
        db
          .prepare(
            `INSERT INTO publications (document_id, version, channel_id, action, status, variant, next_attempt_at, marker, created_by, created_at, updated_at) VALUES (?, ?, ?, 'withdraw', 'queued', ?, ?, ?, ?, ?, ?)`,
          )
          .run(p.document_id, p.version, p.channel_id, p.variant, at, newMarker(), p.created_by, at, at).lastInsertRowid,
      );
      core.events.publish({ type: 'publications.changed', documentId: e.id, id, status: 'queued' });
    }
  });
}

import { appendAudit, auditActor } from '../audit/log';
import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import type { ChannelKind } from '../shared/channel-rules';
import type { Db } from '../storage/database';
import { DEFAULT_BASE_URL, SECRET_FIELD } from '../shared/channel-rules';
import { ADAPTERS } from './adapters/index';
import type { ChannelConfig } from './adapters/types';
import { buildContext } from './context';
import { say, sayStored } from '../i18n/stored-message';
import { describeFailure, type Failure } from './failures';
import type { Lang } from '../i18n/messages';

export interface ChannelRow {
  id: number;
  kind: ChannelKind;
  name: string;
  base_url: string;
  account: string;
  sealed_secret: string | null;
  settings: string;
  active: number;
  token_expires_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

/** A channel as the UI sees it: its health, never its credentials. */
export interface ChannelView {
  id: number;
  kind: ChannelKind;
  name: string;
  baseUrl: string;
  account: string;
  active: boolean;
  hasSecret: boolean;
  settings: Record<string, unknown>;
  tokenExpiresAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface ChannelInput {
  id?: number | undefined;
  kind: ChannelKind;
  name: string;
  baseUrl: string;
  account: string;
  active: boolean;
  /** Only the fields being set; an empty object keeps the stored secret. */
  secret: Record<string, string>;
  settings: Record<string, unknown>;
  tokenExpiresOn?: string | null | undefined;
}

export function channelView(r: ChannelRow, lang: Lang = 'id'): ChannelView {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    baseUrl: r.base_url,
    account: r.account,
    active: r.active === 1,
    hasSecret: !!r.sealed_secret,
    settings: JSON.parse(r.settings) as Record<string, unknown>,
    tokenExpiresAt: r.token_expires_at,
    lastSuccessAt: r.last_success_at,
    lastError: sayStored(lang, r.last_error),
    lastErrorAt: r.last_error_at,
  };
}

export function loadChannel(db: Db, id: number): ChannelRow {
  const row = db.prepare('SELECT * FROM channels WHERE id = ?').get(id) as ChannelRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'publishing.channelNotFound');
  return row;
}

export function channelConfig(r: ChannelRow): ChannelConfig {
  return { id: r.id, kind: r.kind, name: r.name, baseUrl: r.base_url, account: r.account, settings: JSON.parse(r.settings) as Record<string, unknown> };
}

/** Opens the sealed credentials; a workspace restored on another computer cannot, and says so. */
export async function openSecret(core: Core, r: ChannelRow): Promise<Record<string, string>> {
  if (!r.sealed_secret) throw new AppError('VALIDATION', 'publishing.noSecret', { name: r.name });
  try {
    return JSON.parse(await core.secrets.decrypt(r.sealed_secret)) as Record<string, string>;
  } catch {
    throw new AppError('VALIDATION', 'publishing.secretUnreadable', { name: r.name });
  }
}

export function listChannels(core: Core, actor: Actor, lang: Lang = 'id'): ChannelView[] {
  requirePermission(actor.user.role, 'releases.read');
  return (core.ws.db.prepare('SELECT * FROM channels ORDER BY kind, name').all() as ChannelRow[]).map((r) => channelView(r, lang));
}

export async function saveChannel(core: Core, actor: Actor, input: ChannelInput): Promise<ChannelView> {
  requirePermission(actor.user.role, 'channels.manage');
  const db = core.ws.db;
  const old = input.id ? loadChannel(db, input.id) : undefined;
  if (old && old.kind !== input.kind) throw new AppError('VALIDATION', 'publishing.kindFixed');
  const baseUrl = (input.baseUrl || DEFAULT_BASE_URL[input.kind]).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) throw new AppError('VALIDATION', 'publishing.baseUrlRequired', {}, { field: 'baseUrl' });
  const given = Object.fromEntries(Object.entries(input.secret).filter(([k, v]) => SECRET_FIELD[input.kind] === k && v.trim()));
  let sealed = old?.sealed_secret ?? null;
  if (Object.keys(given).length) {
    const previous = old?.sealed_secret ? await openSecret(core, old).catch(() => ({})) : {};
    sealed = await core.secrets.encrypt(JSON.stringify({ ...previous, ...given }));
  }
  const at = core.now().toISOString();
  const settings = JSON.stringify({ ...(old ? (JSON.parse(old.settings) as object) : {}), ...input.settings });
  const id = db.transaction(() => {
    let cid = input.id;
    if (cid) {
      db.prepare('UPDATE channels SET name = ?, base_url = ?, account = ?, sealed_secret = ?, settings = ?, active = ?, updated_at = ? WHERE id = ?').run(input.name, baseUrl, input.account, sealed, settings, input.active ? 1 : 0, at, cid);
    } else {
      cid = Number(
        db.prepare('INSERT INTO channels (kind, name, base_url, account, sealed_secret, settings, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(input.kind, input.name, baseUrl, input.account, sealed, settings, input.active ? 1 : 0, at, at).lastInsertRowid,
      );
    }
    // Which fields changed, never their values.
    if (input.tokenExpiresOn !== undefined) db.prepare('UPDATE channels SET token_expires_at = ? WHERE id = ?').run(input.tokenExpiresOn ? `${input.tokenExpiresOn}T00:00:00.000Z` : null, cid);
    appendAudit(db, auditActor(actor), input.id ? 'channel.updated' : 'channel.created', String(cid), { kind: input.kind, name: input.name, secretChanged: Object.keys(given) }, core.now());
    return cid;
  })();
  core.events.publish({ type: 'channels.changed' });
  return channelView(loadChannel(db, id));
}

export function removeChannel(core: Core, actor: Actor, id: number): void {
  requirePermission(actor.user.role, 'channels.manage');
  const db = core.ws.db;
  const row = loadChannel(db, id);
  const used = (db.prepare('SELECT count(*) AS n FROM publications WHERE channel_id = ?').get(id) as { n: number }).n;
  db.transaction(() => {
    // A channel with a history is switched off rather than deleted: its links stay on the releases.
    if (used) db.prepare('UPDATE channels SET active = 0, sealed_secret = NULL WHERE id = ?').run(id);
    else db.prepare('DELETE FROM channels WHERE id = ?').run(id);
    appendAudit(db, auditActor(actor), 'channel.removed', String(id), { kind: row.kind, name: row.name }, core.now());
  })();
  core.events.publish({ type: 'channels.changed' });
}

/** Records a channel's health after any call: the last success, or the last error in plain words. */
export function recordHealth(core: Core, channelId: number, outcome: { ok: true } | { ok: false; failure: Failure }): void {
  const at = core.now().toISOString();
  // A token that works again is no longer marked expired (a date the admin set ahead stays).
  if (outcome.ok) core.ws.db.prepare('UPDATE channels SET last_success_at = ?, last_error = NULL, last_error_at = NULL, token_expires_at = CASE WHEN token_expires_at <= ? THEN NULL ELSE token_expires_at END WHERE id = ?').run(at, at, channelId);
  else core.ws.db.prepare('UPDATE channels SET last_error = ?, last_error_at = ? WHERE id = ?').run(JSON.stringify(outcome.failure), at, channelId);
}

/** "Test connection": who the credentials act as, or why they do not work. */
export async function testChannel(core: Core, actor: Actor, id: number, lang: Lang = 'id'): Promise<{ ok: boolean; account: string | null; message: string | null; channel: ChannelView }> {
  requirePermission(actor.user.role, 'channels.manage');
  const row = loadChannel(core.ws.db, id);
  const ctx = await buildContext(core, row, null);
  try {
    const r = await ADAPTERS[row.kind].test(ctx);
    core.ws.db.prepare('UPDATE channels SET settings = ?, token_expires_at = ? WHERE id = ?').run(JSON.stringify(ctx.channel.settings), r.tokenExpiresAt, id);
    recordHealth(core, id, { ok: true });
    return { ok: true, account: r.account, message: null, channel: channelView(loadChannel(core.ws.db, id), lang) };
  } catch (e) {
    const failure = describeFailure(e);
    recordHealth(core, id, { ok: false, failure });
    return { ok: false, account: null, message: say(lang, failure), channel: channelView(loadChannel(core.ws.db, id), lang) };
  }
}

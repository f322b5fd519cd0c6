import { appendAudit, auditActor } from '../audit/log';
import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import { translate, type Lang } from '../i18n/messages';
import type { Db } from '../storage/database';
import { decodeFeed } from './decode';
import { fetchFeed, type FetchOptions } from './fetch-feed';
import { sayStored } from '../i18n/stored-message';
import { describeFailure, refreshFeed, type RefreshOutcome } from './ingest';
import { discoverFeeds, FeedFormatError, parseFeed } from './parse-feed';
import { unreadFloor } from './unread';

export interface FolderView {
  id: number;
  name: string;
}

export interface FeedView {
  id: number;
  url: string;
  siteUrl: string | null;
  title: string;
  folderId: number | null;
  paused: boolean;
  /** Why it is paused, or the last error while it still runs; in the reader's language. */
  problem: string | null;
  failures: number;
  intervalMinutes: number;
  lastSuccessAt: string | null;
  nextFetchAt: string;
  unread: number;
}

export interface FeedCandidate {
  url: string;
  title: string;
}

interface FeedDbRow {
  id: number;
  url: string;
  site_url: string | null;
  title: string;
  folder_id: number | null;
  paused: number;
  pause_reason: string | null;
  last_error: string | null;
  failures: number;
  interval_minutes: number;
  last_success_at: string | null;
  next_fetch_at: string;
}

function feedView(row: FeedDbRow, unread: number, lang: Lang): FeedView {
  const problem = !row.paused
    ? sayStored(lang, row.last_error)
    : row.pause_reason
      ? translate(lang, 'monitoring.pausedAfter', { n: row.failures, reason: sayStored(lang, row.pause_reason)! })
      : translate(lang, 'monitoring.pausedByUser');
  return {
    id: row.id,
    url: row.url,
    siteUrl: row.site_url,
    title: row.title || row.url,
    folderId: row.folder_id,
    paused: row.paused === 1,
    problem,
    failures: row.failures,
    intervalMinutes: row.interval_minutes,
    lastSuccessAt: row.last_success_at,
    nextFetchAt: row.next_fetch_at,
    unread,
  };
}

function unreadByFeed(db: Db, userId: number, floor: number): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT feed_id AS id, count(*) AS n FROM feed_items i
       WHERE i.id >= ? AND NOT EXISTS (SELECT 1 FROM feed_item_reads r WHERE r.user_id = ? AND r.item_id = i.id) GROUP BY feed_id`,
    )
    .all(floor, userId) as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function listFeeds(core: Core, actor: Actor, lang: Lang): { folders: FolderView[]; feeds: FeedView[]; starred: number } {
  requirePermission(actor.user.role, 'monitoring.read');
  const db = core.ws.db;
  const unread = unreadByFeed(db, actor.user.id, unreadFloor(db, core.now()));
  const feeds = (db.prepare('SELECT * FROM feeds ORDER BY title COLLATE NOCASE, id').all() as FeedDbRow[]).map((r) => feedView(r, unread.get(r.id) ?? 0, lang));
  const folders = db.prepare('SELECT id, name FROM feed_folders ORDER BY name COLLATE NOCASE').all() as FolderView[];
  const starred = (db.prepare('SELECT count(*) AS n FROM feed_item_stars WHERE user_id = ?').get(actor.user.id) as { n: number }).n;
  return { folders, feeds, starred };
}

export function loadFeed(db: Db, id: number): FeedDbRow {
  const row = db.prepare('SELECT * FROM feeds WHERE id = ?').get(id) as FeedDbRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'monitoring.feedNotFound');
  return row;
}

export function feedById(core: Core, actor: Actor, id: number, lang: Lang): FeedView {
  const row = loadFeed(core.ws.db, id);
  return feedView(row, unreadByFeed(core.ws.db, actor.user.id, unreadFloor(core.ws.db, core.now())).get(id) ?? 0, lang);
}

function checkFolder(db: Db, folderId: number | null): void {
  if (folderId !== null && !db.prepare('SELECT 1 FROM feed_folders WHERE id = ?').get(folderId)) throw new AppError('NOT_FOUND', 'monitoring.folderNotFound');
}

function refuseDuplicate(db: Db, url: string): void {
  const existing = db.prepare('SELECT title, url FROM feeds WHERE url = ?').get(url) as { title: string; url: string } | undefined;
  if (existing) throw new AppError('CONFLICT', 'monitoring.alreadySubscribed', { title: existing.title || existing.url });
}

/**
 * What subscribing to `url` would follow: the URL itself when it is a feed, otherwise the feeds its
 * page announces with <link rel="alternate">. Fetch problems are said as for a failing feed.
 */
export async function discover(url: string, fetchOptions: FetchOptions = {}): Promise<{ feedUrl: string | null; title: string; candidates: FeedCandidate[] }> {
  const result = await fetchFeed(url, fetchOptions);
  if (result.kind === 'not-modified') return { feedUrl: url, title: '', candidates: [] };
  if (result.kind === 'error') {
    const f = describeFailure(result.code, result.status, result.detail);
    throw new AppError('VALIDATION', f.key, f.params);
  }
  const text = decodeFeed(result.body, result.contentType).text;
  try {
    const feed = await parseFeed(text);
    return { feedUrl: result.url, title: feed.title, candidates: [] };
  } catch (e) {
    if (!(e instanceof FeedFormatError)) throw e;
    const found = discoverFeeds(text, result.url);
    if (!found.length) throw new AppError('VALIDATION', 'monitoring.noFeedFound');
    return { feedUrl: null, title: '', candidates: found.map((c) => ({ url: c.url, title: c.title || c.url })) };
  }
}

/**
 * Subscribes: to the URL when it is a feed, or to the one feed its page announces. A page that
 * announces several returns them to choose from, and nothing is subscribed yet. The first fetch
 * runs at once so the reader sees items straight away.
 */
export async function addFeed(
  core: Core,
  actor: Actor,
  input: { url: string; folderId: number | null; title: string },
  fetchOptions: FetchOptions = {},
): Promise<{ feedId: number | null; candidates: FeedCandidate[] }> {
  requirePermission(actor.user.role, 'monitoring.manage');
  const db = core.ws.db;
  checkFolder(db, input.folderId);
  refuseDuplicate(db, input.url);
  const found = await discover(input.url, fetchOptions);
  let feedUrl = found.feedUrl;
  if (!feedUrl) {
    if (found.candidates.length > 1) return { feedId: null, candidates: found.candidates };
    feedUrl = found.candidates[0]!.url;
  }
  refuseDuplicate(db, feedUrl);
  const at = core.now().toISOString();
  const id = db.transaction(() => {
    const newId = Number(
      db.prepare('INSERT INTO feeds (url, title, folder_id, next_fetch_at, created_at) VALUES (?, ?, ?, ?, ?)').run(feedUrl, input.title || found.title, input.folderId, at, at).lastInsertRowid,
    );
    appendAudit(db, auditActor(actor), 'feed.added', String(newId), { url: feedUrl }, core.now());
    return newId;
  })();
  await refreshFeed(core, id, fetchOptions);
  core.events.publish({ type: 'feeds.changed' });
  return { feedId: id, candidates: [] };
}

export function updateFeed(core: Core, actor: Actor, input: { id: number; title?: string | undefined; folderId?: number | null | undefined; intervalMinutes?: number | undefined }): void {
  requirePermission(actor.user.role, 'monitoring.manage');
  const db = core.ws.db;
  const feed = loadFeed(db, input.id);
  if (input.folderId !== undefined) checkFolder(db, input.folderId);
  db.prepare('UPDATE feeds SET title = ?, folder_id = ?, interval_minutes = ? WHERE id = ?').run(
    input.title ?? feed.title,
    input.folderId === undefined ? feed.folder_id : input.folderId,
    input.intervalMinutes ?? feed.interval_minutes,
    feed.id,
  );
  core.events.publish({ type: 'feeds.changed' });
}

/** Pausing stops polling; resuming clears the failure count and fetches at the next tick. */
export function setPaused(core: Core, actor: Actor, id: number, paused: boolean): void {
  requirePermission(actor.user.role, 'monitoring.manage');
  const db = core.ws.db;
  loadFeed(db, id);
  if (paused) db.prepare('UPDATE feeds SET paused = 1, pause_reason = NULL WHERE id = ?').run(id);
  else db.prepare('UPDATE feeds SET paused = 0, pause_reason = NULL, failures = 0, next_fetch_at = ? WHERE id = ?').run(core.now().toISOString(), id);
  core.events.publish({ type: 'feeds.changed' });
}

export function removeFeed(core: Core, actor: Actor, id: number): void {
  requirePermission(actor.user.role, 'monitoring.manage');
  const db = core.ws.db;
  const feed = loadFeed(db, id);
  db.transaction(() => {
    db.prepare('DELETE FROM feeds WHERE id = ?').run(id);
    appendAudit(db, auditActor(actor), 'feed.removed', String(id), { url: feed.url }, core.now());
  })();
  core.events.publish({ type: 'feeds.changed' });
}

/** "Refresh now": fetches even a paused feed; success resumes it. */
export async function refreshNow(core: Core, actor: Actor, id: number, fetchOptions: FetchOptions = {}): Promise<RefreshOutcome> {
  requirePermission(actor.user.role, 'monitoring.read');
  loadFeed(core.ws.db, id);
  const outcome = await refreshFeed(core, id, fetchOptions);
  if (outcome.kind !== 'failed') core.ws.db.prepare('UPDATE feeds SET paused = 0, pause_reason = NULL WHERE id = ?').run(id);
  announceRefresh(core, id, outcome);
  return outcome;
}

/** Tells open screens what a fetch brought: new items, and each watchlist that matched. */
export function announceRefresh(core: Core, feedId: number, outcome: RefreshOutcome): void {
  core.events.publish({ type: 'feeds.changed' });
  if (outcome.kind !== 'updated' || !outcome.newItems.length) return;
  core.events.publish({ type: 'items.new', feedId, count: outcome.newItems.length });
  for (const hit of outcome.hits) {
    const w = core.ws.db.prepare('SELECT name, notify FROM watchlists WHERE id = ?').get(hit.watchlistId) as { name: string; notify: number } | undefined;
    const first = core.ws.db.prepare('SELECT title FROM feed_items WHERE id = ?').get(hit.itemIds[0]) as { title: string } | undefined;
    if (w) core.events.publish({ type: 'watchlist.hit', watchlistId: hit.watchlistId, name: w.name, count: hit.itemIds.length, notify: w.notify === 1, itemId: hit.itemIds[0]!, title: first?.title ?? '' });
  }
}

export function createFolder(core: Core, actor: Actor, name: string): FolderView {
  requirePermission(actor.user.role, 'monitoring.manage');
  const db = core.ws.db;
  if (db.prepare('SELECT 1 FROM feed_folders WHERE name = ?').get(name)) throw new AppError('CONFLICT', 'monitoring.folderExists', { name });
  const id = Number(db.prepare('INSERT INTO feed_folders (name) VALUES (?)').run(name).lastInsertRowid);
  core.events.publish({ type: 'feeds.changed' });
  return { id, name };
}

export function renameFolder(core: Core, actor: Actor, id: number, name: string): void {
  requirePermission(actor.user.role, 'monitoring.manage');
  const db = core.ws.db;
  checkFolder(db, id);
  const clash = db.prepare('SELECT id FROM feed_folders WHERE name = ? AND id != ?').get(name, id);
  if (clash) throw new AppError('CONFLICT', 'monitoring.folderExists', { name });
  db.prepare('UPDATE feed_folders SET name = ? WHERE id = ?').run(name, id);
  core.events.publish({ type: 'feeds.changed' });
}

/** Its feeds stay, outside any folder; watchlists limited to it forget it. */
export function deleteFolder(core: Core, actor: Actor, id: number): void {
  requirePermission(actor.user.role, 'monitoring.manage');
  const db = core.ws.db;
  checkFolder(db, id);
  db.transaction(() => {
    db.prepare('DELETE FROM feed_folders WHERE id = ?').run(id);
    const lists = db.prepare('SELECT id, folder_ids FROM watchlists').all() as { id: number; folder_ids: string }[];
    for (const w of lists) {
      const ids = (JSON.parse(w.folder_ids) as number[]).filter((f) => f !== id);
      db.prepare('UPDATE watchlists SET folder_ids = ? WHERE id = ?').run(JSON.stringify(ids), w.id);
    }
  })();
  core.events.publish({ type: 'feeds.changed' });
}

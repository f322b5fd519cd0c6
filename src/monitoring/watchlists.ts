import { appendAudit, auditActor } from '../audit/log';
import { person, type PersonRef } from '../auth/people';
import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import type { Db } from '../storage/database';
import { unreadFloor } from './unread';
import { QueryError, toFtsQuery } from './watchlist-query';

/** New watchlists look back this far, so they show matches (and a baseline for spikes) at once. */
export const BACKFILL_DAYS = 14;
/** Fewer matches than this in a day is never a spike, whatever the average. */
export const SPIKE_MIN_HITS = 3;

export interface WatchlistInput {
  name: string;
  query: string;
  folderIds: number[];
  notify: boolean;
  spikeFactor: number;
}

export interface WatchlistView extends WatchlistInput {
  id: number;
  hits24h: number;
  /** Matches per day over the 14 days before the last 24 hours. */
  dailyAverage: number;
  spiking: boolean;
  unread: number;
  lastHitAt: string | null;
  createdBy: PersonRef;
}

/** The office's query language as FTS5, or a clear message about what to fix. */
export function compileQuery(query: string): string {
  try {
    return toFtsQuery(query);
  } catch (e) {
    if (e instanceof QueryError) throw new AppError('VALIDATION', `monitoring.query.${e.problem}`, { op: e.op }, { field: 'query' });
    throw e;
  }
}

interface WatchlistRow {
  id: number;
  name: string;
  query: string;
  fts_query: string;
  folder_ids: string;
  notify: number;
  spike_factor: number;
  created_by: number;
}

function load(db: Db, id: number): WatchlistRow {
  const row = db.prepare('SELECT * FROM watchlists WHERE id = ?').get(id) as WatchlistRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'monitoring.watchlistNotFound');
  return row;
}

/** The SQL condition that limits a watchlist to its folders (none: everywhere). */
export function folderFilter(folderIds: number[]): string {
  return folderIds.length ? `AND i.feed_id IN (SELECT id FROM feeds WHERE folder_id IN (${folderIds.map(Number).join(',')}))` : '';
}

function view(core: Core, actor: Actor, row: WatchlistRow, floor: number): WatchlistView {
  const db = core.ws.db;
  const now = core.now().getTime();
  const dayAgo = new Date(now - 86_400_000).toISOString();
  const windowStart = new Date(now - (BACKFILL_DAYS + 1) * 86_400_000).toISOString();
  const counts = db
    .prepare(
      `SELECT sum(at >= @dayAgo) AS recent, sum(at < @dayAgo AND at >= @windowStart) AS before, max(at) AS last,
         sum(item_id >= @floor AND NOT EXISTS (SELECT 1 FROM feed_item_reads r WHERE r.user_id = @user AND r.item_id = h.item_id)) AS unread
       FROM watchlist_hits h WHERE watchlist_id = @id`,
    )
    .get({ id: row.id, dayAgo, windowStart, floor, user: actor.user.id }) as { recent: number | null; before: number | null; last: string | null; unread: number | null };
  const hits24h = counts.recent ?? 0;
  const dailyAverage = (counts.before ?? 0) / BACKFILL_DAYS;
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    folderIds: JSON.parse(row.folder_ids) as number[],
    notify: row.notify === 1,
    spikeFactor: row.spike_factor,
    hits24h,
    dailyAverage: Math.round(dailyAverage * 10) / 10,
    spiking: hits24h >= SPIKE_MIN_HITS && hits24h > dailyAverage * row.spike_factor,
    unread: counts.unread ?? 0,
    lastHitAt: counts.last,
    createdBy: person(db, row.created_by),
  };
}

export function listWatchlists(core: Core, actor: Actor): WatchlistView[] {
  requirePermission(actor.user.role, 'monitoring.read');
  const db = core.ws.db;
  const floor = unreadFloor(db, core.now());
  return (db.prepare('SELECT * FROM watchlists ORDER BY name COLLATE NOCASE').all() as WatchlistRow[]).map((r) => view(core, actor, r, floor));
}

/** Records matches among items that arrived in the last 14 days, dated when they arrived. */
function backfill(core: Core, id: number, fts: string, folderIds: number[]): void {
  const since = new Date(core.now().getTime() - BACKFILL_DAYS * 86_400_000 - 86_400_000).toISOString();
  core.ws.db
    .prepare(
      `INSERT OR IGNORE INTO watchlist_hits (watchlist_id, item_id, at)
       SELECT ?, i.id, i.fetched_at FROM feed_items_fts x JOIN feed_items i ON i.id = x.rowid
       WHERE feed_items_fts MATCH ? AND i.fetched_at >= ? ${folderFilter(folderIds)}`,
    )
    .run(id, fts, since);
}

export function saveWatchlist(core: Core, actor: Actor, input: WatchlistInput & { id?: number | undefined }): WatchlistView {
  requirePermission(actor.user.role, 'monitoring.manage');
  const db = core.ws.db;
  const fts = compileQuery(input.query);
  for (const f of input.folderIds) if (!db.prepare('SELECT 1 FROM feed_folders WHERE id = ?').get(f)) throw new AppError('NOT_FOUND', 'monitoring.folderNotFound');
  const at = core.now().toISOString();
  const id = db.transaction(() => {
    let wid = input.id;
    const values = [input.name, input.query, fts, JSON.stringify(input.folderIds), input.notify ? 1 : 0, input.spikeFactor, at] as const;
    if (wid) {
      const old = load(db, wid);
      db.prepare('UPDATE watchlists SET name = ?, query = ?, fts_query = ?, folder_ids = ?, notify = ?, spike_factor = ?, updated_at = ? WHERE id = ?').run(...values, wid);
      if (old.fts_query !== fts || old.folder_ids !== values[3]) {
        db.prepare('DELETE FROM watchlist_hits WHERE watchlist_id = ?').run(wid);
        backfill(core, wid, fts, input.folderIds);
      }
    } else {
      wid = Number(
        db.prepare('INSERT INTO watchlists (name, query, fts_query, folder_ids, notify, spike_factor, updated_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(...values, actor.user.id, at).lastInsertRowid,
      );
      backfill(core, wid, fts, input.folderIds);
    }
    appendAudit(db, auditActor(actor), input.id ? 'watchlist.updated' : 'watchlist.created', String(wid), { name: input.name, query: input.query }, core.now());
    return wid;
  })();
  core.events.publish({ type: 'feeds.changed' });
  return view(core, actor, load(db, id), unreadFloor(db, core.now()));
}

export function removeWatchlist(core: Core, actor: Actor, id: number): void {
  requirePermission(actor.user.role, 'monitoring.manage');
  const db = core.ws.db;
  const row = load(db, id);
  db.transaction(() => {
    db.prepare('DELETE FROM watchlists WHERE id = ?').run(id);
    appendAudit(db, auditActor(actor), 'watchlist.removed', String(id), { name: row.name }, core.now());
  })();
  core.events.publish({ type: 'feeds.changed' });
}

/** What a query would have caught over the last 14 days: a count and the newest titles. */
export function previewQuery(core: Core, actor: Actor, query: string, folderIds: number[]): { fts: string; count: number; titles: string[] } {
  requirePermission(actor.user.role, 'monitoring.read');
  const fts = compileQuery(query);
  const since = new Date(core.now().getTime() - BACKFILL_DAYS * 86_400_000).toISOString();
  const rows = core.ws.db
    .prepare(`SELECT i.title FROM feed_items_fts x JOIN feed_items i ON i.id = x.rowid WHERE feed_items_fts MATCH ? AND i.fetched_at >= ? ${folderFilter(folderIds)} ORDER BY x.rowid DESC`)
    .all(fts, since) as { title: string }[];
  return { fts, count: rows.length, titles: rows.slice(0, 5).map((r) => r.title) };
}

/** For the home screen: matches in the last 24 hours, and which watchlists are spiking. */
export function watchlistSummary(core: Core, actor: Actor): { hits24h: number; unread: number; spiking: { id: number; name: string }[]; failingFeeds: number } {
  const lists = listWatchlists(core, actor);
  const failingFeeds = (core.ws.db.prepare('SELECT count(*) AS n FROM feeds WHERE paused = 1 AND pause_reason IS NOT NULL OR last_error IS NOT NULL').get() as { n: number }).n;
  return {
    hits24h: lists.reduce((n, w) => n + w.hits24h, 0),
    unread: lists.reduce((n, w) => n + w.unread, 0),
    spiking: lists.filter((w) => w.spiking).map((w) => ({ id: w.id, name: w.name })),
    failingFeeds,
  };
}

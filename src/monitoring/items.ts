import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import { highlight, queryTerms, snippet } from '../releases/snippet';
import type { Db } from '../storage/database';
import { sanitizeFeedHtml } from './sanitize';
import { unreadFloor } from './unread';
import { compileQuery } from './watchlists';

export type RiverScope = { kind: 'all' } | { kind: 'starred' } | { kind: 'folder'; id: number } | { kind: 'feed'; id: number } | { kind: 'watchlist'; id: number };

export interface RiverQuery {
  scope: RiverScope;
  unreadOnly: boolean;
  q?: string | undefined;
  /** Cursor: only items older (lower id) than this. */
  before?: number | undefined;
  limit: number;
  /** With a search: newest arrivals first (paged), or the best matches among the newest ones. */
  sort?: 'newest' | 'relevance' | undefined;
}

/** Relevance ranks this many of the newest matches: bm25 over every match of a common word in a million items would take seconds. */
export const RANK_WINDOW = 2000;

export interface ItemSource {
  itemId: number;
  feedTitle: string;
  link: string | null;
}

export interface RiverItem {
  id: number;
  feedId: number;
  feedTitle: string;
  title: string;
  /** Title and excerpt with matches between \u0002 and \u0003 (rendered as <mark>, never as HTML). */
  titleMarked: string;
  snippet: string;
  link: string | null;
  author: string;
  publishedAt: string | null;
  fetchedAt: string;
  read: boolean;
  starred: boolean;
  caseId: number | null;
  watchlists: { id: number; name: string }[];
  /** The same story from other outlets. */
  sources: ItemSource[];
}

export interface ItemView extends RiverItem {
  /** Sanitized here, on the way out: scripts, handlers, frames, forms and javascript: never leave the core. */
  html: string;
  text: string;
  /** Remote images in the HTML, parked until the reader asks for them. */
  images: number;
}

interface ItemRow {
  id: number;
  feed_id: number;
  feed_title: string;
  feed_url: string;
  title: string;
  text: string;
  link: string | null;
  author: string;
  published_at: string | null;
  fetched_at: string;
  case_id: number | null;
  read: number;
  starred: number;
}

const COLUMNS = `i.id, i.feed_id, coalesce(nullif(f.title, ''), f.url) AS feed_title, f.url AS feed_url, i.title, i.text, i.link, i.author,
  i.published_at, i.fetched_at, i.case_id,
  EXISTS (SELECT 1 FROM feed_item_reads r WHERE r.user_id = @user AND r.item_id = i.id) AS read,
  EXISTS (SELECT 1 FROM feed_item_stars s WHERE s.user_id = @user AND s.item_id = i.id) AS starred`;

/** The SQL condition that keeps an item in the scope, and the ones "unread" adds. */
function scopeFilter(scope: RiverScope, grouped: boolean): string {
  switch (scope.kind) {
    case 'all':
      // The river shows a story once, at its first item; the other outlets are listed under it.
      return grouped ? 'i.story_id IS NULL' : '1';
    case 'starred':
      return 'i.id IN (SELECT item_id FROM feed_item_stars WHERE user_id = @user)';
    case 'folder':
      return 'i.feed_id IN (SELECT id FROM feeds WHERE folder_id = @scopeId)';
    case 'feed':
      return 'i.feed_id = @scopeId';
    case 'watchlist':
      return 'i.id IN (SELECT item_id FROM watchlist_hits WHERE watchlist_id = @scopeId)';
  }
}

function watchlistsOf(db: Db, ids: number[]): Map<number, { id: number; name: string }[]> {
  const out = new Map<number, { id: number; name: string }[]>();
  if (!ids.length) return out;
  const rows = db
    .prepare(`SELECT h.item_id, w.id, w.name FROM watchlist_hits h JOIN watchlists w ON w.id = h.watchlist_id WHERE h.item_id IN (${ids.join(',')}) ORDER BY w.name`)
    .all() as { item_id: number; id: number; name: string }[];
  for (const r of rows) out.set(r.item_id, [...(out.get(r.item_id) ?? []), { id: r.id, name: r.name }]);
  return out;
}

function sourcesOf(db: Db, ids: number[]): Map<number, ItemSource[]> {
  const out = new Map<number, ItemSource[]>();
  if (!ids.length) return out;
  const rows = db
    .prepare(`SELECT i.story_id, i.id, coalesce(nullif(f.title, ''), f.url) AS feed_title, i.link FROM feed_items i JOIN feeds f ON f.id = i.feed_id WHERE i.story_id IN (${ids.join(',')}) ORDER BY i.id`)
    .all() as { story_id: number; id: number; feed_title: string; link: string | null }[];
  for (const r of rows) out.set(r.story_id, [...(out.get(r.story_id) ?? []), { itemId: r.id, feedTitle: r.feed_title, link: r.link }]);
  return out;
}

function toRiverItems(db: Db, rows: ItemRow[], terms: string[]): RiverItem[] {
  const ids = rows.map((r) => r.id);
  const lists = watchlistsOf(db, ids);
  const sources = sourcesOf(db, ids);
  return rows.map((r) => ({
    id: r.id,
    feedId: r.feed_id,
    feedTitle: r.feed_title,
    title: r.title,
    titleMarked: highlight(r.title, terms),
    snippet: terms.length ? snippet(r.text, terms, 30) : r.text.slice(0, 240),
    link: r.link,
    author: r.author,
    publishedAt: r.published_at,
    fetchedAt: r.fetched_at,
    read: r.read === 1,
    starred: r.starred === 1,
    caseId: r.case_id,
    watchlists: lists.get(r.id) ?? [],
    sources: sources.get(r.id) ?? [],
  }));
}

/** The words a search matched, for highlighting: the query's words without its operators. */
function searchTerms(q: string): string[] {
  return queryTerms(q.replace(/\b(AND|OR|NOT|DAN|ATAU|BUKAN)\b/g, ' '));
}

/**
 * One page of the river, newest arrivals first, after the cursor. Search walks the full-text
 * index backwards from the cursor, so a page costs the same at 1,000 or 1,000,000 items.
 */
export function listItems(core: Core, actor: Actor, query: RiverQuery): { items: RiverItem[]; nextBefore: number | null } {
  requirePermission(actor.user.role, 'monitoring.read');
  const db = core.ws.db;
  const q = query.q?.trim() ?? '';
  const match = q ? compileQuery(q) : null;
  const conditions = [scopeFilter(query.scope, !match), 'i.id < @before'];
  if (query.unreadOnly) conditions.push('i.id >= @floor', 'NOT EXISTS (SELECT 1 FROM feed_item_reads r WHERE r.user_id = @user AND r.item_id = i.id)');
  const params: Record<string, unknown> = {
    user: actor.user.id,
    scopeId: 'id' in query.scope ? query.scope.id : 0,
    before: query.before ?? Number.MAX_SAFE_INTEGER,
    floor: query.unreadOnly ? unreadFloor(db, core.now()) : 0,
    limit: query.limit,
  };
  if (match) params.match = match;
  const ranked = !!match && query.sort === 'relevance';
  const sql = ranked
    ? `SELECT ${COLUMNS} FROM (SELECT x.rowid AS id, x.rank AS r FROM feed_items_fts x JOIN feed_items i ON i.id = x.rowid
         WHERE feed_items_fts MATCH @match AND ${conditions.join(' AND ')} ORDER BY x.rowid DESC LIMIT ${RANK_WINDOW}) m
       JOIN feed_items i ON i.id = m.id JOIN feeds f ON f.id = i.feed_id ORDER BY m.r LIMIT @limit`
    : match
      ? `SELECT ${COLUMNS} FROM feed_items_fts x JOIN feed_items i ON i.id = x.rowid JOIN feeds f ON f.id = i.feed_id
       WHERE feed_items_fts MATCH @match AND x.rowid < @before AND ${conditions.join(' AND ')} ORDER BY x.rowid DESC LIMIT @limit`
      : `SELECT ${COLUMNS} FROM feed_items i JOIN feeds f ON f.id = i.feed_id WHERE ${conditions.join(' AND ')} ORDER BY i.id DESC LIMIT @limit`;
  const rows = db.prepare(sql).all(params) as ItemRow[];
  const items = toRiverItems(db, rows, match ? searchTerms(q) : []);
  // Ranked results are one page: the best of the newest matches.
  return { items, nextBefore: !ranked && rows.length === query.limit ? rows[rows.length - 1]!.id : null };
}

export function getItem(core: Core, actor: Actor, id: number): ItemView {
  requirePermission(actor.user.role, 'monitoring.read');
  const db = core.ws.db;
  const row = db.prepare(`SELECT ${COLUMNS}, i.raw_html, i.safe_html FROM feed_items i JOIN feeds f ON f.id = i.feed_id WHERE i.id = @id`).get({ user: actor.user.id, id }) as
    | (ItemRow & { raw_html: string; safe_html: string | null })
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'monitoring.itemNotFound');
  let html = row.safe_html;
  if (html === null) {
    html = sanitizeFeedHtml(row.raw_html, row.link ?? row.feed_url);
    db.prepare('UPDATE feed_items SET safe_html = ? WHERE id = ?').run(html, id);
  }
  const [item] = toRiverItems(db, [row], []);
  return { ...item!, html, text: row.text, images: (html.match(/<img\b/g) ?? []).length };
}

/** Marks items (and the rest of their stories) read or unread, starred or not, for this person. */
export function markItems(core: Core, actor: Actor, input: { ids: number[]; read?: boolean | undefined; starred?: boolean | undefined }): void {
  requirePermission(actor.user.role, 'monitoring.read');
  const db = core.ws.db;
  const at = core.now().toISOString();
  db.transaction(() => {
    if (input.read !== undefined) {
      const followers = input.ids.length ? (db.prepare(`SELECT id FROM feed_items WHERE story_id IN (${input.ids.join(',')})`).all() as { id: number }[]).map((r) => r.id) : [];
      const stmt = input.read
        ? db.prepare('INSERT OR IGNORE INTO feed_item_reads (user_id, item_id) SELECT ?, id FROM feed_items WHERE id = ?')
        : db.prepare('DELETE FROM feed_item_reads WHERE user_id = ? AND item_id = ?');
      for (const id of [...input.ids, ...followers]) stmt.run(actor.user.id, id);
    }
    if (input.starred !== undefined) {
      const star = db.prepare('INSERT OR IGNORE INTO feed_item_stars (user_id, item_id, at) SELECT ?, id, ? FROM feed_items WHERE id = ?');
      const unstar = db.prepare('DELETE FROM feed_item_stars WHERE user_id = ? AND item_id = ?');
      for (const id of input.ids) {
        if (input.starred) star.run(actor.user.id, at, id);
        else unstar.run(actor.user.id, id);
      }
    }
  })();
}

/** "Mark all read" for a scope, up to the newest item the reader has seen (not ones arriving meanwhile). */
export function markAllRead(core: Core, actor: Actor, scope: RiverScope, upTo: number): number {
  requirePermission(actor.user.role, 'monitoring.read');
  const db = core.ws.db;
  const info = db
    .prepare(`INSERT OR IGNORE INTO feed_item_reads (user_id, item_id) SELECT @user, i.id FROM feed_items i WHERE ${scopeFilter(scope, false)} AND i.id >= @floor AND i.id <= @upTo`)
    .run({ user: actor.user.id, scopeId: 'id' in scope ? scope.id : 0, floor: unreadFloor(db, core.now()), upTo });
  return info.changes;
}

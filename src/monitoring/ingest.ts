import type { Core } from '../core';
import { message, type FlatMessage } from '../i18n/stored-message';
import type { Db } from '../storage/database';
import { decodeFeed } from './decode';
import { fetchFeed, type FetchErrorCode, type FetchOptions } from './fetch-feed';
import { FeedFormatError, parseFeed, type ParsedItem } from './parse-feed';
import { htmlToText } from './sanitize';
import { groupStories } from './stories';
import { folderFilter } from './watchlists';

export const MIN_INTERVAL_MINUTES = 5;
export const PAUSE_AFTER_FAILURES = 3;

export interface FeedRow {
  id: number;
  url: string;
  title: string;
  folder_id: number | null;
  paused: number;
  etag: string | null;
  last_modified: string | null;
  interval_minutes: number;
  failures: number;
}

export interface WatchlistHits {
  watchlistId: number;
  itemIds: number[];
}

export type RefreshOutcome =
  | { kind: 'updated'; newItems: number[]; hits: WatchlistHits[]; repaired: boolean }
  | { kind: 'not-modified' }
  | { kind: 'failed'; failure: Failure; paused: boolean; offline: boolean };

/** What went wrong, as a message key: stored with the feed and said in the reader's language. */
export type Failure = FlatMessage;

export function describeFailure(code: FetchErrorCode | 'format', status?: number, detail?: string): Failure {
  switch (code) {
    case 'timeout':
      return message('monitoring.fail.timeout');
    case 'too-large':
      return message('monitoring.fail.tooLarge');
    case 'too-many-redirects':
      return message('monitoring.fail.redirects');
    case 'bad-url':
      return message('monitoring.fail.badUrl');
    case 'rate-limited':
      return message('monitoring.fail.rateLimited');
    case 'http':
      return status === 404 || status === 410 ? message('monitoring.fail.gone', { status }) : message('monitoring.fail.http', { status: status ?? '?' });
    case 'network':
      return message('monitoring.fail.network', { detail: detail ?? '' });
    case 'format':
      return message('monitoring.fail.format', { detail: detail ?? '' });
  }
}

/** Failures that mean "we are offline", which must not count toward pausing a feed. */
function isOffline(code: FetchErrorCode, detail?: string): boolean {
  return code === 'network' && /ENOTFOUND|EAI_AGAIN|ENETUNREACH|ENETDOWN/.test(detail ?? '');
}

function jitter(ms: number): number {
  return Math.round(ms * (0.9 + Math.random() * 0.2));
}

/**
 * Inserts new items; an item already stored for this feed (same key) is left alone. The HTML is
 * kept as received and sanitized when shown (items.ts); only its text is derived here.
 */
export function storeItems(db: Db, feedId: number, items: ParsedItem[], at: string): { id: number; feedId: number; title: string; sortAt: string }[] {
  const insert = db.prepare(
    `INSERT INTO feed_items (feed_id, key, title, link, raw_html, text, author, published_at, fetched_at, sort_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(feed_id, key) DO NOTHING`,
  );
  const stored: { id: number; feedId: number; title: string; sortAt: string }[] = [];
  // Oldest first, so that ids (the river's order) rise with the items' dates within a fetch;
  // feeds list newest first, and undated items count as new.
  const ordered = items
    .map((item, i) => ({ item, i, date: item.publishedAt && item.publishedAt < at ? item.publishedAt : at }))
    .sort((a, b) => a.date.localeCompare(b.date) || b.i - a.i);
  for (const { item } of ordered) {
    const text = htmlToText(item.html) || item.summary;
    // Items dated in the future (bad clocks) sort as if fetched now.
    const sortAt = item.publishedAt && item.publishedAt < at ? item.publishedAt : at;
    const title = htmlToText(item.title) || text.slice(0, 120);
    const info = insert.run(feedId, item.key, title, safeLink(item.link), item.html, text, item.author, item.publishedAt, at, sortAt);
    if (info.changes) stored.push({ id: Number(info.lastInsertRowid), feedId, title, sortAt });
  }
  return stored;
}

/** Only http(s) links are kept: an item's link is opened in the system browser. */
function safeLink(link: string | null): string | null {
  return link && /^https?:\/\//i.test(link.trim()) ? link.trim() : null;
}

/** Watchlists matching any of the new items, limited to their folders; hits are recorded. */
export function matchWatchlists(db: Db, itemIds: number[], at: string): WatchlistHits[] {
  if (!itemIds.length) return [];
  const out: WatchlistHits[] = [];
  const lists = db.prepare('SELECT id, fts_query, folder_ids FROM watchlists').all() as { id: number; fts_query: string; folder_ids: string }[];
  // Items of one fetch are inserted together, so a rowid range (which FTS5 seeks directly) covers
  // them; the set check below drops anything in the range that is not new.
  const wanted = new Set(itemIds);
  const lo = Math.min(...itemIds);
  const hi = Math.max(...itemIds);
  for (const w of lists) {
    const hits = (
      db
        .prepare(`SELECT f.rowid AS id FROM feed_items_fts f JOIN feed_items i ON i.id = f.rowid WHERE feed_items_fts MATCH ? AND f.rowid BETWEEN ? AND ? ${folderFilter(JSON.parse(w.folder_ids) as number[])}`)
        .all(w.fts_query, lo, hi) as { id: number }[]
    )
      .map((r) => r.id)
      .filter((id) => wanted.has(id));
    if (!hits.length) continue;
    const insert = db.prepare('INSERT OR IGNORE INTO watchlist_hits (watchlist_id, item_id, at) VALUES (?, ?, ?)');
    for (const id of hits) insert.run(w.id, id, at);
    out.push({ watchlistId: w.id, itemIds: hits });
  }
  return out;
}

/**
 * Fetches one feed and stores what is new. Conditional GET keeps a quiet feed free; a failing feed
 * keeps its old items, says why in plain words, and is paused after three failures in a row
 * (being offline does not count). The next fetch honours the feed's interval, its ttl,
 * Cache-Control and Retry-After, never sooner than five minutes.
 */
export async function refreshFeed(core: Core, feedId: number, fetchOptions: FetchOptions = {}): Promise<RefreshOutcome> {
  const db = core.ws.db;
  const feed = db.prepare('SELECT * FROM feeds WHERE id = ?').get(feedId) as FeedRow | undefined;
  if (!feed) return { kind: 'failed', failure: message('monitoring.feedNotFound'), paused: false, offline: false };
  const result = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.last_modified, ...fetchOptions });
  const now = core.now();
  const at = now.toISOString();
  const baseMs = Math.max(MIN_INTERVAL_MINUTES, feed.interval_minutes) * 60_000;
  const next = (ms: number) => new Date(now.getTime() + jitter(Math.max(MIN_INTERVAL_MINUTES * 60_000, ms))).toISOString();

  if (result.kind === 'not-modified') {
    db.prepare('UPDATE feeds SET last_fetch_at = ?, last_success_at = ?, failures = 0, last_error = NULL, next_fetch_at = ? WHERE id = ?').run(at, at, next(Math.max(baseMs, result.maxAgeMs ?? 0)), feedId);
    return { kind: 'not-modified' };
  }

  const fail = (failure: Failure, offline: boolean, retryAfterMs?: number): RefreshOutcome => {
    const failures = offline ? feed.failures : feed.failures + 1;
    const pause = failures >= PAUSE_AFTER_FAILURES;
    db.prepare('UPDATE feeds SET last_fetch_at = ?, last_error = ?, failures = ?, paused = ?, pause_reason = ?, next_fetch_at = ? WHERE id = ?').run(
      at,
      JSON.stringify(failure),
      failures,
      pause ? 1 : feed.paused,
      pause ? JSON.stringify(failure) : null,
      next(retryAfterMs ?? (offline ? 60_000 : baseMs)),
      feedId,
    );
    return { kind: 'failed', failure, paused: pause, offline };
  };

  if (result.kind === 'error') return fail(describeFailure(result.code, result.status, result.detail), isOffline(result.code, result.detail), result.retryAfterMs);

  let parsed;
  try {
    parsed = await parseFeed(decodeFeed(result.body, result.contentType).text);
  } catch (e) {
    if (e instanceof FeedFormatError) return fail(describeFailure('format', undefined, e.message), false);
    throw e;
  }
  const { newItems, hits } = db.transaction(() => {
    const stored = storeItems(db, feedId, parsed.items, at);
    const ids = stored.map((s) => s.id);
    const hits = matchWatchlists(db, ids, at);
    groupStories(db, stored, now);
    const ttlMs = (parsed.ttlMinutes ?? 0) * 60_000;
    db.prepare(
      `UPDATE feeds SET title = CASE WHEN title = '' THEN ? ELSE title END, site_url = coalesce(site_url, ?), etag = ?, last_modified = ?,
         last_fetch_at = ?, last_success_at = ?, failures = 0, last_error = NULL, next_fetch_at = ? WHERE id = ?`,
    ).run(parsed.title, parsed.link, result.etag, result.lastModified, at, at, next(Math.max(baseMs, ttlMs, result.maxAgeMs ?? 0)), feedId);
    return { newItems: ids, hits };
  })();
  return { kind: 'updated', newItems, hits, repaired: parsed.repaired };
}

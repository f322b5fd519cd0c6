import type { Core } from '../core';
import type { Db } from '../storage/database';
import { decodeFeed } from './decode';
import { fetchFeed, type FetchErrorCode, type FetchOptions } from './fetch-feed';
import { FeedFormatError, parseFeed, type ParsedItem } from './parse-feed';
import { htmlToText, sanitizeFeedHtml } from './sanitize';

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

export type RefreshOutcome =
  | { kind: 'updated'; newItems: number[]; repaired: boolean }
  | { kind: 'not-modified' }
  | { kind: 'failed'; message: string; paused: boolean; offline: boolean };

/** What went wrong, said so an office worker can act on it. */
export function describeFailure(code: FetchErrorCode | 'format', status?: number, detail?: string): string {
  switch (code) {
    case 'timeout':
      return 'Server tidak menjawab dalam 20 detik.';
    case 'too-large':
      return 'Feed lebih besar dari 15 MB; tidak dibaca.';
    case 'too-many-redirects':
      return 'Terlalu banyak pengalihan (redirect) — mungkin berputar-putar.';
    case 'bad-url':
      return 'Alamat feed tidak sah (hanya http atau https).';
    case 'rate-limited':
      return 'Server meminta kita menunggu (429); akan dicoba lagi sesuai permintaannya.';
    case 'http':
      return status === 404 || status === 410 ? `Feed tidak ditemukan lagi (HTTP ${status}).` : `Server menjawab dengan kesalahan HTTP ${status ?? '?'}.`;
    case 'network':
      return `Tidak bisa terhubung ke server (${detail ?? 'jaringan'}).`;
    case 'format':
      return `Isi feed tidak bisa dibaca sebagai RSS, Atom atau JSON Feed (${detail ?? 'format'}).`;
  }
}

/** Failures that mean "we are offline", which must not count toward pausing a feed. */
function isOffline(code: FetchErrorCode, detail?: string): boolean {
  return code === 'network' && /ENOTFOUND|EAI_AGAIN|ENETUNREACH|ENETDOWN/.test(detail ?? '');
}

function jitter(ms: number): number {
  return Math.round(ms * (0.9 + Math.random() * 0.2));
}

/** Inserts new items; an item already stored for this feed (same key) is left alone. */
export function storeItems(db: Db, feedId: number, items: ParsedItem[], at: string): number[] {
  const insert = db.prepare(
    `INSERT INTO feed_items (feed_id, key, title, link, html, text, author, published_at, fetched_at, sort_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(feed_id, key) DO NOTHING`,
  );
  const ids: number[] = [];
  for (const item of items) {
    const html = sanitizeFeedHtml(item.html);
    const text = htmlToText(html) || item.summary;
    // Items dated in the future (bad clocks) sort as if fetched now.
    const sortAt = item.publishedAt && item.publishedAt < at ? item.publishedAt : at;
    const info = insert.run(feedId, item.key, item.title.trim() || text.slice(0, 120), item.link, html, text, item.author, item.publishedAt, at, sortAt);
    if (info.changes) ids.push(Number(info.lastInsertRowid));
  }
  return ids;
}

/** Watchlists matching any of the new items, limited to their folders; hits are recorded. */
export function matchWatchlists(db: Db, itemIds: number[], at: string): { watchlistId: number; itemIds: number[] }[] {
  if (!itemIds.length) return [];
  const out: { watchlistId: number; itemIds: number[] }[] = [];
  const lists = db.prepare('SELECT id, fts_query, folder_ids FROM watchlists').all() as { id: number; fts_query: string; folder_ids: string }[];
  // Items of one fetch are inserted together, so a rowid range (which FTS5 seeks directly) covers
  // them; the set check below drops anything in the range that is not new.
  const wanted = new Set(itemIds);
  const lo = Math.min(...itemIds);
  const hi = Math.max(...itemIds);
  for (const w of lists) {
    const folders = JSON.parse(w.folder_ids) as number[];
    const folderFilter = folders.length ? `AND i.feed_id IN (SELECT id FROM feeds WHERE folder_id IN (${folders.map(Number).join(',')}))` : '';
    const hits = (
      db
        .prepare(`SELECT f.rowid AS id FROM feed_items_fts f JOIN feed_items i ON i.id = f.rowid WHERE feed_items_fts MATCH ? AND f.rowid BETWEEN ? AND ? ${folderFilter}`)
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
  if (!feed) return { kind: 'failed', message: 'Feed tidak ditemukan.', paused: false, offline: false };
  const result = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.last_modified, ...fetchOptions });
  const now = core.now();
  const at = now.toISOString();
  const baseMs = Math.max(MIN_INTERVAL_MINUTES, feed.interval_minutes) * 60_000;
  const next = (ms: number) => new Date(now.getTime() + jitter(Math.max(MIN_INTERVAL_MINUTES * 60_000, ms))).toISOString();

  if (result.kind === 'not-modified') {
    db.prepare('UPDATE feeds SET last_fetch_at = ?, last_success_at = ?, failures = 0, last_error = NULL, next_fetch_at = ? WHERE id = ?').run(at, at, next(Math.max(baseMs, result.maxAgeMs ?? 0)), feedId);
    return { kind: 'not-modified' };
  }

  const fail = (message: string, offline: boolean, retryAfterMs?: number): RefreshOutcome => {
    const failures = offline ? feed.failures : feed.failures + 1;
    const pause = failures >= PAUSE_AFTER_FAILURES;
    db.prepare('UPDATE feeds SET last_fetch_at = ?, last_error = ?, failures = ?, paused = ?, pause_reason = ?, next_fetch_at = ? WHERE id = ?').run(
      at,
      message,
      failures,
      pause ? 1 : feed.paused,
      pause ? `Dijeda setelah ${failures} kali gagal berturut-turut: ${message}` : null,
      next(retryAfterMs ?? (offline ? 60_000 : baseMs)),
      feedId,
    );
    return { kind: 'failed', message, paused: pause, offline };
  };

  if (result.kind === 'error') return fail(describeFailure(result.code, result.status, result.detail), isOffline(result.code, result.detail), result.retryAfterMs);

  let parsed;
  try {
    parsed = await parseFeed(decodeFeed(result.body, result.contentType).text);
  } catch (e) {
    if (e instanceof FeedFormatError) return fail(describeFailure('format', undefined, e.message), false);
    throw e;
  }
  const newItems = db.transaction(() => {
    const ids = storeItems(db, feedId, parsed.items, at);
    matchWatchlists(db, ids, at);
    const ttlMs = (parsed.ttlMinutes ?? 0) * 60_000;
    db.prepare(
      `UPDATE feeds SET title = CASE WHEN title = '' THEN ? ELSE title END, site_url = coalesce(site_url, ?), etag = ?, last_modified = ?,
         last_fetch_at = ?, last_success_at = ?, failures = 0, last_error = NULL, next_fetch_at = ? WHERE id = ?`,
    ).run(parsed.title, parsed.link, result.etag, result.lastModified, at, at, next(Math.max(baseMs, ttlMs, result.maxAgeMs ?? 0)), feedId);
    return ids;
  })();
  return { kind: 'updated', newItems, repaired: parsed.repaired };
}

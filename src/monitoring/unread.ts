import type { Db } from '../storage/database';

/** Items that arrived longer ago than this count as read, as in most feed readers. */
export const UNREAD_DAYS = 30;

/**
 * The first item id that can still be unread. Ids rise with arrival, so "unread" is a rowid range
 * plus a lookup per item, however many million items are stored.
 */
export function unreadFloor(db: Db, now: Date): number {
  const since = new Date(now.getTime() - UNREAD_DAYS * 86_400_000).toISOString();
  const row = db.prepare('SELECT id FROM feed_items WHERE fetched_at >= ? ORDER BY fetched_at LIMIT 1').get(since) as { id: number } | undefined;
  return row?.id ?? Number.MAX_SAFE_INTEGER;
}

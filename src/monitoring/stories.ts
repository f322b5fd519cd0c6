import { headlineWords } from '../cases/text';
import type { Db } from '../storage/database';

/** Items from different outlets are one story when their titles are this alike, within this window. */
export const STORY_WINDOW_DAYS = 3;
const MIN_DICE = 0.5;
const MIN_SHARED = 3;
/** A word in more recent titles than this says nothing about which story a title tells. */
const COMMON_WORD = 100;

interface Entry {
  feedId: number;
  words: string[];
  at: number;
  lead: number;
}

interface StoryIndex {
  entries: Map<number, Entry>;
  postings: Map<string, number[]>;
  oldest: number;
}

// Kept in memory, per database (a restore opens a new handle, so a fresh index), and rebuilt from the last few days on first use: grouping must
// cost microseconds per item to keep ingest at thousands of items a second.
const indexes = new WeakMap<Db, StoryIndex>();

function titleWords(title: string): string[] {
  return [...new Set(headlineWords(title).filter((w) => w.length >= 3))];
}

function add(index: StoryIndex, id: number, entry: Entry): void {
  index.entries.set(id, entry);
  for (const w of entry.words) {
    const list = index.postings.get(w);
    if (list) list.push(id);
    else index.postings.set(w, [id]);
  }
}

function prune(index: StoryIndex, cutoff: number): void {
  if (index.oldest >= cutoff) return;
  let oldest = Infinity;
  for (const [id, e] of index.entries) {
    if (e.at < cutoff) index.entries.delete(id);
    else oldest = Math.min(oldest, e.at);
  }
  for (const [w, ids] of index.postings) {
    const kept = ids.filter((id) => index.entries.has(id));
    if (kept.length) index.postings.set(w, kept);
    else index.postings.delete(w);
  }
  index.oldest = oldest;
}

function load(db: Db, now: number, beforeId: number): StoryIndex {
  const index: StoryIndex = { entries: new Map(), postings: new Map(), oldest: Infinity };
  const since = new Date(now - STORY_WINDOW_DAYS * 86_400_000).toISOString();
  // An item's date can only be older than its arrival, so arrivals since then cover the window.
  const rows = db.prepare('SELECT id, feed_id, title, sort_at, story_id FROM feed_items WHERE fetched_at >= ? AND id < ? ORDER BY id').iterate(since, beforeId) as Iterable<{ id: number; feed_id: number; title: string; sort_at: string; story_id: number | null }>;
  for (const r of rows) {
    const at = Date.parse(r.sort_at);
    if (at < now - STORY_WINDOW_DAYS * 86_400_000) continue;
    add(index, r.id, { feedId: r.feed_id, words: titleWords(r.title), at, lead: r.story_id ?? r.id });
    index.oldest = Math.min(index.oldest, at);
  }
  return index;
}

/** The story an item's title joins: the lead item of the most alike title from another feed. */
function bestLead(index: StoryIndex, feedId: number, words: string[], at: number): number | null {
  if (words.length < MIN_SHARED) return null;
  const shared = new Map<number, number>();
  for (const w of words) {
    const ids = index.postings.get(w);
    if (!ids || ids.length > COMMON_WORD) continue;
    for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + 1);
  }
  let best: { lead: number; score: number } | null = null;
  const windowMs = STORY_WINDOW_DAYS * 86_400_000;
  for (const [id, n] of shared) {
    if (n < MIN_SHARED) continue;
    const e = index.entries.get(id)!;
    if (e.feedId === feedId || Math.abs(e.at - at) > windowMs) continue;
    const score = (2 * n) / (e.words.length + words.length);
    if (score >= MIN_DICE && (!best || score > best.score)) best = { lead: e.lead, score };
  }
  return best?.lead ?? null;
}

/**
 * Groups newly stored items with the same story from other outlets: each joins the earliest item
 * of its story (story_id = that item's id); a new story's first item keeps story_id NULL.
 */
export function groupStories(db: Db, items: { id: number; feedId: number; title: string; sortAt: string }[], now: Date): void {
  if (!items.length) return;
  let index = indexes.get(db);
  // Built before this batch's items are added below (they are already stored, so exclude them).
  if (!index) indexes.set(db, (index = load(db, now.getTime(), Math.min(...items.map((i) => i.id)))));
  else prune(index, now.getTime() - STORY_WINDOW_DAYS * 86_400_000);
  const setStory = db.prepare('UPDATE feed_items SET story_id = ? WHERE id = ?');
  for (const item of items) {
    const at = Date.parse(item.sortAt);
    if (at < now.getTime() - STORY_WINDOW_DAYS * 86_400_000) continue;
    const words = titleWords(item.title);
    const lead = bestLead(index, item.feedId, words, at);
    if (lead !== null) setStory.run(lead, item.id);
    add(index, item.id, { feedId: item.feedId, words, at, lead: lead ?? item.id });
    index.oldest = Math.min(index.oldest, at);
  }
}

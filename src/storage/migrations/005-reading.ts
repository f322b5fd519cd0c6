import type { Migration } from './types';

// Pantauan reading: feed HTML is kept as received and sanitized when shown (so ingest stays fast
// and a stricter sanitizer later applies to old items too); read and starred become per person,
// since several staff share one workspace; items group into stories and can become cases.
export const migration005: Migration = {
  version: 5,
  name: 'monitoring-reading',
  up: `
    ALTER TABLE feed_items RENAME COLUMN html TO raw_html;
    ALTER TABLE feed_items ADD COLUMN safe_html TEXT;
    ALTER TABLE feed_items ADD COLUMN story_id INTEGER;
    ALTER TABLE feed_items ADD COLUMN case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL;
    ALTER TABLE feed_items DROP COLUMN read;
    ALTER TABLE feed_items DROP COLUMN starred;
    CREATE INDEX feed_items_story ON feed_items(story_id) WHERE story_id IS NOT NULL;
    -- The river is in arrival order (id), which FTS5 can walk backwards too; "unread" covers the
    -- last 30 days of arrivals, found through fetched_at.
    DROP INDEX feed_items_river;
    DROP INDEX feed_items_feed;
    CREATE INDEX feed_items_by_feed ON feed_items(feed_id);
    CREATE INDEX feed_items_fetched ON feed_items(fetched_at);

    CREATE TABLE feed_item_reads (
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      item_id INTEGER NOT NULL REFERENCES feed_items(id) ON DELETE CASCADE,
      PRIMARY KEY (user_id, item_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX feed_item_reads_item ON feed_item_reads(item_id);

    CREATE TABLE feed_item_stars (
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      item_id INTEGER NOT NULL REFERENCES feed_items(id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      PRIMARY KEY (user_id, item_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX feed_item_stars_item ON feed_item_stars(item_id);

    CREATE INDEX watchlist_hits_item ON watchlist_hits(item_id);
    ALTER TABLE watchlists ADD COLUMN updated_at TEXT;
  `,
};

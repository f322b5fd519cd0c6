import type { Migration } from './types';

// Pantauan: feeds in folders, their items (deduplicated per feed, searchable), watchlists and hits.
export const migration004: Migration = {
  version: 4,
  name: 'monitoring',
  up: `
    CREATE TABLE feed_folders (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE
    ) STRICT;

    CREATE TABLE feeds (
      id INTEGER PRIMARY KEY,
      url TEXT NOT NULL UNIQUE,
      site_url TEXT,
      title TEXT NOT NULL DEFAULT '',
      folder_id INTEGER REFERENCES feed_folders(id) ON DELETE SET NULL,
      paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
      pause_reason TEXT,
      etag TEXT,
      last_modified TEXT,
      interval_minutes INTEGER NOT NULL DEFAULT 30,
      next_fetch_at TEXT NOT NULL,
      last_fetch_at TEXT,
      last_success_at TEXT,
      last_error TEXT,
      failures INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX feeds_due ON feeds(next_fetch_at) WHERE paused = 0;

    CREATE TABLE feed_items (
      id INTEGER PRIMARY KEY,
      feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
      key TEXT NOT NULL,
      title TEXT NOT NULL,
      link TEXT,
      html TEXT NOT NULL,
      text TEXT NOT NULL,
      author TEXT NOT NULL DEFAULT '',
      published_at TEXT,
      fetched_at TEXT NOT NULL,
      sort_at TEXT NOT NULL,
      read INTEGER NOT NULL DEFAULT 0,
      starred INTEGER NOT NULL DEFAULT 0,
      UNIQUE (feed_id, key)
    ) STRICT;
    CREATE INDEX feed_items_river ON feed_items(sort_at DESC, id DESC);
    CREATE INDEX feed_items_feed ON feed_items(feed_id, sort_at DESC);

    CREATE VIRTUAL TABLE feed_items_fts USING fts5(title, text, content = 'feed_items', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER feed_items_fts_insert AFTER INSERT ON feed_items BEGIN
      INSERT INTO feed_items_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER feed_items_fts_delete AFTER DELETE ON feed_items BEGIN
      INSERT INTO feed_items_fts (feed_items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    END;

    CREATE TABLE watchlists (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      query TEXT NOT NULL,
      fts_query TEXT NOT NULL,
      folder_ids TEXT NOT NULL DEFAULT '[]',
      notify INTEGER NOT NULL DEFAULT 0 CHECK (notify IN (0, 1)),
      spike_factor REAL NOT NULL DEFAULT 3,
      created_by INTEGER NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE watchlist_hits (
      watchlist_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
      item_id INTEGER NOT NULL REFERENCES feed_items(id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      PRIMARY KEY (watchlist_id, item_id)
    ) STRICT;
    CREATE INDEX watchlist_hits_at ON watchlist_hits(watchlist_id, at);
  `,
};

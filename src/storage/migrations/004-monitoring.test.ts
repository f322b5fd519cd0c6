import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/workspace';
import { migrate } from './index';

describe('migration 004 (monitoring)', () => {
  it('upgrades a version-3 database; items are unique per feed and searchable', () => {
    const db = new Database(path.join(tempDir(), 'm.db'));
    migrate(db, 3);
    expect(migrate(db, 4)).toBe(4);
    const feed = Number(db.prepare("INSERT INTO feeds (url, next_fetch_at, created_at) VALUES ('https://a.example/rss', 't', 't')").run().lastInsertRowid);
    const insert = db.prepare("INSERT INTO feed_items (feed_id, key, title, html, text, fetched_at, sort_at) VALUES (?, ?, ?, '', ?, 't', 't')");
    insert.run(feed, 'k1', 'Banjir di Kejobong', 'Air merendam rumah warga');
    expect(() => insert.run(feed, 'k1', 'lagi', 'lagi')).toThrow(/UNIQUE/);
    expect(db.prepare("SELECT rowid FROM feed_items_fts WHERE feed_items_fts MATCH 'merendam'").all()).toHaveLength(1);
    db.prepare('DELETE FROM feeds WHERE id = ?').run(feed);
    expect(db.prepare('SELECT count(*) AS n FROM feed_items').get()).toEqual({ n: 0 });
    db.close();
  });
});

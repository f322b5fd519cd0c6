import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/workspace';
import { migrate } from './index';

describe('migration 005 (monitoring reading)', () => {
  it('keeps items across the upgrade, with their HTML as raw_html; read and starred are per person', () => {
    const db = new Database(path.join(tempDir(), 'm.db'));
    migrate(db, 4);
    const feed = Number(db.prepare("INSERT INTO feeds (url, next_fetch_at, created_at) VALUES ('https://a.example/rss', 't', 't')").run().lastInsertRowid);
    db.prepare("INSERT INTO feed_items (feed_id, key, title, html, text, fetched_at, sort_at, read) VALUES (?, 'k1', 'Banjir', '<p>Air</p>', 'Air', 't', 't', 1)").run(feed);
    expect(migrate(db, 5)).toBe(5);
    expect(db.prepare('SELECT raw_html, safe_html, story_id FROM feed_items').get()).toEqual({ raw_html: '<p>Air</p>', safe_html: null, story_id: null });
    db.prepare("INSERT INTO users (username, display_name, initials, role, password_hash, created_at, updated_at) VALUES ('m', 'M', 'm', 'monitor', 'h', 't', 't')").run();
    db.prepare('INSERT INTO feed_item_reads (user_id, item_id) VALUES (1, 1)').run();
    expect(() => db.prepare('INSERT INTO feed_item_reads (user_id, item_id) VALUES (1, 1)').run()).toThrow(/UNIQUE|PRIMARY/);
    db.prepare('DELETE FROM feeds').run();
    expect(db.prepare('SELECT count(*) AS n FROM feed_item_reads').get()).toEqual({ n: 0 });
    db.close();
  });
});

import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/workspace';
import { migrate } from './index';

describe('migration 006 (publishing)', () => {
  it('upgrades a version-5 database; a publication marker is unique and a status outside the list is refused', () => {
    const db = new Database(path.join(tempDir(), 'm.db'));
    migrate(db, 5);
    expect(migrate(db, 6)).toBe(6);
    db.prepare("INSERT INTO users (username, display_name, initials, role, password_hash, created_at, updated_at) VALUES ('e', 'E', 'e', 'editor', 'h', 't', 't')").run();
    db.prepare("INSERT INTO documents (kind, status, title, fields, body, body_text, word_count, author_id, version, version_author_id, created_at, updated_at) VALUES ('siaran_pers', 'approved', 'T', '{}', '{}', '', 0, 1, 1, 1, 't', 't')").run();
    db.prepare("INSERT INTO channels (kind, name, base_url, created_at, updated_at) VALUES ('wordpress', 'Situs', 'http://127.0.0.1', 't', 't')").run();
    const insert = db.prepare("INSERT INTO publications (document_id, version, channel_id, action, status, variant, next_attempt_at, marker, created_by, created_at, updated_at) VALUES (1, 1, 1, 'publish', ?, '{}', 't', ?, 1, 't', 't')");
    insert.run('queued', 'm1');
    expect(() => insert.run('queued', 'm1')).toThrow(/UNIQUE/);
    expect(() => insert.run('lost', 'm2')).toThrow(/CHECK/);
    db.close();
  });
});

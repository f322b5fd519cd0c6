import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/workspace';
import { migrate } from './index';

describe('migration 002 (releases)', () => {
  it('upgrades a version-1 database with its data intact, and keeps full-text search in step', () => {
    const db = new Database(path.join(tempDir(), 'm.db'));
    migrate(db, 1);
    db.prepare("INSERT INTO users (username, display_name, initials, role, password_hash, created_at, updated_at) VALUES ('yuni', 'Yuni', 'y', 'writer', 'h', 't', 't')").run();
    expect(migrate(db, 2)).toBe(2);
    expect(db.prepare('SELECT username FROM users').get()).toEqual({ username: 'yuni' });
    const insert = db.prepare(
      `INSERT INTO documents (kind, status, title, fields, body, body_text, word_count, author_id, version, version_author_id, created_at, updated_at)
       VALUES ('siaran_pers', 'draft', ?, '{}', '{}', ?, 3, 1, 1, 1, 't', 't')`,
    );
    const id = Number(insert.run('Bakohumas Purbalingga', 'Wabup membuka pertemuan kehumasan').lastInsertRowid);
    const search = (q: string) => db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?').all(q);
    expect(search('kehumasan')).toEqual([{ rowid: id }]);
    db.prepare("UPDATE documents SET body_text = 'Sosialisasi Saber Pungli' WHERE id = ?").run(id);
    expect(search('kehumasan')).toEqual([]);
    expect(search('pungli')).toEqual([{ rowid: id }]);
    db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    expect(search('pungli')).toEqual([]);
    expect(() => db.prepare("UPDATE users SET id = id WHERE 0").run()).not.toThrow();
    db.close();
  });
});

import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/workspace';
import { migrate } from './index';

describe('migration 003 (cases)', () => {
  it('upgrades a version-2 database, indexes cases for search and similarity, and keeps open cases in a partial index', () => {
    const db = new Database(path.join(tempDir(), 'm.db'));
    migrate(db, 2);
    db.prepare("INSERT INTO users (username, display_name, initials, role, password_hash, created_at, updated_at) VALUES ('agus', 'Agus', 'as', 'monitor', 'h', 't', 't')").run();
    expect(migrate(db, 3)).toBe(3);
    const id = Number(
      db
        .prepare("INSERT INTO cases (kind, status, title, category, severity, norm, created_by, created_at, updated_at) VALUES ('rumor', 'baru', ?, 'lainnya', 'low', ?, 1, 't', 't')")
        .run('Hoaks gempa besar di Purbalingga', 'hoaks gempa besar purbalingga').lastInsertRowid,
    );
    expect(db.prepare("SELECT rowid FROM cases_fts WHERE cases_fts MATCH 'gempa'").all()).toEqual([{ rowid: id }]);
    expect(db.prepare("SELECT doc FROM cases_norm_vocab WHERE term = 'purbalingga'").get()).toEqual({ doc: 1 });
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM cases WHERE kind = 'rumor' AND status NOT IN ('selesai', 'ditutup') AND merged_into IS NULL ORDER BY due_at").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('cases_open');
    expect(() => db.prepare("UPDATE cases SET status = 'entah' WHERE id = ?").run(id)).toThrow(/CHECK/);
    db.close();
  });
});

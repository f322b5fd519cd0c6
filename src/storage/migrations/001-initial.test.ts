import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/workspace';
import { migrate } from './index';

describe('migration 001 (initial)', () => {
  it('creates STRICT tables for settings, users, sessions and the audit log, and records version 1', () => {
    const db = new Database(path.join(tempDir(), 'm.db'));
    expect(migrate(db, 1)).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual(['audit_log', 'sessions', 'settings', 'users']);
    for (const t of tables) expect(t.sql).toMatch(/\) STRICT$/);
    db.close();
  });

  it('refuses a role outside the four and a username that differs only by case', () => {
    const db = new Database(path.join(tempDir(), 'm.db'));
    migrate(db, 1);
    const insert = db.prepare(
      "INSERT INTO users (username, display_name, initials, role, password_hash, created_at, updated_at) VALUES (?, 'X', 'x', ?, 'h', 't', 't')",
    );
    insert.run('Budi', 'writer');
    expect(() => insert.run('budi', 'writer')).toThrow(/UNIQUE/);
    expect(() => insert.run('sari', 'superuser')).toThrow(/CHECK/);
    db.close();
  });

  it('is idempotent: running migrate again changes nothing', () => {
    const db = new Database(path.join(tempDir(), 'm.db'));
    migrate(db);
    const before = db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all();
    migrate(db);
    expect(db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all()).toEqual(before);
    db.close();
  });
});

import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/workspace';
import { AppError } from '../errors';
import { translate } from '../i18n/messages';
import { APPLICATION_ID, openDatabase } from './database';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { openWorkspace } from './workspace';

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('opening a workspace database', () => {
  it('creates a WAL database with foreign keys on, full sync, our application id, at the latest schema', () => {
    const db = openDatabase(path.join(tempDir(), 'workspace.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a file that is not a database, with a clear message, and leaves it byte for byte', () => {
    const dir = tempDir();
    const file = path.join(dir, 'workspace.db');
    fs.writeFileSync(file, 'PK\u0003\u0004 this is a zip file, not a database'.repeat(100));
    const before = digest(file);
    const e = refusal(() => openWorkspace(dir));
    expect(e.key).toBe('workspace.notDatabase');
    expect(translate('id', e.key, e.params)).toContain('rusak atau bukan basis data Beranda Humas');
    expect(digest(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'workspace.lock'))).toBe(false);
  });

  it('refuses a damaged database and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'workspace.db');
    const db = openDatabase(file);
    for (let i = 0; i < 2000; i++) db.prepare("INSERT INTO settings (key, value) VALUES (?, '\"x\"')").run(`k${i}`);
    db.close();
    const bytes = fs.readFileSync(file);
    // Scribble over the middle pages, keeping the header: a typical half-copied file.
    bytes.fill(0xab, 4096 * 2, bytes.length - 4096);
    fs.writeFileSync(file, bytes);
    const before = digest(file);
    const e = refusal(() => openWorkspace(dir));
    expect(['workspace.corrupt', 'workspace.notDatabase']).toContain(e.key);
    expect(digest(file)).toBe(before);
  });

  it('refuses a database from a newer version without touching it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'workspace.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = digest(file);
    const e = refusal(() => openWorkspace(dir));
    expect(e.key).toBe('workspace.newerVersion');
    expect(translate('en', e.key, e.params)).toContain('newer Beranda Humas');
    expect(digest(file)).toBe(before);
  });

  it("refuses someone else's SQLite file", () => {
    const dir = tempDir();
    const raw = new Database(path.join(dir, 'workspace.db'));
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    raw.close();
    expect(refusal(() => openWorkspace(dir)).key).toBe('workspace.foreignDatabase');
  });
});

describe('workspace lock', () => {
  it('refuses a second opener with who holds it, and frees the workspace on close', () => {
    const dir = tempDir();
    const first = openWorkspace(dir, 'Beranda Humas (desktop)');
    const e = refusal(() => openWorkspace(dir, 'Beranda Humas (serve)'));
    expect(e.key).toBe('workspace.inUse');
    expect(translate('id', e.key, e.params)).toContain('sedang dipakai oleh Beranda Humas (desktop)');
    first.close();
    openWorkspace(dir).close();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'workspace.lock'), JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname(), holder: 'crashed', since: 'x' }));
    openWorkspace(dir).close();
  });
});

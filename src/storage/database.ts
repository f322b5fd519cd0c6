import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations/index';

/** 'BRND': marks a SQLite file as a Beranda Humas workspace so we never migrate someone else's file. */
export const APPLICATION_ID = 0x42524e44;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type Db = Database.Database;

/**
 * Electron needs a better-sqlite3 build for its own ABI; main tells the core where it is through
 * this variable, so one `npm install` serves both Node (tests, serve) and Electron (start).
 */
function driverOptions(extra: Database.Options = {}): Database.Options {
  const binding = process.env.BERANDA_SQLITE_BINDING;
  return binding ? { ...extra, nativeBinding: binding } : extra;
}

function checkHeader(file: string): void {
  const size = fs.statSync(file).size;
  if (size === 0) return;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = fs.readSync(fd, head, 0, 16, 0);
    if (read < 16 || !head.equals(SQLITE_HEADER)) {
      throw new AppError('UNAVAILABLE', 'workspace.notDatabase', { file: path.basename(file) });
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads what the file says about itself without writing to it, and refuses a file that is damaged,
 * not ours, or from a newer version: opening must never change such a file.
 */
export function inspectDatabase(file: string): { schemaVersion: number } {
  checkHeader(file);
  const name = path.basename(file);
  let db: Db | undefined;
  try {
    db = new Database(file, driverOptions({ readonly: true, fileMustExist: true }));
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
    if (appId !== APPLICATION_ID && (version !== 0 || tables.n > 0)) {
      throw new AppError('UNAVAILABLE', 'workspace.foreignDatabase', { file: name });
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError('UNAVAILABLE', 'workspace.newerVersion', { found: version, known: LATEST_SCHEMA_VERSION });
    }
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new AppError('UNAVAILABLE', 'workspace.corrupt', { file: name, detail: check });
    return { schemaVersion: version };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') throw new AppError('UNAVAILABLE', 'workspace.notDatabase', { file: name });
    throw new AppError('UNAVAILABLE', 'workspace.corrupt', { file: name, detail: (e as Error).message });
  } finally {
    db?.close();
  }
}

/** Opens (creating if needed) and migrates a workspace database. */
export function openDatabase(file: string, opts: { upToVersion?: number } = {}): Db {
  if (fs.existsSync(file)) inspectDatabase(file);
  const db = new Database(file, driverOptions());
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }
    migrate(db, opts.upToVersion);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Opens a database read-only for inspection (backups, tests). */
export function openReadonly(file: string): Db {
  return new Database(file, driverOptions({ readonly: true, fileMustExist: true }));
}

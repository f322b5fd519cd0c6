import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from './database';
import { acquireLock } from './lock';

export interface Workspace {
  readonly dir: string;
  readonly dbFile: string;
  readonly backupsDir: string;
  readonly attachmentsDir: string;
  db: Db;
  /** Closes and reopens the database file, e.g. after a restore replaced it. */
  reopen(): void;
  close(): void;
}

export function workspacePaths(dir: string) {
  return {
    dbFile: path.join(dir, 'workspace.db'),
    lockFile: path.join(dir, 'workspace.lock'),
    backupsDir: path.join(dir, 'backups'),
    attachmentsDir: path.join(dir, 'attachments'),
  };
}

/** Opens a workspace folder: takes its lock, then opens and migrates its database. */
export function openWorkspace(dir: string, holder = 'Beranda Humas'): Workspace {
  fs.mkdirSync(dir, { recursive: true });
  const paths = workspacePaths(dir);
  const release = acquireLock(paths.lockFile, holder);
  let db: Db;
  try {
    db = openDatabase(paths.dbFile);
  } catch (e) {
    release();
    throw e;
  }
  fs.mkdirSync(paths.backupsDir, { recursive: true });
  fs.mkdirSync(paths.attachmentsDir, { recursive: true });
  const ws: Workspace = {
    dir,
    dbFile: paths.dbFile,
    backupsDir: paths.backupsDir,
    attachmentsDir: paths.attachmentsDir,
    db,
    reopen() {
      if (ws.db.open) ws.db.close();
      ws.db = openDatabase(paths.dbFile);
    },
    close() {
      if (ws.db.open) ws.db.close();
      release();
    },
  };
  return ws;
}

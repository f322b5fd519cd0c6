import type Database from 'better-sqlite3';
import { migration001 } from './001-initial';
import { migration002 } from './002-releases';
import { migration003 } from './003-cases';
import { migration004 } from './004-monitoring';
import { migration005 } from './005-reading';
import { migration006 } from './006-publishing';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;

/** Runs every migration newer than the file's `user_version`, each in its own transaction. */
export function migrate(db: Database.Database, upTo = LATEST_SCHEMA_VERSION): number {
  let current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current || m.version > upTo) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
    current = m.version;
  }
  return current;
}

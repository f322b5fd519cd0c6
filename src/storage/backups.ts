import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { translate } from '../i18n/messages';
import { APPLICATION_ID, inspectDatabase, openReadonly } from './database';
import type { Workspace } from './workspace';

export type BackupKind = 'auto' | 'manual' | 'pre-restore' | 'uploaded';
export const KEEP_PER_KIND = 14;

export interface BackupInfo {
  name: string;
  kind: BackupKind;
  size: number;
  createdAt: string;
}

const NAME_RE = /^beranda-(\d{8})-(\d{6})(?:-(\d+))?-(auto|manual|pre-restore|uploaded)\.db$/;

function stamp(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

function parseName(name: string): { createdAt: string; kind: BackupKind } | undefined {
  const m = NAME_RE.exec(name);
  if (!m) return undefined;
  const [, d, t, , kind] = m as unknown as [string, string, string, string | undefined, BackupKind];
  const createdAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.000Z`;
  return { createdAt, kind };
}

/** A fresh name that sorts by time; a counter separates two backups made in the same second. */
function newName(dir: string, kind: BackupKind, now: Date): string {
  const base = `beranda-${stamp(now)}`;
  let name = `${base}-${kind}.db`;
  for (let i = 2; fs.existsSync(path.join(dir, name)); i++) name = `${base}-${i}-${kind}.db`;
  return name;
}

export function listBackups(ws: Workspace): BackupInfo[] {
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(ws.backupsDir)) {
    const parsed = parseName(name);
    if (!parsed) continue;
    out.push({ name, ...parsed, size: fs.statSync(path.join(ws.backupsDir, name)).size });
  }
  return out.sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
}

function prune(ws: Workspace, kind: BackupKind): void {
  for (const old of listBackups(ws).filter((b) => b.kind === kind).slice(KEEP_PER_KIND)) {
    fs.rmSync(path.join(ws.backupsDir, old.name), { force: true });
  }
}

/**
 * Copies the live database with SQLite's online backup API (consistent while others write), into a
 * temporary name first so that a half-written backup never shows up in the list.
 */
export async function createBackup(ws: Workspace, kind: BackupKind, now: Date): Promise<BackupInfo> {
  const name = newName(ws.backupsDir, kind, now);
  const final = path.join(ws.backupsDir, name);
  const partial = `${final}.partial`;
  try {
    await ws.db.backup(partial);
    fs.renameSync(partial, final);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  prune(ws, kind);
  return { name, kind, size: fs.statSync(final).size, createdAt: now.toISOString() };
}

export function backupPath(ws: Workspace, name: string): string {
  if (!parseName(name)) throw new AppError('NOT_FOUND', 'backups.notFound', { name });
  const file = path.join(ws.backupsDir, name);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'backups.notFound', { name });
  return file;
}

/** Checks that a file is a whole, readable Beranda Humas workspace with at least one active admin. */
export function validateBackupFile(file: string, displayName: string, lang: 'id' | 'en' = 'id'): { schemaVersion: number } {
  let schemaVersion: number;
  try {
    schemaVersion = inspectDatabase(file).schemaVersion;
  } catch (e) {
    const reason = e instanceof AppError ? translate(lang, e.key, e.params) : (e as Error).message;
    throw new AppError('VALIDATION', 'backups.invalid', { name: displayName, reason });
  }
  const db = openReadonly(file);
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const admins =
      appId === APPLICATION_ID && schemaVersion > 0
        ? (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1").get() as { n: number }).n
        : 0;
    if (admins === 0) {
      const reason = lang === 'id' ? 'tidak berisi ruang kerja dengan admin aktif.' : 'it holds no workspace with an active admin.';
      throw new AppError('VALIDATION', 'backups.invalid', { name: displayName, reason });
    }
  } finally {
    db.close();
  }
  return { schemaVersion };
}

/** Stores an uploaded backup file in the backups folder once it has been validated. */
export function importBackup(ws: Workspace, bytes: Uint8Array, originalName: string, now: Date, lang: 'id' | 'en'): BackupInfo {
  const name = newName(ws.backupsDir, 'uploaded', now);
  const final = path.join(ws.backupsDir, name);
  const partial = `${final}.partial`;
  fs.writeFileSync(partial, bytes);
  try {
    validateBackupFile(partial, originalName, lang);
    fs.renameSync(partial, final);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  prune(ws, 'uploaded');
  return { name, kind: 'uploaded', size: bytes.byteLength, createdAt: now.toISOString() };
}

/**
 * Replaces the workspace database with a backup. The current database is first backed up itself
 * (kind pre-restore), so a restore can always be undone by restoring that copy.
 */
export async function restoreBackup(ws: Workspace, name: string, now: Date, lang: 'id' | 'en'): Promise<{ safetyCopy: string }> {
  const source = backupPath(ws, name);
  validateBackupFile(source, name, lang);
  const safety = await createBackup(ws, 'pre-restore', now);
  const staged = `${ws.dbFile}.restoring`;
  fs.copyFileSync(source, staged);
  ws.db.close();
  try {
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${ws.dbFile}${suffix}`, { force: true });
    fs.renameSync(staged, ws.dbFile);
  } finally {
    fs.rmSync(staged, { force: true });
    ws.reopen();
  }
  return { safetyCopy: safety.name };
}

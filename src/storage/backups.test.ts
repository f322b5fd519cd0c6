import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeUser, setUpCore, tempDir, testClock } from '../../test/support/workspace';
import { listAudit } from '../audit/log';
import { login } from '../auth/service';
import { findUserByUsername } from '../auth/users';
import { AppError } from '../errors';
import { backupIfDue } from './backup-schedule';
import { backupNow, restoreWorkspace, uploadBackup } from './backup-service';
import { KEEP_PER_KIND, listBackups } from './backups';

const HOUR = 3600_000;

describe('backups', () => {
  it('"Back up now" writes a consistent copy, listed newest first, and audits it', async () => {
    const { core, admin } = await setUpCore();
    const info = await backupNow(core, admin);
    expect(info.kind).toBe('manual');
    expect(fs.existsSync(path.join(core.ws.backupsDir, info.name))).toBe(true);
    expect(listBackups(core.ws)[0]!.name).toBe(info.name);
    expect(listAudit(core.ws.db, { action: 'backup', limit: 5 })[0]!.target).toBe(info.name);
  });

  it('makes an automatic backup once a day and keeps the last 14', async () => {
    const clock = testClock();
    const { core } = await setUpCore({ now: clock.now });
    await backupIfDue(core);
    await backupIfDue(core);
    expect(listBackups(core.ws).filter((b) => b.kind === 'auto')).toHaveLength(1);
    for (let day = 0; day < 20; day++) {
      clock.advance(24 * HOUR);
      await backupIfDue(core);
    }
    const autos = listBackups(core.ws).filter((b) => b.kind === 'auto');
    expect(autos).toHaveLength(KEEP_PER_KIND);
    expect(autos[0]!.createdAt).toBe(clock.now().toISOString());
  });

  it('restores a backup: data of that day returns, a safety copy is kept, everyone signs in again', async () => {
    const { core, admin } = await setUpCore();
    const early = await backupNow(core, admin);
    const w = await makeUser(core, admin, 'writer', { username: 'sari' });
    const session = await login(core, 'admin', 'rahasia-admin-1', 'test');
    expect(findUserByUsername(core.ws.db, 'sari')).toBeDefined();

    const { safetyCopy } = await restoreWorkspace(core, admin, early.name, 'id');
    expect(findUserByUsername(core.ws.db, 'sari')).toBeUndefined();
    expect(core.ws.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    expect(session.token).toBeTruthy();
    expect(listAudit(core.ws.db, { action: 'backup.restored', limit: 1 })[0]!.target).toBe(early.name);

    // The safety copy holds what the restore replaced, so the restore itself can be undone.
    await restoreWorkspace(core, admin, safetyCopy, 'id');
    expect(findUserByUsername(core.ws.db, 'sari')?.id).toBe(w.id);
  });

  it('refuses to store an upload that is not a Beranda Humas workspace, and stores one that is', async () => {
    const { core, admin } = await setUpCore();
    const junk = new TextEncoder().encode('this is not a database at all'.repeat(50));
    let err: unknown;
    try {
      uploadBackup(core, admin, junk, 'laporan.docx', 'id');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).key).toBe('backups.invalid');
    expect(String((err as AppError).params.reason)).toContain('rusak atau bukan basis data');
    expect(listBackups(core.ws)).toHaveLength(0);

    const other = await setUpCore({ dir: tempDir() });
    const made = await backupNow(other.core, other.admin);
    const bytes = fs.readFileSync(path.join(other.core.ws.backupsDir, made.name));
    const stored = uploadBackup(core, admin, bytes, 'kantor-lama.db', 'id');
    expect(stored.kind).toBe('uploaded');
    expect(listBackups(core.ws).map((b) => b.name)).toContain(stored.name);
  });

  it('only admins back up and restore', async () => {
    const { core, admin } = await setUpCore();
    const editor = await makeUser(core, admin, 'editor');
    const actor = { user: findUserByUsername(core.ws.db, editor.username)!, tokenHash: 'x' };
    await expect(backupNow(core, actor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a backup name that tries to leave the backups folder', async () => {
    const { core, admin } = await setUpCore();
    await expect(restoreWorkspace(core, admin, '../workspace.db', 'id')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

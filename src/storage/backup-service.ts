import { appendAudit, auditActor } from '../audit/log';
import { deleteAllSessions } from '../auth/sessions';
import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import type { Lang } from '../i18n/messages';
import { createBackup, importBackup, listBackups, restoreBackup, type BackupInfo } from './backups';


async function exclusive<T>(core: Core, work: () => Promise<T>): Promise<T> {
  if (core.backupBusy) throw new AppError('UNAVAILABLE', 'backups.busy');
  core.backupBusy = true;
  try {
    return await work();
  } finally {
    core.backupBusy = false;
  }
}

export function listWorkspaceBackups(core: Core, actor: Actor): BackupInfo[] {
  requirePermission(actor.user.role, 'backups.manage');
  return listBackups(core.ws);
}

export async function backupNow(core: Core, actor: Actor): Promise<BackupInfo> {
  requirePermission(actor.user.role, 'backups.manage');
  return exclusive(core, async () => {
    const info = await createBackup(core.ws, 'manual', core.now());
    appendAudit(core.ws.db, auditActor(actor), 'backup.created', info.name, { automatic: false }, core.now());
    core.events.publish({ type: 'backup.created', name: info.name, automatic: false });
    return info;
  });
}

export function uploadBackup(core: Core, actor: Actor, bytes: Uint8Array, fileName: string, lang: Lang): BackupInfo {
  requirePermission(actor.user.role, 'backups.manage');
  const info = importBackup(core.ws, bytes, fileName, core.now(), lang);
  appendAudit(core.ws.db, auditActor(actor), 'backup.uploaded', info.name, { originalName: fileName, size: info.size }, core.now());
  return info;
}

/**
 * Restores a backup in place. Everyone, the restorer included, signs in again afterwards: the
 * restored accounts and sessions are those of the backup's day.
 */
export async function restoreWorkspace(core: Core, actor: Actor, name: string, lang: Lang): Promise<{ safetyCopy: string }> {
  requirePermission(actor.user.role, 'backups.manage');
  return exclusive(core, async () => {
    const result = await restoreBackup(core.ws, name, core.now(), lang);
    const db = core.ws.db;
    db.transaction(() => {
      deleteAllSessions(db);
      appendAudit(db, auditActor(actor), 'backup.restored', name, { safetyCopy: result.safetyCopy }, core.now());
    })();
    core.events.publish({ type: 'workspace.restored', name });
    return result;
  });
}

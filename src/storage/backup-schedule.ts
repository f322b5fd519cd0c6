import { appendAudit } from '../audit/log';
import type { Core } from '../core';
import { readOffice } from '../workspace/settings';
import { createBackup, listBackups } from './backups';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Makes an automatic backup when the newest one is a day old; checks at start and every hour. */
export async function backupIfDue(core: Core): Promise<void> {
  // Nothing worth keeping before setup; and never two backups at once.
  if (core.backupBusy || !readOffice(core.ws.db)) return;
  const now = core.now();
  const newest = listBackups(core.ws).find((b) => b.kind === 'auto');
  if (newest && now.getTime() - new Date(newest.createdAt).getTime() < DAY_MS) return;
  core.backupBusy = true;
  try {
    const info = await createBackup(core.ws, 'auto', now);
    appendAudit(core.ws.db, { id: null, name: 'sistem' }, 'backup.created', info.name, { automatic: true }, now);
    core.events.publish({ type: 'backup.created', name: info.name, automatic: true });
  } catch (e) {
    core.events.publish({ type: 'backup.failed', message: (e as Error).message });
  } finally {
    core.backupBusy = false;
  }
}

export function startAutoBackups(core: Core): () => void {
  void backupIfDue(core);
  const timer = setInterval(() => void backupIfDue(core), CHECK_EVERY_MS);
  timer.unref();
  // The first backup of a new workspace is made as soon as setup is done, not an hour later.
  const unsubscribe = core.events.subscribe((e) => e.type === 'settings.changed' && void backupIfDue(core));
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}

import type { UserRecord } from './auth/users';
import { createEventBus, type EventBus } from './events/bus';
import { purgeExpiredSessions } from './auth/sessions';
import { openWorkspace, type Workspace } from './storage/workspace';
import { startAutoBackups } from './storage/backup-schedule';
import { registerCaseHooks } from './cases/clarification';
import { startPolling } from './monitoring/scheduler';

export const APP_VERSION = '0.1.0';

/** Everything a service needs: the open workspace, the event bus, and a clock tests can move. */
export interface Core {
  readonly ws: Workspace;
  readonly events: EventBus;
  readonly version: string;
  now(): Date;
  /** Set while a backup or restore runs, so that two never overlap. */
  backupBusy: boolean;
  close(): void;
}

/** Who is calling: the signed-in user of a live session. */
export interface Actor {
  user: UserRecord;
  tokenHash: string;
}

export interface CoreOptions {
  dataDir: string;
  holder?: string;
  now?: () => Date;
  /** Daily automatic backups; tests turn them off to control timing. */
  autoBackup?: boolean;
  /** Background feed polling; tests drive fetches themselves. */
  polling?: boolean;
}

export function createCore(opts: CoreOptions): Core {
  const ws = openWorkspace(opts.dataDir, opts.holder);
  const now = opts.now ?? (() => new Date());
  purgeExpiredSessions(ws.db, now());
  let stopBackups = () => {};
  let stopHooks = () => {};
  let stopPolling = () => {};
  const core: Core = {
    ws,
    events: createEventBus(),
    version: APP_VERSION,
    now,
    backupBusy: false,
    close() {
      stopBackups();
      stopHooks();
      stopPolling();
      ws.close();
    },
  };
  if (opts.autoBackup !== false) stopBackups = startAutoBackups(core);
  stopHooks = registerCaseHooks(core);
  if (opts.polling !== false) stopPolling = startPolling(core);
  return core;
}

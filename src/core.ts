import type { UserRecord } from './auth/users';
import { createEventBus, type EventBus } from './events/bus';
import { purgeExpiredSessions } from './auth/sessions';
import { openWorkspace, type Workspace } from './storage/workspace';
import { startAutoBackups } from './storage/backup-schedule';
import { registerCaseHooks } from './cases/clarification';
import { startPolling } from './monitoring/scheduler';
import { startOutbox } from './publishing/outbox';
import { registerPublishingHooks } from './publishing/service';
import { keyFileSecretBox, type SecretBox } from './secrets/secret-box';

export const APP_VERSION = '0.1.0';

/** Everything a service needs: the open workspace, the event bus, and a clock tests can move. */
export interface Core {
  readonly ws: Workspace;
  readonly events: EventBus;
  readonly version: string;
  /** Seals channel credentials: the OS keychain on desktop, a key file in serve mode. */
  readonly secrets: SecretBox;
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
  /** The publishing outbox's sender; tests may drive it themselves. */
  outbox?: boolean;
  /** Defaults to a key file (owner-only) in the workspace folder. */
  secrets?: SecretBox;
}

export function createCore(opts: CoreOptions): Core {
  const ws = openWorkspace(opts.dataDir, opts.holder);
  const now = opts.now ?? (() => new Date());
  purgeExpiredSessions(ws.db, now());
  let stopBackups = () => {};
  let stopHooks = () => {};
  let stopPolling = () => {};
  let stopOutbox = () => {};
  const core: Core = {
    ws,
    events: createEventBus(),
    version: APP_VERSION,
    secrets: opts.secrets ?? keyFileSecretBox(ws.dir),
    now,
    backupBusy: false,
    close() {
      stopBackups();
      stopHooks();
      stopPolling();
      stopOutbox();
      ws.close();
    },
  };
  if (opts.autoBackup !== false) stopBackups = startAutoBackups(core);
  const stopCaseHooks = registerCaseHooks(core);
  const stopPublishingHooks = registerPublishingHooks(core);
  stopHooks = () => {
    stopCaseHooks();
    stopPublishingHooks();
  };
  if (opts.polling !== false) stopPolling = startPolling(core);
  if (opts.outbox !== false) stopOutbox = startOutbox(core);
  return core;
}

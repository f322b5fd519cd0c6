import { appendAudit, auditActor } from '../audit/log';
import { hashPassword, checkPasswordPolicy } from '../auth/passwords';
import { permissionsOf, requirePermission } from '../auth/roles';
import { createSession } from '../auth/sessions';
import { findUserById, insertUser, toView } from '../auth/users';
import type { Me } from '../auth/service';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import { readOffice, writeOffice, type OfficeSettings } from './settings';

export interface WorkspaceStatus {
  initialized: boolean;
  office: OfficeSettings | null;
  version: string;
  schemaVersion: number;
}

export function workspaceStatus(core: Core): WorkspaceStatus {
  return {
    initialized: readOffice(core.ws.db) !== undefined,
    office: readOffice(core.ws.db) ?? null,
    version: core.version,
    schemaVersion: core.ws.db.pragma('user_version', { simple: true }) as number,
  };
}

export interface SetupInput {
  office: OfficeSettings;
  admin: { username: string; displayName: string; initials: string; email: string | null; password: string };
}

/** First run: records the office and creates the first administrator, signed in at once. */
export async function setupWorkspace(core: Core, input: SetupInput, client: string): Promise<{ me: Me; token: string }> {
  if (readOffice(core.ws.db)) throw new AppError('CONFLICT', 'workspace.alreadyInitialized');
  checkPasswordPolicy(input.admin.password);
  const passwordHash = await hashPassword(input.admin.password);
  const db = core.ws.db;
  const now = core.now();
  const { id, token } = db.transaction(() => {
    // Checked again inside the transaction: two first-run screens may race.
    if (readOffice(db)) throw new AppError('CONFLICT', 'workspace.alreadyInitialized');
    writeOffice(db, input.office);
    const userId = insertUser(db, { ...input.admin, role: 'admin', passwordHash, mustChangePassword: false }, now);
    const actor = { id: userId, name: input.admin.username };
    appendAudit(db, actor, 'workspace.setup', input.office.unitCode, { ...input.office }, now);
    appendAudit(db, actor, 'users.created', input.admin.username, { role: 'admin' }, now);
    appendAudit(db, actor, 'auth.login', input.admin.username, { client }, now);
    return { id: userId, token: createSession(db, userId, now, client).token };
  })();
  core.events.publish({ type: 'settings.changed' });
  return { me: { user: toView(findUserById(db, id)!, now), permissions: permissionsOf('admin') }, token };
}

export function updateOffice(core: Core, actor: Actor, office: OfficeSettings): OfficeSettings {
  requirePermission(actor.user.role, 'settings.manage');
  const db = core.ws.db;
  db.transaction(() => {
    const before = readOffice(db);
    writeOffice(db, office);
    const diff: Record<string, unknown> = {};
    for (const k of Object.keys(office) as (keyof OfficeSettings)[]) {
      if (before?.[k] !== office[k]) diff[k] = { from: before?.[k], to: office[k] };
    }
    appendAudit(db, auditActor(actor), 'settings.updated', 'office', diff, core.now());
  })();
  core.events.publish({ type: 'settings.changed' });
  return office;
}

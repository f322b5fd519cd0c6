import { appendAudit, auditActor } from '../audit/log';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import { checkPasswordPolicy, hashPassword } from './passwords';
import { requirePermission, type Role } from './roles';
import { deleteUserSessions } from './sessions';
import {
  countActiveAdmins,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  recordFailedLogin,
  setPassword,
  toView,
  updateUser,
  type UserChanges,
  type UserView,
} from './users';


export function listAllUsers(core: Core, actor: Actor): UserView[] {
  requirePermission(actor.user.role, 'users.manage');
  const now = core.now();
  return listUsers(core.ws.db).map((u) => toView(u, now));
}

export interface NewUserInput {
  username: string;
  displayName: string;
  initials: string;
  email: string | null;
  role: Role;
  /** A temporary password: the user must change it at first sign-in. */
  password: string;
}

export async function createUser(core: Core, actor: Actor, input: NewUserInput): Promise<UserView> {
  requirePermission(actor.user.role, 'users.manage');
  checkPasswordPolicy(input.password);
  const db = core.ws.db;
  if (findUserByUsername(db, input.username)) {
    throw new AppError('CONFLICT', 'users.usernameTaken', { username: input.username });
  }
  const passwordHash = await hashPassword(input.password);
  const now = core.now();
  const id = db.transaction(() => {
    if (findUserByUsername(db, input.username)) throw new AppError('CONFLICT', 'users.usernameTaken', { username: input.username });
    const newId = insertUser(db, { ...input, passwordHash, mustChangePassword: true }, now);
    appendAudit(db, auditActor(actor), 'users.created', input.username, { role: input.role, displayName: input.displayName }, now);
    return newId;
  })();
  core.events.publish({ type: 'users.changed' });
  return toView(findUserById(db, id)!, now);
}

/**
 * Edits a user. Guards: the last active admin can be neither demoted nor deactivated, and nobody
 * deactivates themselves (they would lock the office out mid-sentence).
 */
export function editUser(core: Core, actor: Actor, id: number, changes: UserChanges): UserView {
  requirePermission(actor.user.role, 'users.manage');
  const db = core.ws.db;
  const now = core.now();
  const result = db.transaction(() => {
    const target = findUserById(db, id);
    if (!target) throw new AppError('NOT_FOUND', 'users.notFound');
    if (changes.active === false && target.id === actor.user.id) throw new AppError('CONFLICT', 'users.selfDeactivate');
    const losesAdmin =
      target.role === 'admin' && target.active && ((changes.role && changes.role !== 'admin') || changes.active === false);
    if (losesAdmin && countActiveAdmins(db) <= 1) throw new AppError('CONFLICT', 'users.lastAdmin');
    updateUser(db, id, changes, now);
    const diff: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(changes)) {
      const before = (target as unknown as Record<string, unknown>)[k];
      if (v !== undefined && v !== before) diff[k] = { from: before, to: v };
    }
    if (changes.active === false && target.active) deleteUserSessions(db, id);
    appendAudit(db, auditActor(actor), 'users.updated', target.username, diff, now);
    return findUserById(db, id)!;
  })();
  core.events.publish({ type: 'users.changed' });
  if (!result.active) core.events.publish({ type: 'session.ended', userId: id });
  return toView(result, now);
}

/** Sets a temporary password, lifts any lockout and signs the user out everywhere. */
export async function resetUserPassword(core: Core, actor: Actor, id: number, password: string): Promise<UserView> {
  requirePermission(actor.user.role, 'users.manage');
  checkPasswordPolicy(password);
  const db = core.ws.db;
  const target = findUserById(db, id);
  if (!target) throw new AppError('NOT_FOUND', 'users.notFound');
  const hash = await hashPassword(password);
  const now = core.now();
  db.transaction(() => {
    setPassword(db, id, hash, true, now);
    deleteUserSessions(db, id);
    appendAudit(db, auditActor(actor), 'users.password_reset', target.username, {}, now);
  })();
  core.events.publish({ type: 'users.changed' });
  core.events.publish({ type: 'session.ended', userId: id });
  return toView(findUserById(db, id)!, now);
}

export function unlockUser(core: Core, actor: Actor, id: number): UserView {
  requirePermission(actor.user.role, 'users.manage');
  const db = core.ws.db;
  const target = findUserById(db, id);
  if (!target) throw new AppError('NOT_FOUND', 'users.notFound');
  const now = core.now();
  db.transaction(() => {
    recordFailedLogin(db, id, 0, null);
    appendAudit(db, auditActor(actor), 'users.unlocked', target.username, {}, now);
  })();
  core.events.publish({ type: 'users.changed' });
  return toView(findUserById(db, id)!, now);
}

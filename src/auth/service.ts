import { appendAudit, auditActor } from '../audit/log';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import { formatTime } from '../time/zones';
import { readOffice } from '../workspace/settings';
import { checkPasswordPolicy, DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { permissionsOf, type Permission } from './roles';
import { createSession, deleteSession, deleteUserSessions } from './sessions';
import { findUserByUsername, recordFailedLogin, recordLogin, setPassword, toView, type UserView } from './users';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export interface Me {
  user: UserView;
  permissions: Permission[];
}

export function describeMe(core: Core, actor: Actor): Me {
  return { user: toView(actor.user, core.now()), permissions: permissionsOf(actor.user.role) };
}

function lockedError(core: Core, until: string): AppError {
  const zone = readOffice(core.ws.db)?.timeZone ?? 'WIB';
  return new AppError('UNAUTHENTICATED', 'auth.locked', { until: formatTime(until, zone) }, { lockedUntil: until });
}

export interface LoginResult {
  me: Me;
  token: string;
}

/**
 * Signs in. Unknown names cost the same scrypt work as known ones; five wrong passwords in a row
 * lock the account for fifteen minutes. Every outcome is audited.
 */
export async function login(core: Core, username: string, password: string, client: string): Promise<LoginResult> {
  const db = core.ws.db;
  const user = findUserByUsername(db, username.trim());
  const now = core.now();
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    appendAudit(db, { id: null, name: username.slice(0, 80) }, 'auth.login_failed', username.slice(0, 80), { reason: 'unknown_user', client }, now);
    throw new AppError('UNAUTHENTICATED', 'auth.badCredentials');
  }
  const actor = { id: user.id, name: user.username };
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    appendAudit(db, actor, 'auth.login_failed', user.username, { reason: 'locked', client }, now);
    throw lockedError(core, user.lockedUntil);
  }
  const ok = await verifyPassword(password, user.passwordHash);
  const after = core.now();
  if (!ok) {
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS ? new Date(after.getTime() + LOCKOUT_MS).toISOString() : null;
    db.transaction(() => {
      recordFailedLogin(db, user.id, lock ? 0 : failed, lock);
      appendAudit(db, actor, 'auth.login_failed', user.username, { reason: 'wrong_password', attempt: failed, client }, after);
      if (lock) appendAudit(db, actor, 'auth.locked', user.username, { until: lock }, after);
    })();
    if (lock) throw lockedError(core, lock);
    throw new AppError('UNAUTHENTICATED', 'auth.badCredentials');
  }
  if (!user.active) {
    appendAudit(db, actor, 'auth.login_failed', user.username, { reason: 'inactive', client }, after);
    throw new AppError('UNAUTHENTICATED', 'auth.inactive');
  }
  const session = db.transaction(() => {
    recordLogin(db, user.id, after);
    appendAudit(db, actor, 'auth.login', user.username, { client }, after);
    return createSession(db, user.id, after, client);
  })();
  const fresh = { ...user, failedLogins: 0, lockedUntil: null, lastLoginAt: after.toISOString() };
  return { me: { user: toView(fresh, after), permissions: permissionsOf(user.role) }, token: session.token };
}

export function logout(core: Core, actor: Actor): void {
  const db = core.ws.db;
  db.transaction(() => {
    deleteSession(db, actor.tokenHash);
    appendAudit(db, auditActor(actor), 'auth.logout', actor.user.username, {}, core.now());
  })();
}

/** Changing one's own password also signs out one's other sessions. */
export async function changeOwnPassword(core: Core, actor: Actor, current: string, next: string): Promise<Me> {
  checkPasswordPolicy(next);
  if (!(await verifyPassword(current, actor.user.passwordHash))) throw new AppError('VALIDATION', 'auth.wrongCurrentPassword');
  if (current === next) throw new AppError('VALIDATION', 'auth.passwordSameAsOld');
  const hash = await hashPassword(next);
  const db = core.ws.db;
  const now = core.now();
  db.transaction(() => {
    setPassword(db, actor.user.id, hash, false, now);
    deleteUserSessions(db, actor.user.id, actor.tokenHash);
    appendAudit(db, auditActor(actor), 'auth.password_changed', actor.user.username, {}, now);
  })();
  return describeMe(core, { ...actor, user: { ...actor.user, passwordHash: hash, mustChangePassword: false } });
}

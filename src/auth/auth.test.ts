import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, makeUser, setUpCore, testClock } from '../../test/support/workspace';
import { listAudit } from '../audit/log';
import type { Actor } from '../core';
import { AppError } from '../errors';
import { changeOwnPassword, login, LOCKOUT_MS } from './service';
import { hashToken, resolveSession, SESSION_IDLE_MS, SESSION_MAX_MS } from './sessions';
import { editUser, resetUserPassword } from './user-admin';
import { findUserById } from './users';

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('signing in', () => {
  it('signs in with the right password, audits it, and never stores the password', async () => {
    const { core } = await setUpCore();
    const { me, token } = await login(core, 'ADMIN', ADMIN_PASSWORD, 'test');
    expect(me.user.username).toBe('admin');
    expect(me.permissions).toContain('users.manage');
    expect(resolveSession(core.ws.db, token, core.now())).toBeDefined();
    const dump = JSON.stringify(core.ws.db.prepare('SELECT * FROM users').all()) + JSON.stringify(listAudit(core.ws.db, { limit: 100 }));
    expect(dump).not.toContain(ADMIN_PASSWORD);
    expect(listAudit(core.ws.db, { action: 'auth', limit: 10 })[0]!.action).toBe('auth.login');
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const { core } = await setUpCore();
    const a = await refusal(login(core, 'nobody', 'whatever-123', 'test'));
    const b = await refusal(login(core, 'admin', 'wrong-password', 'test'));
    expect(a.key).toBe('auth.badCredentials');
    expect(b.key).toBe('auth.badCredentials');
  });

  it('locks the account after 5 wrong passwords for 15 minutes, even for the right password, then lets it in', async () => {
    const clock = testClock();
    const { core } = await setUpCore({ now: clock.now });
    for (let i = 1; i <= 4; i++) expect((await refusal(login(core, 'admin', `wrong-${i}`, 'test'))).key).toBe('auth.badCredentials');
    const fifth = await refusal(login(core, 'admin', 'wrong-5', 'test'));
    expect(fifth.key).toBe('auth.locked');
    expect(String(fifth.params.until)).toMatch(/WIB$/);
    expect((await refusal(login(core, 'admin', ADMIN_PASSWORD, 'test'))).key).toBe('auth.locked');
    clock.advance(LOCKOUT_MS - 1000);
    expect((await refusal(login(core, 'admin', ADMIN_PASSWORD, 'test'))).key).toBe('auth.locked');
    clock.advance(2000);
    await expect(login(core, 'admin', ADMIN_PASSWORD, 'test')).resolves.toBeDefined();
    const actions = listAudit(core.ws.db, { action: 'auth', limit: 100 }).map((e) => e.action);
    expect(actions).toContain('auth.locked');
  });

  it('refuses a deactivated account with its own message', async () => {
    const { core, admin } = await setUpCore();
    const w = await makeUser(core, admin, 'writer');
    editUser(core, admin, w.id, { active: false });
    expect((await refusal(login(core, w.username, w.password, 'test'))).key).toBe('auth.inactive');
  });
});

describe('sessions', () => {
  it('end after 12 idle hours, slide while used, and end after 7 days regardless', async () => {
    const clock = testClock();
    const { core } = await setUpCore({ now: clock.now });
    const { token } = await login(core, 'admin', ADMIN_PASSWORD, 'test');
    clock.advance(SESSION_IDLE_MS - 60_000);
    expect(resolveSession(core.ws.db, token, clock.now())).toBeDefined();
    clock.advance(SESSION_IDLE_MS - 60_000);
    expect(resolveSession(core.ws.db, token, clock.now())).toBeDefined();
    clock.advance(SESSION_IDLE_MS + 1);
    expect(resolveSession(core.ws.db, token, clock.now())).toBeUndefined();

    const second = await login(core, 'admin', ADMIN_PASSWORD, 'test');
    for (let t = 0; t < SESSION_MAX_MS; t += SESSION_IDLE_MS / 2) {
      clock.advance(SESSION_IDLE_MS / 2);
      if (t + SESSION_IDLE_MS / 2 < SESSION_MAX_MS) expect(resolveSession(core.ws.db, second.token, clock.now())).toBeDefined();
    }
    expect(resolveSession(core.ws.db, second.token, clock.now())).toBeUndefined();
  });
});

describe('user administration', () => {
  it('never lets the last active admin be demoted or deactivated', async () => {
    const { core, admin } = await setUpCore();
    expect((await refusal(() => editUser(core, admin, admin.user.id, { role: 'editor' }))).key).toBe('users.lastAdmin');
    const other = await makeUser(core, admin, 'admin');
    expect(editUser(core, admin, other.id, { role: 'editor' }).role).toBe('editor');
    expect((await refusal(() => editUser(core, admin, admin.user.id, { active: false }))).key).toBe('users.selfDeactivate');
    const second = await makeUser(core, admin, 'admin');
    const secondActor: Actor = { user: findUserById(core.ws.db, second.id)!, tokenHash: 'x' };
    expect(editUser(core, secondActor, admin.user.id, { active: false }).active).toBe(false);
    expect((await refusal(() => editUser(core, secondActor, second.id, { role: 'writer' }))).key).toBe('users.lastAdmin');
  });

  it('only admins manage users', async () => {
    const { core, admin } = await setUpCore();
    for (const role of ['editor', 'writer', 'monitor'] as const) {
      const u = await makeUser(core, admin, role);
      const actor: Actor = { user: findUserById(core.ws.db, u.id)!, tokenHash: 'x' };
      expect((await refusal(() => editUser(core, actor, u.id, { role: 'admin' }))).code).toBe('FORBIDDEN');
    }
  });

  it('a reset password is temporary: the user must change it, and old sessions end', async () => {
    const { core, admin } = await setUpCore();
    const w = await makeUser(core, admin, 'writer');
    const old = await login(core, w.username, w.password, 'test');
    await resetUserPassword(core, admin, w.id, 'sementara-123');
    expect(resolveSession(core.ws.db, old.token, core.now())).toBeUndefined();
    const fresh = await login(core, w.username, 'sementara-123', 'test');
    expect(fresh.me.user.mustChangePassword).toBe(true);
    const actor: Actor = { user: findUserById(core.ws.db, w.id)!, tokenHash: hashToken(fresh.token) };
    expect((await refusal(changeOwnPassword(core, actor, 'salah-sekali', 'baru-sekali-123'))).key).toBe('auth.wrongCurrentPassword');
    expect((await refusal(changeOwnPassword(core, actor, 'sementara-123', 'pendek'))).key).toBe('auth.passwordTooShort');
    const me = await changeOwnPassword(core, actor, 'sementara-123', 'baru-sekali-123');
    expect(me.user.mustChangePassword).toBe(false);
    await expect(login(core, w.username, 'baru-sekali-123', 'test')).resolves.toBeDefined();
  });

  it('records every user change in the audit log with what changed', async () => {
    const { core, admin } = await setUpCore();
    const w = await makeUser(core, admin, 'writer');
    editUser(core, admin, w.id, { role: 'editor', displayName: 'Sari Wulandari' });
    const entry = listAudit(core.ws.db, { action: 'users.updated', limit: 1 })[0]!;
    expect(entry.actorName).toBe('admin');
    expect(entry.details).toMatchObject({ role: { from: 'writer', to: 'editor' }, displayName: { to: 'Sari Wulandari' } });
  });
});

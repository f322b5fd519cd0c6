import { LATEST_SCHEMA_VERSION } from '../../src/storage/migrations/index';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { error, value } from '../support/results';
import { ADMIN_PASSWORD, openTestCore, OFFICE } from '../support/workspace';
import { httpTransport, ipcTransport, type TestClient, type Transport } from '../support/transports';
import type { Core } from '../../src/core';



const SETUP = {
  office: { ...OFFICE, unitCode: 'dinkominfo' },
  admin: { username: 'Admin', displayName: 'Admin Kantor', initials: 'adm', email: '', password: ADMIN_PASSWORD },
};

describe.each(['http', 'ipc'] as const)('the API over %s', (kind) => {
  let core: Core;
  let transport: Transport;
  let admin: TestClient;

  beforeEach(async () => {
    core = openTestCore();
    transport = kind === 'http' ? await httpTransport(core) : ipcTransport(core);
    admin = transport.client();
  });
  afterEach(() => transport.close());

  it('first run: status says not initialized, setup signs the admin in, a second setup is refused', async () => {
    expect(value(await admin.call('workspace.status'))).toMatchObject({ initialized: false, schemaVersion: LATEST_SCHEMA_VERSION });
    const me = value<{ user: { username: string; role: string } }>(await admin.call('workspace.setup', SETUP));
    expect(me.user).toMatchObject({ username: 'admin', role: 'admin' });
    expect(value(await admin.call('workspace.status'))).toMatchObject({ initialized: true, office: { unitCode: 'DINKOMINFO' } });
    expect(value(await admin.call('auth.me'))).toMatchObject({ user: { username: 'admin' } });
    expect(error(await transport.client().call('workspace.setup', SETUP)).code).toBe('CONFLICT');
  });

  it('refuses bad input with a message per field, in the caller language', async () => {
    const bad = { ...SETUP, office: { ...SETUP.office, timeZone: 'UTC' }, admin: { ...SETUP.admin, username: 'x' } };
    const id = error(await admin.call('workspace.setup', bad, 'id'));
    expect(id.code).toBe('VALIDATION');
    expect(id.message).toMatch(/^Isian belum benar: .*timeZone/);
    expect(id.details?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['admin', 'username'] })]));
    expect(error(await admin.call('workspace.setup', bad, 'en')).message).toMatch(/^Some fields are not valid/);
    expect(error(await admin.call('no.such.method')).code).toBe('NOT_FOUND');
  });

  it('wrong password, then lockout, with clear messages', async () => {
    value(await admin.call('workspace.setup', SETUP));
    const other = transport.client();
    expect(error(await other.call('auth.login', { username: 'admin', password: 'salah' })).message).toBe('Nama pengguna atau kata sandi salah.');
    for (let i = 0; i < 3; i++) await other.call('auth.login', { username: 'admin', password: 'salah' });
    const locked = error(await other.call('auth.login', { username: 'admin', password: 'salah' }, 'en'));
    expect(locked.message).toMatch(/^This account is locked .* Try again at \d\d[.:]\d\d WIB\.$/);
  });

  it('a writer can sign in but is refused user admin, backups and the audit log', async () => {
    value(await admin.call('workspace.setup', SETUP));
    value(await admin.call('users.create', { username: 'yuni', displayName: 'Yuni Astuti', initials: 'y', role: 'writer', password: 'sementara-1' }));
    const writer = transport.client();
    const me = value<{ user: { mustChangePassword: boolean } }>(await writer.call('auth.login', { username: 'yuni', password: 'sementara-1' }));
    expect(me.user.mustChangePassword).toBe(true);
    // Until the temporary password is changed, only the account methods work.
    expect(error(await writer.call('users.list')).details).toMatchObject({ mustChangePassword: true });
    value(await writer.call('auth.changePassword', { current: 'sementara-1', next: 'sandi-yuni-baru' }));
    for (const m of ['users.list', 'backups.list', 'audit.list', 'audit.verify', 'backups.create']) {
      const e = error(await writer.call(m));
      expect(e.code).toBe('FORBIDDEN');
      expect(e.message).toBe('Peran Anda (writer) tidak boleh melakukan ini.');
    }
    expect(error(await writer.call('users.update', { id: 1, role: 'writer' })).code).toBe('FORBIDDEN');
    const me2 = value<{ user: { username: string }; permissions: string[] }>(await writer.call('auth.me'));
    expect(me2.user.username).toBe('yuni');
    expect(me2.permissions).toContain('releases.write');
    expect(me2.permissions.filter((p) => /^(users|backups|audit|settings)\./.test(p))).toEqual([]);
  });

  it('signing out ends the session; calls then ask to sign in again', async () => {
    value(await admin.call('workspace.setup', SETUP));
    value(await admin.call('auth.logout'));
    expect(error(await admin.call('auth.me'))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Sesi Anda telah berakhir. Silakan masuk lagi.' });
  });

  it('admin manages users: create, edit, deactivate (which ends their sessions), reset, unlock', async () => {
    value(await admin.call('workspace.setup', SETUP));
    const u = value<{ id: number }>(await admin.call('users.create', { username: 'agus', displayName: 'Agus', initials: 'ag', role: 'monitor', password: 'sementara-1' }));
    expect(error(await admin.call('users.create', { username: 'AGUS', displayName: 'Agus 2', initials: 'a', role: 'writer', password: 'sementara-1' })).code).toBe('CONFLICT');
    const agus = transport.client();
    value(await agus.call('auth.login', { username: 'agus', password: 'sementara-1' }));
    expect(value(await admin.call('users.update', { id: u.id, role: 'editor', active: false }))).toMatchObject({ role: 'editor', active: false });
    expect(error(await agus.call('auth.me')).code).toBe('UNAUTHENTICATED');
    expect(error(await admin.call('users.update', { id: 1, active: false })).code).toBe('CONFLICT');
    value(await admin.call('users.update', { id: u.id, active: true }));
    value(await admin.call('users.resetPassword', { id: u.id, password: 'sementara-2' }));
    value(await agus.call('auth.login', { username: 'agus', password: 'sementara-2' }));
    for (let i = 0; i < 5; i++) await agus.call('auth.login', { username: 'agus', password: 'salah-lagi' });
    expect(value<{ lockedUntil: string | null }[]>(await admin.call('users.list')).find((x) => x.lockedUntil)).toBeDefined();
    value(await admin.call('users.unlock', { id: u.id }));
    value(await agus.call('auth.login', { username: 'agus', password: 'sementara-2' }));
    const list = value<{ username: string }[]>(await admin.call('users.list'));
    expect(list.map((x) => x.username).sort()).toEqual(['admin', 'agus']);
    expect(JSON.stringify(list)).not.toMatch(/passwordHash|scrypt/);
  });

  it('backup now, list, restore: everyone signs in again and the restored data is back', async () => {
    value(await admin.call('workspace.setup', SETUP));
    const b = value<{ name: string }>(await admin.call('backups.create'));
    value(await admin.call('users.create', { username: 'baru', displayName: 'Baru', initials: 'b', role: 'writer', password: 'sementara-1' }));
    expect(value<unknown[]>(await admin.call('backups.list'))).toHaveLength(1);
    value(await admin.call('backups.restore', { name: b.name }));
    expect(error(await admin.call('auth.me')).code).toBe('UNAUTHENTICATED');
    value(await admin.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD }));
    const names = value<{ username: string }[]>(await admin.call('users.list')).map((x) => x.username);
    expect(names).toEqual(['admin']);
    const kinds = value<{ kind: string }[]>(await admin.call('backups.list')).map((x) => x.kind).sort();
    expect(kinds).toEqual(['manual', 'pre-restore']);
  });

  it('audit: browse with filters, verify, and notice a tampered row', async () => {
    value(await admin.call('workspace.setup', SETUP));
    value(await admin.call('workspace.updateOffice', { ...OFFICE, city: 'Purbalingga' }));
    const entries = value<{ action: string }[]>(await admin.call('audit.list', { action: 'settings' }));
    expect(entries.map((e) => e.action)).toEqual(['settings.updated']);
    expect(value(await admin.call('audit.verify'))).toMatchObject({ ok: true });
    core.ws.db.prepare("UPDATE audit_log SET actor_name = 'bukan-admin' WHERE action = 'settings.updated'").run();
    expect(value(await admin.call('audit.verify'))).toMatchObject({ ok: false, problem: 'edited' });
  });
});

describe('IPC adapter', () => {
  it('refuses calls from a frame the app did not load, and malformed payloads', async () => {
    const t = ipcTransport(openTestCore());
    expect(await t.invokeFrom('https://evil.example/', { method: 'workspace.status', input: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const ok = t.client();
    expect(await ok.call('workspace.status')).toMatchObject({ ok: true });
    expect(await t.invokeFrom('file:///app/out/renderer/index.html', 'nonsense')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('keeps one session per window: signing in one window does not sign in another', async () => {
    const core = openTestCore();
    const t = ipcTransport(core);
    const a = t.client();
    await a.call('workspace.setup', SETUP);
    expect(await a.call('auth.me')).toMatchObject({ ok: true });
    expect(await t.client().call('auth.me')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

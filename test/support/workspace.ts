import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { hashToken } from '../../src/auth/sessions';
import { findUserByUsername } from '../../src/auth/users';
import { createUser } from '../../src/auth/user-admin';
import type { Actor, Core } from '../../src/core';
import { createCore } from '../../src/core';
import type { Role } from '../../src/auth/roles';
import { setupWorkspace } from '../../src/workspace/service';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(prefix = 'beranda-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A clock tests can move: lockouts, session expiry and backup schedules depend on it. */
export function testClock(start = '2026-11-29T02:00:00.000Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

/** A real core on a real SQLite file in a temp folder; closed after the test. */
export function openTestCore(opts: { dir?: string; now?: () => Date } = {}): Core {
  const core = createCore({ dataDir: opts.dir ?? tempDir(), autoBackup: false, polling: false, outbox: false, ...(opts.now ? { now: opts.now } : {}) });
  cleanups.push(() => core.close());
  return core;
}

export const OFFICE = {
  officeName: 'Dinas Komunikasi dan Informatika Kabupaten Purbalingga',
  unitCode: 'DINKOMINFO',
  city: 'PURBALINGGA',
  timeZone: 'WIB' as const,
};

export const ADMIN_PASSWORD = 'rahasia-admin-1';

/** A core that has been through first-run setup, with its admin as an Actor. */
export async function setUpCore(opts: { dir?: string; now?: () => Date } = {}): Promise<{ core: Core; admin: Actor }> {
  const core = openTestCore(opts);
  const { token } = await setupWorkspace(
    core,
    { office: OFFICE, admin: { username: 'admin', displayName: 'Admin Kantor', initials: 'adm', email: null, password: ADMIN_PASSWORD } },
    'test',
  );
  return { core, admin: { user: findUserByUsername(core.ws.db, 'admin')!, tokenHash: hashToken(token) } };
}

let userSeq = 0;

/** Factory: a user of the given role, with mustChangePassword cleared so it can act at once. */
export async function makeUser(core: Core, admin: Actor, role: Role, overrides: { username?: string; password?: string } = {}) {
  const username = overrides.username ?? `${role}${++userSeq}`;
  const password = overrides.password ?? `sandi-${username}-123`;
  const view = await createUser(core, admin, { username, displayName: `Pengguna ${username}`, initials: username.slice(0, 2), email: null, role, password });
  core.ws.db.prepare('UPDATE users SET must_change_password = 0 WHERE id = ?').run(view.id);
  return { ...view, password };
}

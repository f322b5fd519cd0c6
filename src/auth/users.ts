import type { Db } from '../storage/database';
import type { Role } from './roles';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  initials: string;
  email: string | null;
  role: Role;
  active: boolean;
  passwordHash: string;
  mustChangePassword: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What leaves the core about a user: never the hash or the lockout counters. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  initials: string;
  email: string | null;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  initials: string;
  email: string | null;
  role: Role;
  active: number;
  password_hash: string;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

function fromRow(r: UserRow): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    initials: r.initials,
    email: r.email,
    role: r.role,
    active: r.active === 1,
    passwordHash: r.password_hash,
    mustChangePassword: r.must_change_password === 1,
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until,
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toView(u: UserRecord, now: Date): UserView {
  const locked = u.lockedUntil && u.lockedUntil > now.toISOString() ? u.lockedUntil : null;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    initials: u.initials,
    email: u.email,
    role: u.role,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: locked,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}

export function findUserById(db: Db, id: number): UserRecord | undefined {
  const r = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return r && fromRow(r);
}

export function findUserByUsername(db: Db, username: string): UserRecord | undefined {
  const r = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return r && fromRow(r);
}

export function listUsers(db: Db): UserRecord[] {
  return (db.prepare('SELECT * FROM users ORDER BY active DESC, display_name COLLATE NOCASE').all() as UserRow[]).map(fromRow);
}

export function countActiveAdmins(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1").get() as { n: number }).n;
}

export interface NewUser {
  username: string;
  displayName: string;
  initials: string;
  email: string | null;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
}

export function insertUser(db: Db, u: NewUser, now: Date): number {
  const at = now.toISOString();
  const info = db
    .prepare(
      `INSERT INTO users (username, display_name, initials, email, role, password_hash, must_change_password, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(u.username, u.displayName, u.initials, u.email, u.role, u.passwordHash, u.mustChangePassword ? 1 : 0, at, at);
  return Number(info.lastInsertRowid);
}

export interface UserChanges {
  displayName?: string;
  initials?: string;
  email?: string | null;
  role?: Role;
  active?: boolean;
}

export function updateUser(db: Db, id: number, c: UserChanges, now: Date): void {
  const cur = findUserById(db, id);
  if (!cur) return;
  db.prepare(
    `UPDATE users SET display_name = ?, initials = ?, email = ?, role = ?, active = ?, updated_at = ? WHERE id = ?`,
  ).run(
    c.displayName ?? cur.displayName,
    c.initials ?? cur.initials,
    c.email === undefined ? cur.email : c.email,
    c.role ?? cur.role,
    (c.active ?? cur.active) ? 1 : 0,
    now.toISOString(),
    id,
  );
}

export function setPassword(db: Db, id: number, passwordHash: string, mustChange: boolean, now: Date): void {
  db.prepare(
    `UPDATE users SET password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?`,
  ).run(passwordHash, mustChange ? 1 : 0, now.toISOString(), id);
}

export function recordFailedLogin(db: Db, id: number, failedLogins: number, lockedUntil: string | null): void {
  db.prepare('UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?').run(failedLogins, lockedUntil, id);
}

export function recordLogin(db: Db, id: number, now: Date): void {
  db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(now.toISOString(), id);
}

import { AppError } from '../errors';

export const ROLES = ['admin', 'editor', 'writer', 'monitor'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do. Services check these; the UI only hides what would be refused anyway. */
const PERMISSIONS = {
  'users.manage': ['admin'],
  'settings.manage': ['admin'],
  'backups.manage': ['admin'],
  'audit.read': ['admin'],
  'releases.read': ['admin', 'editor', 'writer', 'monitor'],
  'releases.write': ['admin', 'editor', 'writer'],
  'releases.editAny': ['admin', 'editor'],
  'releases.review': ['admin', 'editor'],
  'releases.publish': ['admin', 'editor'],
  'releases.comment': ['admin', 'editor', 'writer', 'monitor'],
  'templates.manage': ['admin'],
  'cases.read': ['admin', 'editor', 'writer', 'monitor'],
  'cases.write': ['admin', 'editor', 'monitor'],
  'cases.configure': ['admin'],
  'channels.manage': ['admin'],
  'monitoring.read': ['admin', 'editor', 'writer', 'monitor'],
  'monitoring.manage': ['admin', 'editor', 'monitor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

export function requirePermission(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new AppError('FORBIDDEN', 'auth.forbidden', { role });
}

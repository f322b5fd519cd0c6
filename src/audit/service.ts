import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { appendAudit, auditActor, listAudit, verifyAudit, type AuditEntry, type AuditFilter, type AuditVerification } from './log';

export function browseAudit(core: Core, actor: Actor, filter: AuditFilter): AuditEntry[] {
  requirePermission(actor.user.role, 'audit.read');
  return listAudit(core.ws.db, filter);
}

/** Verifying is itself recorded, with its outcome, so a later reader knows when the log was last whole. */
export function verifyAuditLog(core: Core, actor: Actor): AuditVerification {
  requirePermission(actor.user.role, 'audit.read');
  const result = verifyAudit(core.ws.db);
  appendAudit(core.ws.db, auditActor(actor), 'audit.verified', '', { ...result }, core.now());
  return result;
}

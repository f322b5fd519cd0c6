import { appendAudit, auditActor } from '../audit/log';
import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { readCaseConfig, writeCaseConfig, type CaseConfig } from './config';

export function caseSettings(core: Core, actor: Actor): { config: CaseConfig; holidays: { day: string; name: string }[] } {
  requirePermission(actor.user.role, 'cases.read');
  return { config: readCaseConfig(core.ws.db), holidays: core.ws.db.prepare('SELECT day, name FROM holidays ORDER BY day').all() as { day: string; name: string }[] };
}

export function saveCaseConfig(core: Core, actor: Actor, config: CaseConfig): CaseConfig {
  requirePermission(actor.user.role, 'cases.configure');
  core.ws.db.transaction(() => {
    writeCaseConfig(core.ws.db, config);
    appendAudit(core.ws.db, auditActor(actor), 'settings.cases_updated', '', {}, core.now());
  })();
  return config;
}

/** The holiday list changes every year (national holidays, cuti bersama): admins keep it. */
export function setHolidays(core: Core, actor: Actor, add: { day: string; name: string }[], remove: string[]): { day: string; name: string }[] {
  requirePermission(actor.user.role, 'cases.configure');
  const db = core.ws.db;
  db.transaction(() => {
    for (const d of remove) db.prepare('DELETE FROM holidays WHERE day = ?').run(d);
    for (const h of add) db.prepare('INSERT INTO holidays (day, name) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET name = excluded.name').run(h.day, h.name);
    appendAudit(db, auditActor(actor), 'settings.holidays_updated', '', { added: add.map((h) => h.day), removed: remove }, core.now());
  })();
  return db.prepare('SELECT day, name FROM holidays ORDER BY day').all() as { day: string; name: string }[];
}

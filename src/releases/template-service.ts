import { appendAudit, auditActor } from '../audit/log';
import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import type { ReleaseKind } from '../shared/release-kinds';
import { sanitizeDoc } from '../shared/sanitize-doc';
import { readOffice, writeSetting } from '../workspace/settings';
import { formatNumber, NUMBER_PATTERN_KEY, numberPattern } from './numbering';
import { parseFields } from './service';
import { readTemplates, resetTemplate, writeTemplate, type Template } from './templates';

export function templatesAndNumbering(core: Core, actor: Actor) {
  requirePermission(actor.user.role, 'releases.read');
  return { templates: readTemplates(core.ws.db, readOffice(core.ws.db)), numberPattern: numberPattern(core.ws.db) };
}

export function saveTemplate(core: Core, actor: Actor, kind: ReleaseKind, input: { title: string; fields: unknown; body: unknown }): Template {
  requirePermission(actor.user.role, 'templates.manage');
  const t: Template = { title: input.title, fields: parseFields(kind, input.fields), body: sanitizeDoc(input.body) };
  core.ws.db.transaction(() => {
    writeTemplate(core.ws.db, kind, t);
    appendAudit(core.ws.db, auditActor(actor), 'settings.template_updated', kind, {}, core.now());
  })();
  return t;
}

export function restoreBuiltInTemplate(core: Core, actor: Actor, kind: ReleaseKind): Template {
  requirePermission(actor.user.role, 'templates.manage');
  core.ws.db.transaction(() => {
    resetTemplate(core.ws.db, kind);
    appendAudit(core.ws.db, auditActor(actor), 'settings.template_reset', kind, {}, core.now());
  })();
  return readTemplates(core.ws.db, readOffice(core.ws.db))[kind];
}

export function setNumberPattern(core: Core, actor: Actor, pattern: string) {
  requirePermission(actor.user.role, 'settings.manage');
  core.ws.db.transaction(() => {
    const before = numberPattern(core.ws.db);
    writeSetting(core.ws.db, NUMBER_PATTERN_KEY, pattern);
    appendAudit(core.ws.db, auditActor(actor), 'settings.updated', 'numberPattern', { numberPattern: { from: before, to: pattern } }, core.now());
  })();
  const now = core.now();
  const example = formatNumber(pattern, { seq: 7, unit: readOffice(core.ws.db)?.unitCode ?? 'UNIT', kind: 'siaran_pers', year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 });
  return { numberPattern: pattern, example };
}

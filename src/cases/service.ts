import { appendAudit, auditActor } from '../audit/log';
import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import { readOffice } from '../workspace/settings';
import { holidaySet, readCaseConfig, suggestSeverity, type CaseKind, type CaseStatus, type CloseReason, type Severity } from './config';
import { addCaseEvent, findCase, insertCase, updateCaseRow, type CaseRecord } from './repo';
import { normalizedText } from './text';
import { dueDate } from './working-days';

/** What staff enter for a case: its record's own fields, with severity given only as an override. */
export type CaseInput = Pick<
  CaseRecord,
  'kind' | 'title' | 'details' | 'platforms' | 'sourceUrls' | 'firstSeenAt' | 'reportedBy' | 'reach' | 'category' | 'region' | 'opd' | 'assigneeId' | 'ticket' | 'tags' | 'verdict'
> & {
  /** Given only when staff override the suggested severity. */
  severity?: Severity | undefined;
};

export const FINAL: CaseStatus[] = ['selesai', 'ditutup'];
const FLOW: Record<CaseKind, CaseStatus[]> = {
  rumor: ['baru', 'verifikasi', 'perlu_klarifikasi', 'klarifikasi_terbit', 'selesai'],
  complaint: ['baru', 'verifikasi', 'diteruskan', 'ditindaklanjuti', 'selesai'],
};

export function loadCase(core: Core, id: number): CaseRecord {
  const c = findCase(core.ws.db, id);
  if (!c) throw new AppError('NOT_FOUND', 'cases.notFound');
  return c;
}


export function announceCase(core: Core, c: { id: number; status: string }): void {
  core.events.publish({ type: 'case.changed', id: c.id, status: c.status });
}

function zone(core: Core) {
  return readOffice(core.ws.db)?.timeZone ?? 'WIB';
}

function severityFor(core: Core, input: Pick<CaseInput, 'reach' | 'category' | 'severity'>): { severity: Severity; overridden: boolean } {
  const cfg = readCaseConfig(core.ws.db);
  const category = cfg.categories.find((c) => c.id === input.category);
  if (!category) throw new AppError('VALIDATION', 'cases.unknownCategory', { category: input.category });
  const suggested = suggestSeverity(input.reach, category.weight);
  return input.severity ? { severity: input.severity, overridden: input.severity !== suggested } : { severity: suggested, overridden: false };
}

function deadline(core: Core, kind: CaseKind, severity: Severity, openedAt: string): string {
  const days = readCaseConfig(core.ws.db).targets[kind][severity];
  return dueDate(new Date(openedAt), days, holidaySet(core.ws.db), zone(core)).toISOString();
}

export function createCase(core: Core, actor: Actor, input: CaseInput): CaseRecord {
  requirePermission(actor.user.role, 'cases.write');
  const db = core.ws.db;
  const at = core.now().toISOString();
  const { severity, overridden } = severityFor(core, input);
  const id = db.transaction(() => {
    const { severity: _s, ...rest } = input;
    const newId = insertCase(db, {
      ...rest,
      status: 'baru',
      severity,
      severityOverridden: overridden,
      dueAt: deadline(core, input.kind, severity, at),
      norm: normalizedText(`${input.title} ${input.details}`),
      createdBy: actor.user.id,
      createdAt: at,
      updatedAt: at,
    });
    addCaseEvent(db, { caseId: newId, at, actorId: actor.user.id, action: 'created', to: 'baru', details: { severity } });
    appendAudit(db, auditActor(actor), 'case.created', String(newId), { kind: input.kind, severity }, core.now());
    return newId;
  })();
  const c = loadCase(core, id);
  announceCase(core, c);
  return c;
}

/** Edits the details; the deadline follows the severity, counted from when the case came in. */
export function updateCase(core: Core, actor: Actor, id: number, input: CaseInput): CaseRecord {
  requirePermission(actor.user.role, 'cases.write');
  const db = core.ws.db;
  const at = core.now().toISOString();
  db.transaction(() => {
    const cur = loadCase(core, id);
    const { severity, overridden } = severityFor(core, input);
    const { kind: _k, severity: _s, ...rest } = input;
    const changes: Record<string, unknown> = { ...rest, severity, severityOverridden: overridden, norm: normalizedText(`${input.title} ${input.details}`), updatedAt: at };
    if (severity !== cur.severity) changes.dueAt = deadline(core, cur.kind, severity, cur.createdAt);
    const diff: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) {
      const before = (cur as unknown as Record<string, unknown>)[k];
      if (JSON.stringify(before) !== JSON.stringify(v)) diff[k] = { from: before, to: v };
    }
    if (severity !== cur.severity) diff.severity = { from: cur.severity, to: severity };
    updateCaseRow(db, id, changes);
    if (Object.keys(diff).length) {
      addCaseEvent(db, { caseId: id, at, actorId: actor.user.id, action: 'updated', details: diff });
      appendAudit(db, auditActor(actor), 'case.updated', String(id), diff, core.now());
    }
  })();
  const c = loadCase(core, id);
  announceCase(core, c);
  return c;
}

export interface TransitionCaseInput {
  id: number;
  to: CaseStatus;
  reason?: CloseReason | undefined;
  note?: string | undefined;
}

/** The status rules of each kind; a rumor answered needs a verdict, a forwarded complaint an OPD. */
export function checkTransition(core: Core, c: CaseRecord, to: CaseStatus, reason: CloseReason | undefined, system = false): void {
  const flow = FLOW[c.kind];
  const bad = () => new AppError('CONFLICT', 'cases.wrongTransition', { from: c.status, to, kind: c.kind === 'rumor' ? 'isu' : 'aduan' });
  if (to === c.status) throw bad();
  if (FINAL.includes(c.status)) {
    if (to !== 'verifikasi') throw bad();
    return;
  }
  if (to === 'ditutup') {
    if (!reason) throw new AppError('VALIDATION', 'cases.reasonRequired');
    return;
  }
  if (!flow.includes(to)) throw bad();
  if (to === 'klarifikasi_terbit' && !system) {
    const published = core.ws.db
      .prepare("SELECT 1 FROM case_documents cd JOIN documents d ON d.id = cd.document_id WHERE cd.case_id = ? AND d.kind = 'klarifikasi' AND d.status = 'published'")
      .get(c.id);
    if (!published) throw new AppError('CONFLICT', 'cases.clarificationNotPublished');
  }
  if (to === 'selesai' && c.kind === 'rumor' && !c.verdict) throw new AppError('VALIDATION', 'cases.verdictRequired');
  if (to === 'diteruskan' && !c.opd.trim()) throw new AppError('VALIDATION', 'cases.opdRequired');
}

export function transitionCase(core: Core, actor: Actor | null, input: TransitionCaseInput): CaseRecord {
  if (actor) requirePermission(actor.user.role, 'cases.write');
  const db = core.ws.db;
  const at = core.now().toISOString();
  db.transaction(() => {
    const cur = loadCase(core, input.id);
    checkTransition(core, cur, input.to, input.reason, actor === null);
    const closing = FINAL.includes(input.to);
    updateCaseRow(db, cur.id, {
      status: input.to,
      updatedAt: at,
      closedAt: closing ? at : null,
      closeReason: input.to === 'ditutup' ? input.reason : null,
    });
    addCaseEvent(db, { caseId: cur.id, at, actorId: actor?.user.id ?? null, action: 'status', from: cur.status, to: input.to, note: input.note ?? '', details: input.reason ? { reason: input.reason } : {} });
    appendAudit(db, actor ? auditActor(actor) : { id: null, name: 'sistem' }, 'case.status', String(cur.id), { from: cur.status, to: input.to, ...(input.reason ? { reason: input.reason } : {}) }, core.now());
  })();
  const c = loadCase(core, input.id);
  announceCase(core, c);
  return c;
}

/**
 * Merges a duplicate into the case that stays: the duplicate is closed as such, its evidence and
 * source URLs move over, and both timelines say so (the kept case shows the merged one's history).
 */
export function mergeCase(core: Core, actor: Actor, id: number, into: number): CaseRecord {
  requirePermission(actor.user.role, 'cases.write');
  const db = core.ws.db;
  const at = core.now().toISOString();
  db.transaction(() => {
    const dup = loadCase(core, id);
    const keep = loadCase(core, into);
    if (dup.id === keep.id || FINAL.includes(keep.status) || keep.mergedInto) throw new AppError('CONFLICT', 'cases.mergeSelf');
    const urls = [...new Set([...keep.sourceUrls, ...dup.sourceUrls])];
    const platforms = [...new Set([...keep.platforms, ...dup.platforms])];
    const reach = keep.reach !== null || dup.reach !== null ? (keep.reach ?? 0) + (dup.reach ?? 0) : null;
    updateCaseRow(db, keep.id, { sourceUrls: urls, platforms, reach, updatedAt: at });
    db.prepare('UPDATE case_evidence SET case_id = ? WHERE case_id = ?').run(keep.id, dup.id);
    db.prepare('INSERT OR IGNORE INTO case_documents (case_id, document_id) SELECT ?, document_id FROM case_documents WHERE case_id = ?').run(keep.id, dup.id);
    updateCaseRow(db, dup.id, { status: 'ditutup', closeReason: 'duplikat', mergedInto: keep.id, closedAt: at, updatedAt: at });
    addCaseEvent(db, { caseId: dup.id, at, actorId: actor.user.id, action: 'merged_into', from: dup.status, to: 'ditutup', details: { into: keep.id } });
    addCaseEvent(db, { caseId: keep.id, at, actorId: actor.user.id, action: 'merged_from', details: { from: dup.id, title: dup.title } });
    appendAudit(db, auditActor(actor), 'case.merged', String(dup.id), { into: keep.id }, core.now());
  })();
  announceCase(core, loadCase(core, id));
  const kept = loadCase(core, into);
  announceCase(core, kept);
  return kept;
}

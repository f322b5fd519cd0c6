import { appendAudit, auditActor } from '../audit/log';
import { can, requirePermission, type Permission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import { checkMessage, checkRelease } from '../shared/release-checks';
import type { ReleaseStatus } from '../shared/release-kinds';
import { readOffice } from '../workspace/settings';
import { nextNumber } from './numbering';
import { addEvent, setStatus, type DocumentRecord, type StatusExtra } from './repo';
import { announce, loadDocument } from './service';
import { documentView, isOwnText, type DocumentView } from './views';
import type { Lang } from '../i18n/messages';

export const ACTIONS = ['submit', 'approve', 'request_changes', 'mark_published', 'withdraw'] as const;
export type WorkflowAction = (typeof ACTIONS)[number];

interface Rule {
  from: ReleaseStatus[];
  to: ReleaseStatus;
  permission: Permission;
  needsNote?: boolean;
  needsUrl?: boolean;
}

/** The approval workflow as data: who may move a document from which states to which. */
export const RULES: Record<WorkflowAction, Rule> = {
  submit: { from: ['draft', 'changes_requested'], to: 'in_review', permission: 'releases.write' },
  approve: { from: ['in_review'], to: 'approved', permission: 'releases.review' },
  request_changes: { from: ['in_review'], to: 'changes_requested', permission: 'releases.review', needsNote: true },
  mark_published: { from: ['approved'], to: 'published', permission: 'releases.publish', needsUrl: true },
  withdraw: { from: ['published'], to: 'withdrawn', permission: 'releases.publish', needsNote: true },
};

export interface TransitionInput {
  id: number;
  action: WorkflowAction;
  note?: string | undefined;
  url?: string | undefined;
}

function guard(core: Core, actor: Actor, doc: DocumentRecord, rule: Rule, input: TransitionInput, lang: Lang): void {
  requirePermission(actor.user.role, rule.permission);
  if (input.action === 'submit' && doc.authorId !== actor.user.id && !can(actor.user.role, 'releases.editAny')) {
    throw new AppError('FORBIDDEN', 'auth.forbidden', { role: actor.user.role });
  }
  if (!rule.from.includes(doc.status)) throw new AppError('CONFLICT', 'releases.wrongState', { status: doc.status });
  if (input.action === 'approve' && isOwnText(actor, doc)) throw new AppError('FORBIDDEN', 'releases.selfApproval');
  if (rule.needsNote && !input.note?.trim()) throw new AppError('VALIDATION', 'releases.noteRequired');
  if (rule.needsUrl && !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(input.url?.trim() ?? '')) throw new AppError('VALIDATION', 'releases.urlRequired');
  if (input.action === 'submit') {
    const office = readOffice(core.ws.db);
    const report = checkRelease({ kind: doc.kind, title: doc.title, fields: doc.fields, body: doc.body, office: office ?? null, now: core.now() });
    const errors = report.results.filter((r) => r.severity === 'error');
    if (errors.length) {
      throw new AppError('VALIDATION', 'releases.blocked', { problems: errors.map((r) => checkMessage(lang, r)).join(' ') }, { checks: errors });
    }
  }
}

/** Moves a document one step through the workflow; every step lands on the timeline and in the audit log. */
export function transition(core: Core, actor: Actor, input: TransitionInput, lang: Lang): DocumentView {
  const rule = RULES[input.action];
  const db = core.ws.db;
  const doc = db.transaction(() => {
    const cur = loadDocument(core, input.id);
    guard(core, actor, cur, rule, input, lang);
    const now = core.now();
    const at = now.toISOString();
    const extra: StatusExtra = {};
    let action: string = input.action;
    if (input.action === 'approve' && !cur.number && (cur.fields as { withNumber?: boolean }).withNumber !== false) {
      const office = readOffice(db);
      extra.number = nextNumber(db, cur.kind, office?.unitCode ?? '', office?.timeZone ?? 'WIB', at);
    }
    if (input.action === 'mark_published') {
      extra.published_url = input.url!.trim();
      extra.published_at = at;
      if (cur.isCorrection) {
        action = 'corrected';
        extra.is_correction = 0;
      }
    }
    setStatus(db, cur.id, rule.to, at, extra);
    const note = input.action === 'mark_published' && cur.isCorrection ? (cur.correctionNote ?? '') : (input.note ?? '').trim();
    addEvent(db, { documentId: cur.id, at, actorId: actor.user.id, action, from: cur.status, to: rule.to, version: cur.version, note });
    appendAudit(db, auditActor(actor), `release.${action}`, String(cur.id), {
      from: cur.status,
      to: rule.to,
      version: cur.version,
      ...(note ? { note } : {}),
      ...(extra.number ? { number: extra.number } : {}),
      ...(extra.published_url ? { url: extra.published_url } : {}),
    }, now);
    return loadDocument(core, cur.id);
  })();
  announce(core, doc);
  return documentView(core, actor, doc);
}

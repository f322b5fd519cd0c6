import type { Db } from '../storage/database';
import type { Verdict } from '../shared/release-kinds';
import type { CaseKind, CaseStatus, CloseReason, Platform, Severity } from './config';

export interface CaseRecord {
  id: number;
  kind: CaseKind;
  status: CaseStatus;
  title: string;
  details: string;
  platforms: Platform[];
  sourceUrls: string[];
  firstSeenAt: string | null;
  reportedBy: string;
  reach: number | null;
  category: string;
  region: string;
  opd: string;
  severity: Severity;
  severityOverridden: boolean;
  assigneeId: number | null;
  ticket: string;
  tags: string[];
  verdict: Verdict | null;
  closeReason: CloseReason | null;
  mergedInto: number | null;
  dueAt: string | null;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

interface Row {
  id: number; kind: CaseKind; status: CaseStatus; title: string; details: string; platforms: string; source_urls: string;
  first_seen_at: string | null; reported_by: string; reach: number | null; category: string; region: string; opd: string;
  severity: Severity; severity_overridden: number; assignee_id: number | null; ticket: string; tags: string; verdict: Verdict | null;
  close_reason: CloseReason | null; merged_into: number | null; due_at: string | null; created_by: number; created_at: string;
  updated_at: string; closed_at: string | null;
}

export function fromRow(r: Row): CaseRecord {
  return {
    id: r.id, kind: r.kind, status: r.status, title: r.title, details: r.details,
    platforms: JSON.parse(r.platforms) as Platform[], sourceUrls: JSON.parse(r.source_urls) as string[],
    firstSeenAt: r.first_seen_at, reportedBy: r.reported_by, reach: r.reach, category: r.category, region: r.region, opd: r.opd,
    severity: r.severity, severityOverridden: r.severity_overridden === 1, assigneeId: r.assignee_id, ticket: r.ticket,
    tags: JSON.parse(r.tags) as string[], verdict: r.verdict, closeReason: r.close_reason, mergedInto: r.merged_into,
    dueAt: r.due_at, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at, closedAt: r.closed_at,
  };
}

export function findCase(db: Db, id: number): CaseRecord | undefined {
  const r = db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as Row | undefined;
  return r && fromRow(r);
}

export const CASE_COLUMNS: Record<string, string> = {
  kind: 'kind', status: 'status', title: 'title', details: 'details', platforms: 'platforms', sourceUrls: 'source_urls',
  firstSeenAt: 'first_seen_at', reportedBy: 'reported_by', reach: 'reach', category: 'category', region: 'region', opd: 'opd',
  severity: 'severity', severityOverridden: 'severity_overridden', assigneeId: 'assignee_id', ticket: 'ticket', tags: 'tags',
  verdict: 'verdict', closeReason: 'close_reason', mergedInto: 'merged_into', dueAt: 'due_at', norm: 'norm', updatedAt: 'updated_at',
  closedAt: 'closed_at', createdBy: 'created_by', createdAt: 'created_at',
};

function toColumn(v: unknown): unknown {
  if (Array.isArray(v)) return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v ?? null;
}

export function insertCase(db: Db, values: Record<string, unknown>): number {
  const keys = Object.keys(values);
  const sql = `INSERT INTO cases (${keys.map((k) => CASE_COLUMNS[k]).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`;
  return Number(db.prepare(sql).run(...keys.map((k) => toColumn(values[k]))).lastInsertRowid);
}

export function updateCaseRow(db: Db, id: number, values: Record<string, unknown>): void {
  const keys = Object.keys(values);
  if (!keys.length) return;
  db.prepare(`UPDATE cases SET ${keys.map((k) => `${CASE_COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`).run(...keys.map((k) => toColumn(values[k])), id);
}

export function addCaseEvent(db: Db, e: { caseId: number; at: string; actorId: number | null; action: string; from?: string | null; to?: string | null; note?: string; details?: object }): void {
  db.prepare('INSERT INTO case_events (case_id, at, actor_id, action, from_status, to_status, note, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    e.caseId, e.at, e.actorId, e.action, e.from ?? null, e.to ?? null, e.note ?? '', JSON.stringify(e.details ?? {}),
  );
}

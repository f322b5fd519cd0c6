import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { person, type PersonRef } from '../auth/people';
import type { ZoneLabel } from '../time/zones';
import { readOffice } from '../workspace/settings';
import { CASE_STATUSES, type CaseKind, type CaseStatus, type Severity } from './config';
import { fromRow, type CaseRecord } from './repo';
import { FINAL, loadCase } from './service';
import { findSimilar } from './similarity';
import { dayEnd, dayStart, localDay } from '../shared/zones';
import { ftsPrefixQuery } from '../storage/fts';
import { urgency, type Urgency } from './working-days';

export interface CaseSummary extends CaseRecord {
  assignee: PersonRef | null;
  urgency: Urgency;
}

export interface CaseView extends CaseSummary {
  createdByPerson: PersonRef;
  evidence: { id: number; kind: 'file' | 'url'; name: string; url: string | null; sha256: string | null; size: number | null; mime: string | null; addedBy: PersonRef; addedAt: string }[];
  documents: { id: number; kind: string; status: string; title: string; publishedUrl: string | null }[];
  mergedFrom: { id: number; title: string }[];
  timeline: { id: number; caseId: number; at: string; actor: PersonRef | null; action: string; from: string | null; to: string | null; note: string; details: Record<string, unknown> }[];
}

function zoneOf(core: Core): ZoneLabel {
  return readOffice(core.ws.db)?.timeZone ?? 'WIB';
}

/** What a list needs once per call, not once per case: people, the time zone, "now". */
export interface SummaryContext {
  people: Map<number, PersonRef>;
  zone: ZoneLabel;
  now: Date;
}

export function summaryContext(core: Core): SummaryContext {
  return { people: new Map(), zone: zoneOf(core), now: core.now() };
}

export function summarize(core: Core, c: CaseRecord, ctx: SummaryContext = summaryContext(core)): CaseSummary {
  const ref = (id: number) => ctx.people.get(id) ?? ctx.people.set(id, person(core.ws.db, id)).get(id)!;
  return { ...c, assignee: c.assigneeId ? ref(c.assigneeId) : null, urgency: urgency(c.dueAt, !FINAL.includes(c.status), ctx.now, ctx.zone) };
}

export function caseView(core: Core, actor: Actor, id: number): CaseView {
  requirePermission(actor.user.role, 'cases.read');
  const db = core.ws.db;
  const c = loadCase(core, id);
  const mergedFrom = db.prepare('SELECT id, title FROM cases WHERE merged_into = ? ORDER BY id').all(id) as { id: number; title: string }[];
  // The kept case tells the story of the cases merged into it too.
  const ids = [id, ...mergedFrom.map((m) => m.id)];
  const events = db.prepare(`SELECT * FROM case_events WHERE case_id IN (${ids.join(',')}) ORDER BY at, id`).all() as {
    id: number; case_id: number; at: string; actor_id: number | null; action: string; from_status: string | null; to_status: string | null; note: string; details: string;
  }[];
  return {
    ...summarize(core, c),
    createdByPerson: person(db, c.createdBy),
    evidence: (db.prepare('SELECT * FROM case_evidence WHERE case_id = ? ORDER BY id').all(id) as {
      id: number; kind: 'file' | 'url'; name: string; url: string | null; sha256: string | null; size: number | null; mime: string | null; added_by: number; added_at: string;
    }[]).map((e) => ({ id: e.id, kind: e.kind, name: e.name, url: e.url, sha256: e.sha256, size: e.size, mime: e.mime, addedBy: person(db, e.added_by), addedAt: e.added_at })),
    documents: (db.prepare('SELECT d.id, d.kind, d.status, d.title, d.published_url FROM case_documents cd JOIN documents d ON d.id = cd.document_id WHERE cd.case_id = ?').all(id) as {
      id: number; kind: string; status: string; title: string; published_url: string | null;
    }[]).map((d) => ({ id: d.id, kind: d.kind, status: d.status, title: d.title, publishedUrl: d.published_url })),
    mergedFrom,
    timeline: events.map((e) => ({
      id: e.id, caseId: e.case_id, at: e.at, actor: e.actor_id ? person(db, e.actor_id) : null, action: e.action,
      from: e.from_status, to: e.to_status, note: e.note, details: JSON.parse(e.details) as Record<string, unknown>,
    })),
  };
}

export interface CaseFilter {
  q?: string | undefined;
  kind?: CaseKind | undefined;
  status?: CaseStatus | 'open' | undefined;
  severity?: Severity | undefined;
  category?: string | undefined;
  region?: string | undefined;
  assigneeId?: number | undefined;
  urgency?: 'overdue' | 'due_today' | undefined;
  limit: number;
  offset: number;
}

export function listCases(core: Core, actor: Actor, f: CaseFilter): { items: CaseSummary[]; total: number } {
  requirePermission(actor.user.role, 'cases.read');
  const where: string[] = ['c.merged_into IS NULL'];
  const params: Record<string, unknown> = { limit: f.limit, offset: f.offset };
  const match = f.q ? ftsPrefixQuery(f.q) : undefined;
  if (match) {
    where.push('c.id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH @q)');
    params.q = match;
  }
  const eq: [unknown, string][] = [[f.kind, 'kind'], [f.severity, 'severity'], [f.category, 'category'], [f.region, 'region'], [f.assigneeId, 'assignee_id']];
  for (const [v, col] of eq) {
    if (v === undefined || v === '') continue;
    where.push(`c.${col} = @${col}`);
    params[col] = v;
  }
  if (f.status === 'open') where.push("c.status NOT IN ('selesai', 'ditutup')");
  else if (f.status) {
    where.push('c.status = @status');
    params.status = f.status;
  }
  if (f.urgency) {
    const now = core.now();
    where.push("c.status NOT IN ('selesai', 'ditutup')");
    if (f.urgency === 'overdue') {
      where.push('c.due_at < @now');
      params.now = now.toISOString();
    } else {
      const day = localDay(now, zoneOf(core));
      params.start = dayStart(day, zoneOf(core)).toISOString();
      params.end = dayEnd(day, zoneOf(core)).toISOString();
      params.now = now.toISOString();
      where.push('c.due_at >= @now AND c.due_at BETWEEN @start AND @end');
    }
  }
  const sql = `FROM cases c WHERE ${where.join(' AND ')}`;
  const rows = core.ws.db.prepare(`SELECT c.* ${sql} ORDER BY CASE WHEN c.status IN ('selesai', 'ditutup') THEN 1 ELSE 0 END, c.due_at, c.id DESC LIMIT @limit OFFSET @offset`).all(params);
  const { limit: _l, offset: _o, ...countParams } = params;
  const total = (core.ws.db.prepare(`SELECT count(*) AS n ${sql}`).get(countParams) as { n: number }).n;
  const ctx = summaryContext(core);
  return { items: (rows as Parameters<typeof fromRow>[0][]).map((r) => summarize(core, fromRow(r), ctx)), total };
}

export const BOARD_COLUMN_LIMIT = 200;

export interface CaseBoard {
  /** Per status, the first cards by deadline (finished columns: the most recently finished). */
  cards: Record<CaseStatus, CaseSummary[]>;
  /** How many cases each column really holds (open columns: all of them). */
  counts: Record<CaseStatus, number>;
}

/** One kind's cases by status column: open ones by deadline, and the last 50 finished ones. */
export function caseBoard(core: Core, actor: Actor, kind: CaseKind): CaseBoard {
  requirePermission(actor.user.role, 'cases.read');
  const db = core.ws.db;
  const open = db
    .prepare(
      `SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY status ORDER BY due_at, id) AS rn FROM cases
         WHERE kind = ? AND status NOT IN ('selesai', 'ditutup') AND merged_into IS NULL) WHERE rn <= ${BOARD_COLUMN_LIMIT}`,
    )
    .all(kind);
  const done = db.prepare('SELECT * FROM cases WHERE kind = ? AND closed_at IS NOT NULL AND merged_into IS NULL ORDER BY closed_at DESC LIMIT 50').all(kind);
  const counted = db
    .prepare("SELECT status, count(*) AS n FROM cases WHERE kind = ? AND status NOT IN ('selesai', 'ditutup') AND merged_into IS NULL GROUP BY status")
    .all(kind) as { status: CaseStatus; n: number }[];
  const cards = Object.fromEntries(CASE_STATUSES.map((s) => [s, [] as CaseSummary[]])) as Record<CaseStatus, CaseSummary[]>;
  const ctx = summaryContext(core);
  for (const r of [...open, ...done] as Parameters<typeof fromRow>[0][]) {
    const c = summarize(core, fromRow(r), ctx);
    cards[c.status].push(c);
  }
  const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, cards[s].length])) as Record<CaseStatus, number>;
  for (const { status, n } of counted) counts[status] = n;
  return { cards, counts };
}

export interface CaseStats {
  openBySeverity: Record<Severity, number>;
  overdue: number;
  dueToday: number;
  new24h: number;
  mine: number;
  /** The last 30 local days: cases opened and closed each day. */
  daily: { day: string; opened: number; closed: number }[];
}

export function caseStats(core: Core, actor: Actor): CaseStats {
  requirePermission(actor.user.role, 'cases.read');
  const db = core.ws.db;
  const now = core.now();
  const zone = zoneOf(core);
  const openRows = db.prepare("SELECT severity, due_at, assignee_id FROM cases WHERE status NOT IN ('selesai', 'ditutup') AND merged_into IS NULL").all() as { severity: Severity; due_at: string | null; assignee_id: number | null }[];
  const openBySeverity: Record<Severity, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  let overdue = 0;
  let dueToday = 0;
  let mine = 0;
  for (const r of openRows) {
    openBySeverity[r.severity]++;
    const u = urgency(r.due_at, true, now, zone);
    if (u === 'overdue') overdue++;
    if (u === 'due_today') dueToday++;
    if (r.assignee_id === actor.user.id) mine++;
  }
  const since = new Date(now.getTime() - 24 * 3600_000).toISOString();
  const new24h = (db.prepare('SELECT count(*) AS n FROM cases WHERE created_at >= ? AND merged_into IS NULL').get(since) as { n: number }).n;
  const days: string[] = [];
  for (let i = 29; i >= 0; i--) days.push(localDay(new Date(now.getTime() - i * 86_400_000), zone));
  const from = new Date(now.getTime() - 31 * 86_400_000).toISOString();
  const count = (col: 'created_at' | 'closed_at') => {
    const m = new Map<string, number>();
    for (const r of db.prepare(`SELECT ${col} AS at FROM cases WHERE ${col} >= ? AND merged_into IS NULL`).all(from) as { at: string }[]) {
      const d = localDay(new Date(r.at), zone);
      m.set(d, (m.get(d) ?? 0) + 1);
    }
    return m;
  };
  const opened = count('created_at');
  const closed = count('closed_at');
  return { openBySeverity, overdue, dueToday, new24h, mine, daily: days.map((day) => ({ day, opened: opened.get(day) ?? 0, closed: closed.get(day) ?? 0 })) };
}

export function similarCases(core: Core, actor: Actor, text: string, excludeId?: number): (CaseSummary & { score: number })[] {
  requirePermission(actor.user.role, 'cases.read');
  const hits = findSimilar(core.ws.db, text, excludeId ? { excludeId } : {});
  const ctx = summaryContext(core);
  return hits.map((h) => ({ ...summarize(core, loadCase(core, h.id), ctx), score: Math.round(h.score * 100) / 100 }));
}

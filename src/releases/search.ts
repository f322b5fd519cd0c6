import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import type { ReleaseKind, ReleaseStatus } from '../shared/release-kinds';
import { person, type PersonRef } from './views';

export interface ListInput {
  q?: string | undefined;
  kind?: ReleaseKind | undefined;
  status?: ReleaseStatus | undefined;
  authorId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort: 'updated' | 'created' | 'title' | 'relevance';
  offset: number;
  limit: number;
}

export interface ListItem {
  id: number;
  kind: ReleaseKind;
  status: ReleaseStatus;
  number: string | null;
  title: string;
  /** Title and excerpt with matches between \u0002 and \u0003 (rendered as <mark>, never as HTML). */
  titleMarked: string;
  snippet: string;
  wordCount: number;
  author: PersonRef;
  updatedAt: string;
  createdAt: string;
}

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/**
 * Turns what a person typed into a safe FTS5 query: every word must appear, each as a prefix
 * ("pungl" finds "pungli"), quoted so that FTS syntax in the input is only ever text.
 */
export function ftsQuery(q: string): string | undefined {
  const words = q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return undefined;
  return words.slice(0, 12).map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
}

export function listDocuments(core: Core, actor: Actor, f: ListInput): { items: ListItem[]; total: number } {
  requirePermission(actor.user.role, 'releases.read');
  const db = core.ws.db;
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: f.limit, offset: f.offset };
  const match = f.q ? ftsQuery(f.q) : undefined;
  const filters: [unknown, string, string][] = [
    [f.kind, 'd.kind = @kind', 'kind'],
    [f.status, 'd.status = @status', 'status'],
    [f.authorId, 'd.author_id = @authorId', 'authorId'],
    [f.from, 'd.updated_at >= @from', 'from'],
    [f.to, 'd.updated_at < @to', 'to'],
  ];
  for (const [v, clause, name] of filters) {
    if (v === undefined || v === '') continue;
    where.push(clause);
    params[name] = v;
  }
  if (match) params.match = match;
  const order = {
    updated: 'd.updated_at DESC, d.id DESC',
    created: 'd.created_at DESC, d.id DESC',
    title: 'd.title COLLATE NOCASE ASC, d.id',
    relevance: match ? 'fts.rank, d.updated_at DESC' : 'd.updated_at DESC, d.id DESC',
  }[f.sort];
  const filter = where.length ? `AND ${where.join(' AND ')}` : '';
  const select = match
    ? `SELECT d.id, d.kind, d.status, d.number, d.title, d.word_count, d.author_id, d.updated_at, d.created_at,
         highlight(documents_fts, 0, '${MARK_START}', '${MARK_END}') AS title_marked,
         snippet(documents_fts, 1, '${MARK_START}', '${MARK_END}', '…', 24) AS snippet
       FROM documents_fts fts JOIN documents d ON d.id = fts.rowid
       WHERE documents_fts MATCH @match ${filter}`
    : `SELECT d.id, d.kind, d.status, d.number, d.title, d.word_count, d.author_id, d.updated_at, d.created_at,
         d.title AS title_marked, substr(d.body_text, 1, 200) AS snippet
       FROM documents d WHERE 1 = 1 ${filter}`;
  const rows = db.prepare(`${select} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all(params) as {
    id: number; kind: ReleaseKind; status: ReleaseStatus; number: string | null; title: string; word_count: number; author_id: number;
    updated_at: string; created_at: string; title_marked: string; snippet: string;
  }[];
  const count = match
    ? `SELECT count(*) AS n FROM documents_fts fts JOIN documents d ON d.id = fts.rowid WHERE documents_fts MATCH @match ${filter}`
    : `SELECT count(*) AS n FROM documents d WHERE 1 = 1 ${filter}`;
  const { limit: _l, offset: _o, ...countParams } = params;
  const total = (db.prepare(count).get(countParams) as { n: number }).n;
  const people = new Map<number, PersonRef>();
  const ref = (id: number) => people.get(id) ?? people.set(id, person(db, id)).get(id)!;
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      number: r.number,
      title: r.title,
      titleMarked: r.title_marked,
      snippet: r.snippet,
      wordCount: r.word_count,
      author: ref(r.author_id),
      updatedAt: r.updated_at,
      createdAt: r.created_at,
    })),
  };
}

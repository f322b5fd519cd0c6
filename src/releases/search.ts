import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import type { ReleaseKind, ReleaseStatus } from '../shared/release-kinds';
import { ftsPrefixQuery } from '../storage/fts';
import { highlight, queryTerms, snippet } from './snippet';
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

/** Relevance is computed over this many of the newest matches. */
export const RANK_WINDOW = 5_000;

/** Beyond this many matches the list says "10,000+". */
export const COUNT_CAP = 10_000;



export function listDocuments(core: Core, actor: Actor, f: ListInput): { items: ListItem[]; total: number; capped: boolean } {
  requirePermission(actor.user.role, 'releases.read');
  const db = core.ws.db;
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: f.limit, offset: f.offset };
  const match = f.q ? ftsPrefixQuery(f.q) : undefined;
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
  const filter = where.length ? `AND ${where.join(' AND ')}` : '';
  const join = where.length ? 'JOIN documents d ON d.id = fts.rowid' : '';
  const from = match
    ? `FROM documents_fts fts ${join} WHERE documents_fts MATCH @match ${filter}`
    : `FROM documents d WHERE 1 = 1 ${filter}`;
  // Step 1: only ids, sorted and paged. Snippets are costly, and SQLite would compute them for every
  // match before sorting; they are made below for the one page shown.
  let idSql: string;
  if (match && (f.sort === 'relevance' || f.sort === 'created')) {
    // Newest first walks the index backwards and stops after a page. Relevance ranks the newest
    // RANK_WINDOW matches: ranking every match of a very common word costs more than it tells.
    idSql =
      f.sort === 'created'
        ? `SELECT fts.rowid AS id ${from} ORDER BY fts.rowid DESC LIMIT @limit OFFSET @offset`
        : `SELECT id FROM (SELECT fts.rowid AS id, fts.rank AS r ${from} ORDER BY fts.rowid DESC LIMIT ${RANK_WINDOW}) ORDER BY r LIMIT @limit OFFSET @offset`;
  } else {
    const order = { updated: 'd.updated_at DESC, d.id DESC', created: 'd.id DESC', title: 'd.title COLLATE NOCASE ASC, d.id', relevance: 'd.updated_at DESC, d.id DESC' }[f.sort];
    const fromJoined = match ? `FROM documents_fts fts JOIN documents d ON d.id = fts.rowid WHERE documents_fts MATCH @match ${filter}` : from;
    idSql = `SELECT d.id AS id ${fromJoined} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
  }
  const ids = (db.prepare(idSql).all(params) as { id: number }[]).map((r) => r.id);
  const { limit: _l, offset: _o, ...countParams } = params;
  // Counting stops at a cap: "10,000+" is as useful as an exact number and far cheaper.
  const total = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT ${COUNT_CAP + 1})`).get(countParams) as { n: number }).n;
  type Row = {
    id: number; kind: ReleaseKind; status: ReleaseStatus; number: string | null; title: string; word_count: number; author_id: number;
    updated_at: string; created_at: string; body_text: string;
  };
  const rowsById = new Map<number, Row>();
  if (ids.length) {
    const sql = `SELECT id, kind, status, number, title, word_count, author_id, updated_at, created_at, body_text FROM documents WHERE id IN (${ids.join(',')})`;
    for (const r of db.prepare(sql).all() as Row[]) rowsById.set(r.id, r);
  }
  const terms = match ? queryTerms(f.q ?? '') : [];
  const rows = ids.map((id) => rowsById.get(id)).filter((r): r is Row => r !== undefined);
  const people = new Map<number, PersonRef>();
  const ref = (id: number) => people.get(id) ?? people.set(id, person(db, id)).get(id)!;
  return {
    total: Math.min(total, COUNT_CAP),
    capped: total > COUNT_CAP,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      number: r.number,
      title: r.title,
      titleMarked: highlight(r.title, terms),
      snippet: terms.length ? snippet(r.body_text, terms) : r.body_text.slice(0, 200),
      wordCount: r.word_count,
      author: ref(r.author_id),
      updatedAt: r.updated_at,
      createdAt: r.created_at,
    })),
  };
}

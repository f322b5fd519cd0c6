import type { Db } from '../storage/database';
import { normalizeTokens } from './text';

/** Suggestions at or above this score are shown; tuned on test/fixtures/case-pairs.ts. */
export const SIMILARITY_THRESHOLD = 0.3;
const CANDIDATES = 60;
const QUERY_TERMS = 14;

export interface SimilarCase {
  id: number;
  score: number;
}

function idf(db: Db, terms: string[]): Map<string, number> {
  const n = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n + 1;
  const out = new Map<string, number>();
  if (!terms.length) return out;
  const rows = db.prepare(`SELECT term, doc FROM cases_norm_vocab WHERE term IN (${terms.map(() => '?').join(',')})`).all(...terms) as { term: string; doc: number }[];
  const df = new Map(rows.map((r) => [r.term, r.doc]));
  for (const t of terms) out.set(t, Math.log(1 + n / (1 + (df.get(t) ?? 0))));
  return out;
}

/**
 * Open cases that tell the same story. The rarest words of the new text find candidates through
 * the full-text index; each is then scored by the cosine of IDF-weighted word sets, so shared
 * common words ("jalan", "warga") count little and shared rare ones ("Bobotsari", "pungli") a lot.
 */
export function findSimilar(db: Db, text: string, opts: { excludeId?: number; limit?: number; threshold?: number } = {}): SimilarCase[] {
  const terms = [...new Set(normalizeTokens(text))];
  if (!terms.length) return [];
  const weights = idf(db, terms);
  const query = [...terms].sort((a, b) => weights.get(b)! - weights.get(a)!).slice(0, QUERY_TERMS);
  const match = query.map((t) => `"${t.replace(/"/g, '')}"`).join(' OR ');
  const rows = db
    .prepare(
      `SELECT c.id, c.norm FROM (SELECT rowid FROM cases_norm_fts WHERE cases_norm_fts MATCH ? ORDER BY rank LIMIT ${CANDIDATES}) f
       JOIN cases c ON c.id = f.rowid
       WHERE c.status NOT IN ('selesai', 'ditutup') AND c.merged_into IS NULL AND c.id != ?`,
    )
    .all(match, opts.excludeId ?? 0) as { id: number; norm: string }[];
  const other = rows.flatMap((r) => r.norm.split(' '));
  const allWeights = new Map([...weights, ...idf(db, [...new Set(other)].filter((t) => !weights.has(t)))]);
  const norm = (set: Iterable<string>) => Math.sqrt([...set].reduce((s, t) => s + (allWeights.get(t) ?? 0) ** 2, 0));
  const mine = new Set(terms);
  const mineNorm = norm(mine);
  const scored = rows.map((r) => {
    const theirs = new Set(r.norm.split(' ').filter(Boolean));
    let dot = 0;
    for (const t of theirs) if (mine.has(t)) dot += (allWeights.get(t) ?? 0) ** 2;
    const denom = mineNorm * norm(theirs);
    return { id: r.id, score: denom ? dot / denom : 0 };
  });
  return scored
    .filter((s) => s.score >= (opts.threshold ?? SIMILARITY_THRESHOLD))
    .sort((a, b) => b.score - a.score)
    .slice(0, opts.limit ?? 5);
}

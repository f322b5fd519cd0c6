import type { Actor, Core } from '../../src/core';
import { createCase, type CaseInput } from '../../src/cases/service';
import { findSimilar, SIMILARITY_THRESHOLD } from '../../src/cases/similarity';
import { BACKGROUND_CASES, CASE_PAIRS } from '../fixtures/case-pairs';

const base: Omit<CaseInput, 'title'> = {
  kind: 'rumor', details: '', platforms: [], sourceUrls: [], firstSeenAt: null, reportedBy: '', reach: null, category: 'lainnya',
  region: '', opd: '', assigneeId: null, ticket: '', tags: [], verdict: null,
};

/**
 * Scores the labelled pairs once: every first text becomes a case (among unrelated background
 * cases), and each pair gets the score its second text gives the first. Precision and recall then
 * follow for any threshold. Used by the test and by npm run bench.
 */
export function scorePairs(core: Core, actor: Actor) {
  for (const title of BACKGROUND_CASES) createCase(core, actor, { ...base, title });
  const ids = new Map<string, number>();
  for (const p of CASE_PAIRS) if (!ids.has(p.a)) ids.set(p.a, createCase(core, actor, { ...base, title: p.a }).id);
  const scored = CASE_PAIRS.map((p) => ({ same: p.same, score: findSimilar(core.ws.db, p.b, { threshold: 0, limit: 100 }).find((s) => s.id === ids.get(p.a))?.score ?? 0 }));
  return (threshold = SIMILARITY_THRESHOLD) => {
    const tp = scored.filter((s) => s.same && s.score >= threshold).length;
    const fp = scored.filter((s) => !s.same && s.score >= threshold).length;
    const fn = scored.filter((s) => s.same && s.score < threshold).length;
    return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), tp, fp, fn, pairs: scored.length, threshold };
  };
}

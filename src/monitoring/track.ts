import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { addFileEvidence } from '../cases/evidence';
import { readCaseConfig, type CaseKind } from '../cases/config';
import { createCase, type CaseInput } from '../cases/service';
import { normalizeTokens } from '../cases/text';
import { getItem } from './items';

/** The office's category whose words the item uses, else "lainnya" (or the first one). */
function guessCategory(core: Core, words: Set<string>): string {
  const { categories } = readCaseConfig(core.ws.db);
  const hit = categories.find((c) => c.id !== 'lainnya' && normalizeTokens(`${c.id} ${c.label}`).some((w) => w.length > 3 && words.has(w)));
  return hit?.id ?? categories.find((c) => c.id === 'lainnya')?.id ?? categories[0]!.id;
}

function guessRegion(core: Core, text: string): string {
  const lower = text.toLowerCase();
  return readCaseConfig(core.ws.db).regions.find((r) => new RegExp(`\\b${r.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lower)) ?? '';
}

/**
 * "Track as rumor / complaint": a case with the item's title, link and outlet, and a stored copy of
 * its text as evidence (the page may change or vanish). Category and region are guessed from the
 * office's lists and stay editable on the case.
 */
export function trackItem(core: Core, actor: Actor, itemId: number, kind: CaseKind): number {
  requirePermission(actor.user.role, 'cases.write');
  const item = getItem(core, actor, itemId);
  if (item.caseId) return item.caseId;
  const all = `${item.title}\n${item.text}`;
  const input: CaseInput = {
    kind,
    title: (item.title.length >= 5 ? item.title : `${item.feedTitle}: ${item.title}`).slice(0, 300),
    details: `Dari pantauan ${item.feedTitle}${item.publishedAt ? `, ${item.publishedAt.slice(0, 10)}` : ''}:\n\n${item.text.slice(0, 4000)}`,
    platforms: ['news'],
    sourceUrls: item.link ? [item.link] : [],
    firstSeenAt: item.publishedAt ?? item.fetchedAt,
    reportedBy: item.feedTitle.slice(0, 200),
    reach: null,
    category: guessCategory(core, new Set(normalizeTokens(all))),
    region: guessRegion(core, all),
    opd: '',
    assigneeId: null,
    ticket: '',
    tags: ['pantauan'],
    verdict: null,
  };
  const created = createCase(core, actor, input);
  const copy = [
    `Judul: ${item.title}`,
    `Sumber: ${item.feedTitle}`,
    `Tautan: ${item.link ?? '-'}`,
    `Terbit: ${item.publishedAt ?? '-'}`,
    `Diambil: ${item.fetchedAt}`,
    '',
    item.text,
    '',
    '--- HTML (sudah dibersihkan) ---',
    item.html,
  ].join('\n');
  addFileEvidence(core, actor, created.id, `pantauan-${itemId}.txt`, new TextEncoder().encode(copy));
  core.ws.db.prepare('UPDATE feed_items SET case_id = ? WHERE id = ?').run(created.id, itemId);
  return created.id;
}

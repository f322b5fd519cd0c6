import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import type { DocumentView } from '../releases/views';
import { createDocument, loadDocument, saveDocument } from '../releases/service';
import type { KlarifikasiFields } from '../shared/release-kinds';
import { readOffice } from '../workspace/settings';
import { addCaseEvent } from './repo';
import { announceCase, loadCase, transitionCase } from './service';

/** From a rumor: a klarifikasi prefilled with the claim, the verdict and the sources, linked both ways. */
export function draftClarification(core: Core, actor: Actor, caseId: number): DocumentView {
  requirePermission(actor.user.role, 'releases.write');
  const c = loadCase(core, caseId);
  if (c.kind !== 'rumor') throw new AppError('VALIDATION', 'cases.notRumor');
  const doc = createDocument(core, actor, 'klarifikasi');
  const fields: KlarifikasiFields = {
    ...(doc.fields as KlarifikasiFields),
    claim: c.title,
    verdict: c.verdict,
    sources: c.sourceUrls.map((url) => ({ title: '', url })),
    caseId: c.id,
  } as KlarifikasiFields;
  const saved = saveDocument(core, actor, { id: doc.id, baseVersion: doc.version, title: `Klarifikasi: ${c.title}`.slice(0, 200), fields, body: doc.body, note: `Dari kasus #${c.id}` });
  const db = core.ws.db;
  const at = core.now().toISOString();
  db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO case_documents (case_id, document_id) VALUES (?, ?)').run(c.id, doc.id);
    addCaseEvent(db, { caseId: c.id, at, actorId: actor.user.id, action: 'clarification_drafted', details: { documentId: doc.id } });
  })();
  if (c.status === 'baru' || c.status === 'verifikasi') transitionCase(core, null, { id: c.id, to: 'perlu_klarifikasi', note: `Klarifikasi #${doc.id} disusun` });
  else announceCase(core, c);
  return saved;
}

/**
 * When a clarification linked to rumors is published, those rumors move to "klarifikasi terbit"
 * by themselves. Listening on the event bus keeps releases unaware of cases.
 */
export function registerCaseHooks(core: Core): () => void {
  return core.events.subscribe((e) => {
    if (e.type !== 'release.changed' || e.status !== 'published') return;
    const links = core.ws.db.prepare('SELECT case_id FROM case_documents WHERE document_id = ?').all(e.id) as { case_id: number }[];
    if (!links.length || loadDocument(core, e.id).kind !== 'klarifikasi') return;
    for (const { case_id } of links) {
      const c = loadCase(core, case_id);
      if (c.kind === 'rumor' && (c.status === 'baru' || c.status === 'verifikasi' || c.status === 'perlu_klarifikasi')) {
        transitionCase(core, null, { id: c.id, to: 'klarifikasi_terbit', note: `Klarifikasi #${e.id} terbit` });
      }
    }
  });
}

const RATING: Record<string, number> = { HOAKS: 1, DISINFORMASI: 1, MISINFORMASI: 2, 'BELUM TERVERIFIKASI': 3, FAKTA: 5 };

/**
 * schema.org ClaimReview for a published clarification, for the website to embed. The Indonesian
 * verdict is the rating's alternateName; its position on a 1–5 scale is what search engines read.
 */
export function claimReview(core: Core, actor: Actor, documentId: number): Record<string, unknown> {
  requirePermission(actor.user.role, 'releases.read');
  const doc = loadDocument(core, documentId);
  if (doc.kind !== 'klarifikasi') throw new AppError('VALIDATION', 'cases.notRumor');
  const f = doc.fields as KlarifikasiFields;
  const office = readOffice(core.ws.db);
  const caseIds = (core.ws.db.prepare('SELECT case_id FROM case_documents WHERE document_id = ?').all(documentId) as { case_id: number }[]).map((r) => r.case_id);
  const appearances = new Set<string>(f.sources.map((s) => s.url).filter(Boolean));
  let firstSeen: string | null = null;
  for (const id of caseIds) {
    const c = loadCase(core, id);
    c.sourceUrls.forEach((u) => appearances.add(u));
    if (c.firstSeenAt && (!firstSeen || c.firstSeenAt < firstSeen)) firstSeen = c.firstSeenAt;
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    ...(doc.publishedUrl ? { url: doc.publishedUrl } : {}),
    claimReviewed: f.claim,
    datePublished: (doc.publishedAt ?? doc.updatedAt).slice(0, 10),
    author: { '@type': 'Organization', name: office?.officeName ?? '' },
    reviewRating: { '@type': 'Rating', ratingValue: RATING[f.verdict ?? 'BELUM TERVERIFIKASI'], bestRating: 5, worstRating: 1, alternateName: f.verdict ?? 'BELUM TERVERIFIKASI' },
    itemReviewed: {
      '@type': 'Claim',
      ...(firstSeen ? { datePublished: firstSeen.slice(0, 10) } : {}),
      appearance: [...appearances].map((url) => ({ '@type': 'CreativeWork', url })),
    },
    inLanguage: 'id',
  };
}

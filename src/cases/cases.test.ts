import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scorePairs } from '../../test/support/case-eval';
import { makeUser, setUpCore, testClock } from '../../test/support/workspace';
import { findUserById } from '../auth/users';
import type { Actor, Core } from '../core';
import { transition } from '../releases/workflow';
import { attachmentFile } from '../storage/attachments';
import { claimReview, draftClarification } from './clarification';
import { addFileEvidence, addUrlEvidence, exportEvidence } from './evidence';
import { caseView } from './queries';
import { createCase, mergeCase, transitionCase, updateCase, type CaseInput } from './service';

function input(over: Partial<CaseInput> = {}): CaseInput {
  return {
    kind: 'rumor', title: 'Pembuatan KTP elektronik dipungut biaya Rp50.000', details: '', platforms: ['whatsapp'], sourceUrls: [],
    firstSeenAt: null, reportedBy: '', reach: 500, category: 'kependudukan', region: 'Purbalingga', opd: '', assigneeId: null, ticket: '',
    tags: [], verdict: null, ...over,
  };
}

async function world(): Promise<{ core: Core; admin: Actor; monitor: Actor; editor: Actor; editor2: Actor }> {
  const clock = testClock('2026-12-07T02:00:00.000Z');
  const { core, admin } = await setUpCore({ now: clock.now });
  const actor = async (role: 'monitor' | 'editor', name: string) => ({ user: findUserById(core.ws.db, (await makeUser(core, admin, role, { username: name })).id)!, tokenHash: 'x' });
  return { core, admin, monitor: await actor('monitor', 'agus'), editor: await actor('editor', 'prayitno'), editor2: await actor('editor', 'tri') };
}

describe('case status rules', () => {
  it('suggests severity from reach and category, and sets a working-day deadline', async () => {
    const { core, monitor } = await world();
    const c = createCase(core, monitor, input({ reach: 200_000, category: 'pungli' }));
    expect(c.severity).toBe('critical');
    expect(c.dueAt).toBe('2026-12-07T16:59:59.999Z'); // critical rumor: same working day (Monday)
    const low = createCase(core, monitor, input({ reach: 10, category: 'lainnya', title: 'Isu kecil tentang taman kota' }));
    expect(low.severity).toBe('low');
    expect(low.dueAt).toBe('2026-12-10T16:59:59.999Z'); // 3 working days
    const overridden = updateCase(core, monitor, low.id, { ...input({ reach: 10, category: 'lainnya', title: 'Isu kecil tentang taman kota' }), severity: 'high' });
    expect(overridden.severityOverridden).toBe(true);
    expect(overridden.dueAt).toBe('2026-12-08T16:59:59.999Z');
  });

  it('follows each kind’s flow, and refuses the wrong steps with reasons', async () => {
    const { core, monitor } = await world();
    const rumor = createCase(core, monitor, input());
    expect(() => transitionCase(core, monitor, { id: rumor.id, to: 'diteruskan' })).toThrow(/cannot|tidak bisa|wrongTransition/);
    expect(() => transitionCase(core, monitor, { id: rumor.id, to: 'klarifikasi_terbit' })).toThrowError(expect.objectContaining({ key: 'cases.clarificationNotPublished' }));
    expect(() => transitionCase(core, monitor, { id: rumor.id, to: 'selesai' })).toThrowError(expect.objectContaining({ key: 'cases.verdictRequired' }));
    expect(() => transitionCase(core, monitor, { id: rumor.id, to: 'ditutup' })).toThrowError(expect.objectContaining({ key: 'cases.reasonRequired' }));
    updateCase(core, monitor, rumor.id, input({ verdict: 'HOAKS' }));
    expect(transitionCase(core, monitor, { id: rumor.id, to: 'selesai' }).status).toBe('selesai');
    expect(transitionCase(core, monitor, { id: rumor.id, to: 'verifikasi' }).status).toBe('verifikasi'); // reopen

    const complaint = createCase(core, monitor, input({ kind: 'complaint', title: 'Jalan rusak di Bobotsari', category: 'infrastruktur' }));
    expect(() => transitionCase(core, monitor, { id: complaint.id, to: 'diteruskan' })).toThrowError(expect.objectContaining({ key: 'cases.opdRequired' }));
    updateCase(core, monitor, complaint.id, input({ kind: 'complaint', title: 'Jalan rusak di Bobotsari', category: 'infrastruktur', opd: 'Dinas Pekerjaan Umum' }));
    expect(transitionCase(core, monitor, { id: complaint.id, to: 'diteruskan' }).status).toBe('diteruskan');
    expect(transitionCase(core, monitor, { id: complaint.id, to: 'ditutup', reason: 'di_luar_kewenangan' }).closeReason).toBe('di_luar_kewenangan');
    const timeline = caseView(core, monitor, complaint.id).timeline.map((e) => e.to).filter(Boolean);
    expect(timeline).toEqual(['baru', 'diteruskan', 'ditutup']);
  });
});

describe('merge', () => {
  it('keeps both timelines, all evidence and all source URLs', async () => {
    const { core, monitor } = await world();
    const keep = createCase(core, monitor, input({ sourceUrls: ['https://facebook.com/groups/pbg/posts/1'] }));
    const dup = createCase(core, monitor, input({ title: 'Bikin e-KTP dimintai 50 ribu', sourceUrls: ['https://instagram.com/p/abc', 'https://facebook.com/groups/pbg/posts/1'], platforms: ['instagram'] }));
    addUrlEvidence(core, monitor, dup.id, 'https://instagram.com/p/abc', 'Unggahan Instagram');
    addFileEvidence(core, monitor, dup.id, 'tangkapan-layar.png', Buffer.from('\x89PNG\r\n\x1a\nfake'));
    const kept = mergeCase(core, monitor, dup.id, keep.id);
    expect(kept.sourceUrls.sort()).toEqual(['https://facebook.com/groups/pbg/posts/1', 'https://instagram.com/p/abc']);
    const view = caseView(core, monitor, keep.id);
    expect(view.evidence.map((e) => e.name)).toEqual(['Unggahan Instagram', 'tangkapan-layar.png']);
    expect(view.platforms.sort()).toEqual(['instagram', 'whatsapp']);
    expect(view.mergedFrom.map((m) => m.id)).toEqual([dup.id]);
    expect(view.timeline.filter((e) => e.caseId === dup.id).map((e) => e.action)).toEqual(['created', 'evidence_added', 'evidence_added', 'merged_into']);
    const gone = caseView(core, monitor, dup.id);
    expect(gone).toMatchObject({ status: 'ditutup', closeReason: 'duplikat', mergedInto: keep.id });
  });
});

describe('evidence', () => {
  it('exports a ZIP whose manifest hashes match the files, and refuses a file changed on disk', async () => {
    const { core, monitor } = await world();
    const c = createCase(core, monitor, input());
    const shot = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(2000, 7)]);
    addFileEvidence(core, monitor, c.id, 'tangkapan layar WA.png', shot);
    addUrlEvidence(core, monitor, c.id, 'https://www.tiktok.com/@akun/video/1', '');
    const out = await exportEvidence(core, monitor, c.id);
    const zip = await JSZip.loadAsync(Buffer.from(out.base64, 'base64'));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { items: { kind: string; file?: string; sha256?: string; url?: string }[] };
    const file = manifest.items.find((i) => i.kind === 'file')!;
    const bytes = await zip.file(file.file!)!.async('nodebuffer');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    expect(manifest.items.find((i) => i.kind === 'url')!.url).toBe('https://www.tiktok.com/@akun/video/1');
    fs.appendFileSync(attachmentFile(core.ws, file.sha256!), 'x');
    await expect(exportEvidence(core, monitor, c.id)).rejects.toMatchObject({ key: 'cases.evidenceTampered' });
  });
});

describe('answering a rumor', () => {
  it('drafts a linked clarification; publishing it moves the rumor to "klarifikasi terbit"; ClaimReview is complete', async () => {
    const { core, monitor, editor, editor2 } = await world();
    const c = createCase(core, monitor, input({ verdict: 'HOAKS', sourceUrls: ['https://facebook.com/groups/pbg/posts/9'], firstSeenAt: '2026-12-06T10:00:00.000Z' }));
    const doc = draftClarification(core, editor, c.id);
    expect(doc.fields).toMatchObject({ claim: c.title, verdict: 'HOAKS', sources: [{ url: 'https://facebook.com/groups/pbg/posts/9' }], caseId: c.id });
    expect(caseView(core, monitor, c.id)).toMatchObject({ status: 'perlu_klarifikasi', documents: [{ id: doc.id }] });
    const { saveDocument } = await import('../releases/service');
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dinkominfo menegaskan pembuatan KTP elektronik tidak dipungut biaya apa pun.' }] }] };
    const saved = saveDocument(core, editor, { id: doc.id, baseVersion: doc.version, title: doc.title, fields: { ...doc.fields, contact: { name: 'Prayitno', phone: '1', email: '' } }, body });
    transition(core, editor, { id: saved.id, action: 'submit' }, 'id');
    transition(core, editor2, { id: saved.id, action: 'approve' }, 'id');
    transition(core, editor2, { id: saved.id, action: 'mark_published', url: 'https://purbalinggakab.go.id/klarifikasi-ktp' }, 'id');
    expect(caseView(core, monitor, c.id).status).toBe('klarifikasi_terbit');

    const review = claimReview(core, editor, doc.id);
    for (const key of ['@context', '@type', 'claimReviewed', 'reviewRating', 'author', 'datePublished', 'itemReviewed', 'url']) expect(review).toHaveProperty(key);
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      url: 'https://purbalinggakab.go.id/klarifikasi-ktp',
      reviewRating: { '@type': 'Rating', alternateName: 'HOAKS', ratingValue: 1, bestRating: 5, worstRating: 1 },
      author: { '@type': 'Organization', name: 'Dinas Komunikasi dan Informatika Kabupaten Purbalingga' },
      itemReviewed: { '@type': 'Claim', datePublished: '2026-12-06', appearance: [{ '@type': 'CreativeWork', url: 'https://facebook.com/groups/pbg/posts/9' }] },
    });
  });
});

describe('duplicate suggestions on the labelled Indonesian pairs', () => {
  it('find most same-story pairs and few different-story ones', async () => {
    const { core, monitor } = await world();
    const r = scorePairs(core, monitor)();
    console.log(`duplicate suggestions: precision ${r.precision.toFixed(2)}, recall ${r.recall.toFixed(2)} (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`);
    expect(r.precision).toBeGreaterThanOrEqual(0.8);
    expect(r.recall).toBeGreaterThanOrEqual(0.9);
  });
});

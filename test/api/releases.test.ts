import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { error, value } from '../support/results';
import type { Actor, Core } from '../../src/core';
import type { Role } from '../../src/auth/roles';
import { httpTransport, ipcTransport, type TestClient, type Transport } from '../support/transports';
import { ADMIN_PASSWORD, makeUser, setUpCore } from '../support/workspace';
import { sampleRelease } from '../support/releases';
import { pdfText } from '../support/pdf-text';


interface Doc {
  id: number;
  version: number;
  status: string;
  number: string | null;
  title: string;
  can: Record<string, boolean>;
  autosave: { title: string } | null;
}

describe.each(['http', 'ipc'] as const)('releases over %s', (kind) => {
  let core: Core;
  let admin: Actor;
  let transport: Transport;
  const clients: Record<string, TestClient> = {};

  async function signIn(username: string, password: string): Promise<TestClient> {
    const c = transport.client();
    value(await c.call('auth.login', { username, password }));
    return c;
  }

  beforeEach(async () => {
    ({ core, admin } = await setUpCore());
    transport = kind === 'http' ? await httpTransport(core) : ipcTransport(core);
    clients.admin = await signIn('admin', ADMIN_PASSWORD);
    for (const [name, role] of [['editor', 'editor'], ['editor2', 'editor'], ['writer', 'writer'], ['writer2', 'writer'], ['monitor', 'monitor']] as [string, Role][]) {
      const u = await makeUser(core, admin, role, { username: name });
      clients[name] = await signIn(name, u.password);
    }
  });
  afterEach(() => transport.close());

  /** A writer's document, with the sample text, brought to the given state by the right people. */
  async function docIn(status: 'draft' | 'in_review' | 'approved' | 'published'): Promise<Doc> {
    const w = clients.writer!;
    let d = value<Doc>(await w.call('releases.create', { kind: 'siaran_pers' }));
    d = value<Doc>(await w.call('releases.save', { id: d.id, baseVersion: d.version, ...sampleRelease() }));
    if (status === 'draft') return d;
    d = value<Doc>(await w.call('releases.transition', { id: d.id, action: 'submit' }));
    if (status === 'in_review') return d;
    d = value<Doc>(await clients.editor!.call('releases.transition', { id: d.id, action: 'approve' }));
    if (status === 'approved') return d;
    return value<Doc>(await clients.editor!.call('releases.transition', { id: d.id, action: 'mark_published', url: 'https://purbalinggakab.go.id/berita/bakohumas' }));
  }

  const matrix: { action: string; from: 'draft' | 'in_review' | 'approved' | 'published'; to: string; allowed: string[]; extra?: Record<string, string> }[] = [
    { action: 'submit', from: 'draft', to: 'in_review', allowed: ['writer', 'editor', 'admin'] },
    { action: 'approve', from: 'in_review', to: 'approved', allowed: ['editor', 'admin'] },
    { action: 'request_changes', from: 'in_review', to: 'changes_requested', allowed: ['editor', 'admin'], extra: { note: 'Kutipan kedua perlu sumber.' } },
    { action: 'mark_published', from: 'approved', to: 'published', allowed: ['editor', 'admin'], extra: { url: 'https://purbalinggakab.go.id/x' } },
    { action: 'withdraw', from: 'published', to: 'withdrawn', allowed: ['editor', 'admin'], extra: { note: 'Acara dibatalkan.' } },
  ];

  it('permission matrix: every role × every transition', async () => {
    for (const row of matrix) {
      for (const role of ['admin', 'editor', 'writer', 'writer2', 'monitor']) {
        const d = await docIn(row.from);
        const r = await clients[role]!.call('releases.transition', { id: d.id, action: row.action, ...row.extra });
        const expected = row.allowed.includes(role);
        expect(r.ok, `${role} ${row.action}: ${r.ok ? 'ok' : r.error.message}`).toBe(expected);
        if (expected) expect(value<Doc>(r).status).toBe(row.to);
        else expect(error(r).code).toBe('FORBIDDEN');
      }
    }
  });

  it('nobody approves their own text: neither the author nor whoever wrote the current version', async () => {
    const e = clients.editor!;
    let d = value<Doc>(await e.call('releases.create', { kind: 'siaran_pers' }));
    d = value<Doc>(await e.call('releases.save', { id: d.id, baseVersion: d.version, ...sampleRelease() }));
    d = value<Doc>(await e.call('releases.transition', { id: d.id, action: 'submit' }));
    expect(d.can.approve).toBe(false);
    expect(error(await e.call('releases.transition', { id: d.id, action: 'approve' }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Anda tidak dapat menyetujui naskah yang Anda tulis sendiri. Minta editor lain.',
    });
    // A writer's text edited by editor2 during review: editor2 may no longer approve it; editor may.
    const w = await docIn('in_review');
    const edited = value<Doc>(await clients.editor2!.call('releases.save', { id: w.id, baseVersion: w.version, ...sampleRelease(), title: 'Judul diperbaiki editor' }));
    expect(error(await clients.editor2!.call('releases.transition', { id: w.id, action: 'approve' })).code).toBe('FORBIDDEN');
    expect(value<Doc>(await clients.editor!.call('releases.transition', { id: edited.id, action: 'approve' })).status).toBe('approved');
  });

  it('refuses a transition from the wrong state, a missing note, and a submission with blocking problems', async () => {
    const d = await docIn('draft');
    expect(error(await clients.editor!.call('releases.transition', { id: d.id, action: 'approve' })).code).toBe('CONFLICT');
    const r = await docIn('in_review');
    expect(error(await clients.editor!.call('releases.transition', { id: r.id, action: 'request_changes' })).message).toBe('Tulis catatan untuk tindakan ini.');
    const fresh = value<Doc>(await clients.writer!.call('releases.create', { kind: 'siaran_pers' }));
    const blocked = error(await clients.writer!.call('releases.transition', { id: fresh.id, action: 'submit' }));
    expect(blocked.code).toBe('VALIDATION');
    expect(blocked.message).toMatch(/^Naskah belum bisa diajukan: Judul belum diisi\./);
    expect(blocked.message).toContain('Masih ada isian templat yang belum diganti');
  });

  it('editing an approved document sends it back to review; a published one changes only as a noted correction', async () => {
    const a = await docIn('approved');
    expect(a.number).toMatch(/^1\/HM\/DINKOMINFO\/\d\d\/\d{4}$/);
    const back = value<Doc>(await clients.editor2!.call('releases.save', { id: a.id, baseVersion: a.version, ...sampleRelease(), title: 'Judul baru' }));
    expect(back.status).toBe('in_review');
    const p = await docIn('published');
    expect(error(await clients.editor!.call('releases.save', { id: p.id, baseVersion: p.version, ...sampleRelease() })).message).toContain('ralat');
    const c = value<Doc>(await clients.editor!.call('releases.save', { id: p.id, baseVersion: p.version, ...sampleRelease(), note: 'Nama narasumber diperbaiki.' }));
    expect(c.status).toBe('in_review');
    value(await clients.editor2!.call('releases.transition', { id: c.id, action: 'approve' }));
    const republished = value<Doc>(await clients.editor2!.call('releases.transition', { id: c.id, action: 'mark_published', url: 'https://purbalinggakab.go.id/x' }));
    expect(republished.status).toBe('published');
    const timeline = value<{ action: string; note: string }[]>(await clients.writer!.call('releases.timeline', { id: c.id }));
    expect(timeline.map((t) => t.action)).toEqual(expect.arrayContaining(['created', 'submit', 'approve', 'mark_published', 'correction_started', 'corrected']));
    expect(timeline.find((t) => t.action === 'corrected')?.note).toBe('Nama narasumber diperbaiki.');
    // The number given at the first approval stays.
    expect(republished.number).toBe(p.number);
  });

  it('numbers are given once each, in order, even under concurrent approvals', async () => {
    const docs: Doc[] = [];
    for (let i = 0; i < 12; i++) docs.push(await docIn('in_review'));
    const approvers = [clients.editor!, clients.editor2!, clients.admin!];
    const results = await Promise.all(docs.map((d, i) => approvers[i % 3]!.call('releases.transition', { id: d.id, action: 'approve' })));
    const numbers = results.map((r) => value<Doc>(r).number!);
    const seqs = numbers.map((n) => Number(n.split('/')[0])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(numbers).size).toBe(12);
  });

  it('autosave keeps unsaved text per user, apart from the saved versions', async () => {
    const d = await docIn('draft');
    value(await clients.writer!.call('releases.autosave', { id: d.id, baseVersion: d.version, ...sampleRelease(), title: 'Ketikan yang belum disimpan' }));
    const again = value<Doc>(await clients.writer!.call('releases.get', { id: d.id }));
    expect(again.autosave?.title).toBe('Ketikan yang belum disimpan');
    expect(value<Doc>(await clients.editor!.call('releases.get', { id: d.id })).autosave).toBeNull();
    value(await clients.writer!.call('releases.discardAutosave', { id: d.id }));
    expect(value<Doc>(await clients.writer!.call('releases.get', { id: d.id })).autosave).toBeNull();
  });

  it('a second save based on an old version is a clear conflict, never a silent overwrite', async () => {
    const d = await docIn('draft');
    const first = value<Doc>(await clients.editor!.call('releases.save', { id: d.id, baseVersion: d.version, ...sampleRelease(), title: 'Versi editor' }));
    const conflict = error(await clients.writer!.call('releases.save', { id: d.id, baseVersion: d.version, ...sampleRelease(), title: 'Versi penulis' }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toMatch(/^Naskah ini sudah disimpan oleh Pengguna editor pukul \d\d\.\d\d WIB \(versi 3\)/);
    expect(value<Doc>(await clients.writer!.call('releases.get', { id: d.id })).title).toBe('Versi editor');
    const forced = value<Doc>(await clients.writer!.call('releases.save', { id: d.id, baseVersion: d.version, ...sampleRelease(), title: 'Versi penulis', overwrite: true }));
    expect(forced.version).toBe(first.version + 1);
    const versions = value<{ version: number; note: string }[]>(await clients.writer!.call('releases.versions', { id: d.id }));
    expect(versions.map((v) => v.version)).toEqual([4, 3, 2, 1]);
    expect(versions[0]!.note).toContain('menimpa v3');
  });

  it('restores an old version as a new one, keeping the history', async () => {
    const d = await docIn('draft');
    const v3 = value<Doc>(await clients.writer!.call('releases.save', { id: d.id, baseVersion: d.version, ...sampleRelease(), title: 'Judul kedua' }));
    const restored = value<Doc>(await clients.writer!.call('releases.restoreVersion', { id: d.id, version: 2, baseVersion: v3.version }));
    expect(restored.version).toBe(4);
    expect(restored.title).toBe(sampleRelease().title);
    expect(value<{ title: string }>(await clients.writer!.call('releases.version', { id: d.id, version: 3 })).title).toBe('Judul kedua');
  });

  it('comments with @mentions land in the mentioned person\'s tasks until marked done', async () => {
    const d = await docIn('in_review');
    value(await clients.editor!.call('releases.comment', { id: d.id, body: 'Tolong cek angka peserta, @writer. Cc @tidakada' }));
    const tasks = value<{ mentions: { commentId: number; documentId: number }[]; changesRequested: unknown[] }>(await clients.writer!.call('releases.tasks'));
    expect(tasks.mentions).toHaveLength(1);
    expect(tasks.mentions[0]!.documentId).toBe(d.id);
    const editorTasks = value<{ toReview: { id: number }[] }>(await clients.editor!.call('releases.tasks'));
    expect(editorTasks.toReview.map((t) => t.id)).toContain(d.id);
    value(await clients.writer!.call('releases.mentionDone', { commentId: tasks.mentions[0]!.commentId }));
    expect(value<{ mentions: unknown[] }>(await clients.writer!.call('releases.tasks')).mentions).toHaveLength(0);
  });

  it('full-text search finds words in title and body, highlights them, and filters', async () => {
    await docIn('draft');
    const p = await docIn('approved');
    const found = value<{ items: { id: number; snippet: string; titleMarked: string }[]; total: number }>(
      await clients.monitor!.call('releases.list', { q: 'saber pungli', sort: 'relevance' }),
    );
    expect(found.total).toBe(2);
    expect(found.items[0]!.snippet).toContain('\u0002Saber\u0003');
    const approved = value<{ items: { id: number }[] }>(await clients.monitor!.call('releases.list', { q: 'pungli', status: 'approved' }));
    expect(approved.items.map((i) => i.id)).toEqual([p.id]);
    expect(value<{ total: number }>(await clients.monitor!.call('releases.list', { q: '"); DROP TABLE documents; --' })).total).toBe(0);
  });

  it('exports DOCX, PDF, HTML, Markdown and WhatsApp text laid out like the sample', async () => {
    const d = await docIn('approved');
    const docx = value<{ data: string; fileName: string }>(await clients.writer!.call('releases.export', { id: d.id, format: 'docx' }));
    expect(docx.fileName).toMatch(/^siaran-pers-wabup-tiwi.*\.docx$/);
    const xml = await (await JSZip.loadAsync(Buffer.from(docx.data, 'base64'))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(sampleRelease().title);
    expect(text).toContain('PURBALINGGA, DINKOMINFO – Wakil Bupati Purbalingga');
    expect(text).toContain('kata Tri Gunawan. (wr)');
    expect(text).toContain('Narahubung: Prayitno');
    expect(text).toContain(`Nomor: ${d.number}`);

    const pdf = value<{ data: string }>(await clients.writer!.call('releases.export', { id: d.id, format: 'pdf' }));
    const pdfBytes = Buffer.from(pdf.data, 'base64');
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdfBytes)).toContain('Wabup Tiwi: Setiap OPD Harus Berperan Menjadi Humas Pemerintah');

    const html = value<{ data: string }>(await clients.writer!.call('releases.export', { id: d.id, format: 'html' })).data;
    expect(html).toContain('<p><strong>PURBALINGGA, DINKOMINFO –</strong> Wakil Bupati');
    expect(html).toContain('UNTUK DISIARKAN SEGERA');
    const md = value<{ data: string }>(await clients.writer!.call('releases.export', { id: d.id, format: 'markdown' })).data;
    expect(md).toContain(`# ${sampleRelease().title}`);
    const wa = value<{ data: string }>(await clients.writer!.call('releases.export', { id: d.id, format: 'whatsapp' })).data;
    expect(wa).toMatch(/^\*SIARAN PERS\*\nNomor: /);
    expect(wa).toContain(`*${sampleRelease().title}*`);
    expect(wa).toContain('kata Tri Gunawan. (wr)');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core';
import { solidPng } from '../support/png';
import { error, value } from '../support/results';
import { httpTransport, ipcTransport, type TestClient, type Transport } from '../support/transports';
import { ADMIN_PASSWORD, makeUser, setUpCore } from '../support/workspace';

const rumor = {
  kind: 'rumor',
  title: 'Beredar pesan bahwa vaksin campak di posyandu Kemangkon menyebabkan lumpuh',
  platforms: ['whatsapp'],
  sourceUrls: ['https://facebook.com/groups/infopbg/posts/77'],
  reach: 15_000,
  category: 'kesehatan',
  region: 'Kemangkon',
};

describe.each(['http', 'ipc'] as const)('cases over %s', (kind) => {
  let core: Core;
  let transport: Transport & { url?: string };
  const c: Record<string, TestClient> = {};

  beforeEach(async () => {
    const w = await setUpCore();
    core = w.core;
    transport = kind === 'http' ? await httpTransport(core) : ipcTransport(core);
    c.admin = transport.client();
    value(await c.admin.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD }));
    for (const [name, role] of [['agus', 'monitor'], ['yuni', 'writer']] as const) {
      const u = await makeUser(core, w.admin, role, { username: name });
      c[name] = transport.client();
      value(await c[name]!.call('auth.login', { username: name, password: u.password }));
    }
  });
  afterEach(() => transport.close());

  it('a monitor logs a rumor with a suggested severity and a deadline; a writer may read but not log', async () => {
    const created = value<{ id: number; severity: string; dueAt: string; status: string }>(await c.agus!.call('cases.create', rumor));
    expect(created).toMatchObject({ severity: 'high', status: 'baru' });
    expect(Date.parse(created.dueAt)).toBeGreaterThan(Date.now());
    expect(error(await c.yuni!.call('cases.create', rumor)).code).toBe('FORBIDDEN');
    expect(value<{ id: number }>(await c.yuni!.call('cases.get', { id: created.id })).id).toBe(created.id);
    const bad = error(await c.agus!.call('cases.create', { ...rumor, sourceUrls: ['javascript:alert(1)'], title: 'x' }));
    expect(bad.code).toBe('VALIDATION');
  });

  it('suggests the existing case for a second wording, merges it, and shows both on the board', async () => {
    const first = value<{ id: number }>(await c.agus!.call('cases.create', rumor));
    const similar = value<{ id: number; score: number }[]>(await c.agus!.call('cases.similar', { text: 'imunisasi campak di posyandu kemangkon bikin anak lumpuh, katanya' }));
    expect(similar[0]?.id).toBe(first.id);
    const second = value<{ id: number }>(await c.agus!.call('cases.create', { ...rumor, title: 'Imunisasi campak posyandu Kemangkon bikin anak lumpuh', sourceUrls: ['https://tiktok.com/@x/video/9'] }));
    const kept = value<{ sourceUrls: string[]; mergedFrom: { id: number }[] }>(await c.agus!.call('cases.merge', { id: second.id, into: first.id }));
    expect(kept.sourceUrls).toHaveLength(2);
    expect(kept.mergedFrom.map((m) => m.id)).toEqual([second.id]);
    const board = value<{ cards: Record<string, { id: number }[]>; counts: Record<string, number> }>(await c.yuni!.call('cases.board', { kind: 'rumor' }));
    expect(board.cards.baru!.map((x) => x.id)).toEqual([first.id]);
    expect(board.counts.baru).toBe(1);
    const stats = value<{ openBySeverity: Record<string, number>; new24h: number; daily: unknown[] }>(await c.yuni!.call('cases.stats'));
    expect(stats.openBySeverity.high).toBe(1);
    expect(stats.new24h).toBe(1);
    expect(stats.daily).toHaveLength(30);
  });

  it('stores evidence uploaded as a file, with its hash, and refuses a move the rules forbid', async () => {
    const created = value<{ id: number }>(await c.agus!.call('cases.create', rumor));
    const png = solidPng(40, 40, [200, 0, 0]);
    let view: { evidence: { name: string; sha256: string; size: number }[] };
    if (kind === 'http') {
      // The browser sends the bytes raw, with the case id beside the file name.
      const http = transport as Awaited<ReturnType<typeof httpTransport>>;
      view = value(await http.rawUpload(`/api/upload/evidence?id=${created.id}&name=tangkapan.png`, png, c.agus!));
    } else {
      view = value(await c.agus!.call('cases.addFileEvidence', { id: created.id, fileName: 'tangkapan.png', bytes: new Uint8Array(png) }));
    }
    expect(view.evidence).toEqual([expect.objectContaining({ name: 'tangkapan.png', size: png.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    const refused = error(await c.agus!.call('cases.transition', { id: created.id, to: 'selesai' }));
    expect(refused).toMatchObject({ code: 'VALIDATION', message: 'Pilih penilaian (HOAKS, DISINFORMASI, …) sebelum isu dinyatakan selesai.' });
    const zip = value<{ fileName: string; base64: string }>(await c.yuni!.call('cases.exportEvidence', { id: created.id }));
    expect(zip.fileName).toBe(`bukti-kasus-${created.id}.zip`);
  });

  it('only admins change targets and holidays; a holiday moves the deadline of new cases', async () => {
    const settings = value<{ config: { targets: object } }>(await c.agus!.call('cases.settings'));
    expect(error(await c.agus!.call('cases.saveConfig', settings.config)).code).toBe('FORBIDDEN');
    expect(error(await c.agus!.call('cases.setHolidays', { add: [{ day: '2026-12-25', name: 'Natal' }] })).code).toBe('FORBIDDEN');
    const before = value<{ dueAt: string }>(await c.agus!.call('cases.create', rumor));
    // Make every weekday of the next two weeks a holiday: the deadline must move past them.
    const add: { day: string; name: string }[] = [];
    for (let i = 1; i <= 14; i++) add.push({ day: new Date(Date.now() + 7 * 3600_000 + i * 86_400_000).toISOString().slice(0, 10), name: `Libur uji ${i}` });
    const days = value<{ day: string }[]>(await c.admin!.call('cases.setHolidays', { add }));
    expect(days).toHaveLength(14);
    const after = value<{ dueAt: string }>(await c.agus!.call('cases.create', { ...rumor, title: `${rumor.title} (lagi)` }));
    expect(Date.parse(after.dueAt) - Date.parse(before.dueAt)).toBeGreaterThanOrEqual(10 * 86_400_000);
  });
});

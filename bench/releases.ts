import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createCore } from '../src/core';
import { BAKOHUMAS_PARAGRAPHS } from '../src/demo/bakohumas-sample';
import { seedDemo } from '../src/demo/seed';
import { findUserByUsername } from '../src/auth/users';
import { insertDocument } from '../src/releases/repo';
import { listDocuments } from '../src/releases/search';
import { createHttpHost } from '../src/server/http';
import { ms, rng, summarize, time, type Summary } from './stats';

const DOCS = 50_000;
// Selective queries (a place, a topic) as offices type them, and two broad ones that match most of
// the corpus (the sample's own words), to show the worst case too.
const QUERIES = ['pungli', 'jalan rusak bobotsari', 'ktp elektronik', 'vaksinasi', 'banjir kemangkon', 'festival', 'puskesmas', 'beasiswa', 'wabup tiwi', 'informasi publik'];
const PLACES = ['Bobotsari', 'Bojongsari', 'Bukateja', 'Kaligondang', 'Kalimanah', 'Karanganyar', 'Karangjambu', 'Karangmoncol', 'Karangreja', 'Kejobong', 'Kemangkon', 'Kertanegara', 'Kutasari', 'Mrebet', 'Padamara', 'Pengadegan', 'Purbalingga', 'Rembang'];
const TOPICS = [
  'jalan rusak', 'pelayanan KTP elektronik', 'vaksinasi anak', 'banjir bandang', 'puskesmas keliling', 'pasar tradisional', 'bantuan sosial', 'pungutan liar pungli',
  'festival budaya', 'beasiswa pelajar', 'stunting balita', 'air bersih', 'sampah plastik', 'UMKM batik', 'pariwisata desa', 'lampu jalan', 'irigasi sawah', 'harga beras',
  'gedung sekolah', 'ambulans desa', 'BPJS kesehatan', 'lowongan kerja', 'perizinan usaha', 'tanah longsor', 'posyandu', 'kebakaran rumah', 'pemilihan kepala desa', 'internet desa',
];


export interface ReleaseFigures {
  documents: number;
  seedSeconds: number;
  ftsRelevanceMs: Summary;
  ftsNewestMs: Summary;
  ftsUpdatedMs: Summary;
  matchesPerQuery: Record<string, number>;
  typing: TypingFigures;
}

function sentences(): string[] {
  return BAKOHUMAS_PARAGRAPHS.flatMap((p) => p.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 20);
}

/**
 * Types 240 keys, one every 25 ms, and records per key: keystroke-to-paint (keydown, then the task
 * after the next animation frame, which runs right after that frame is painted) and handling time
 * (keydown to the next task: the main-thread work of the keystroke, without waiting for a frame).
 */
async function typeAndMeasure(page: Page): Promise<{ paint: Summary; handling: Summary }> {
  await page.evaluate(() => {
    const w = window as unknown as { __paint: number[]; __handle: number[] };
    w.__paint = [];
    w.__handle = [];
    document.addEventListener(
      'keydown',
      (e) => {
        // No named helpers in here: tsx would wrap them in a __name() the page does not have.
        const start = e.timeStamp;
        const handled = new MessageChannel();
        handled.port1.onmessage = () => w.__handle.push(performance.now() - start);
        handled.port2.postMessage(0);
        requestAnimationFrame(() => {
          const painted = new MessageChannel();
          painted.port1.onmessage = () => w.__paint.push(performance.now() - start);
          painted.port2.postMessage(0);
        });
      },
      true,
    );
  });
  const sample = 'pemerintah kabupaten purbalingga melayani warga dengan cepat ';
  for (let i = 0; i < 240; i++) {
    await page.keyboard.type(sample[i % sample.length]!);
    await page.waitForTimeout(25);
  }
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => {
    const w = window as unknown as { __paint: number[]; __handle: number[] };
    return { paint: w.__paint, handle: w.__handle };
  });
  if (r.paint.length < 100) throw new Error(`only ${r.paint.length} keystrokes measured: did the text get focus?`);
  // The first keys warm up the JIT and caches.
  return { paint: summarize(r.paint.slice(40)), handling: summarize(r.handle.slice(40)) };
}

export interface TypingFigures {
  words: number;
  editor: { paint: Summary; handling: Summary };
  plainContentEditable: { paint: Summary; handling: Summary };
}

export async function keystrokeToPaint(log: (l: string) => void): Promise<TypingFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beranda-bench-editor-'));
  const core = createCore({ dataDir: dir, autoBackup: false, polling: false, outbox: false });
  await seedDemo(core);
  const writer = findUserByUsername(core.ws.db, 'penulis')!;
  const pool = sentences();
  const next = rng(7);
  const paragraphs: string[] = [];
  let words = 0;
  while (words < 20_000) {
    const p = Array.from({ length: 4 }, () => pool[Math.floor(next() * pool.length)]!).join(' ');
    paragraphs.push(p);
    words += p.split(/\s+/).length;
  }
  const at = new Date().toISOString();
  const id = insertDocument(
    core.ws.db,
    'siaran_pers',
    { title: 'Naskah panjang untuk uji kecepatan', fields: { embargoAt: null, eventDate: null, withNumber: true, contact: { name: '', phone: '', email: '' }, boilerplate: '' }, body: { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) } },
    writer.id,
    at,
  );
  const host = createHttpHost(core, { host: '127.0.0.1', port: 0, rendererDir: path.resolve('out/renderer') });
  const { url } = await host.listen();
  const browser = await chromium.launch({
    executablePath: process.env.BERANDA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(url);
    await page.getByLabel('Nama pengguna').fill('penulis');
    await page.getByLabel('Kata sandi').fill('penulis-demo-123');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByTestId('greeting').waitFor();
    await page.goto(`${url}/#/naskah/${id}`);
    await page.locator('.prose p').nth(100).waitFor({ timeout: 60_000 });
    // Type in the middle of the document, where every keystroke has the most text around it.
    await page.locator('.prose p').nth(Math.floor(paragraphs.length / 2)).click();
    const editor = await typeAndMeasure(page);
    log(`typed 240 keys into the editor on a ${words}-word document`);
    // The same text in a bare contenteditable: what this browser on this machine costs by itself.
    const plain = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await plain.setContent(`<div contenteditable="true" style="font-family:serif;line-height:1.65;padding:1rem;text-align:justify">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>`);
    await plain.locator('p').nth(Math.floor(paragraphs.length / 2)).click();
    const plainContentEditable = await typeAndMeasure(plain);
    return { words, editor, plainContentEditable };
  } finally {
    await browser.close();
    await host.close();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchReleases(log: (line: string) => void): Promise<ReleaseFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beranda-bench-fts-'));
  const core = createCore({ dataDir: dir, autoBackup: false, polling: false, outbox: false });
  try {
    await seedDemo(core);
    const writer = findUserByUsername(core.ws.db, 'penulis')!;
    const actor = { user: findUserByUsername(core.ws.db, 'admin')!, tokenHash: 'bench' };
    const pool = sentences();
    const next = rng(42);
    const fields = { embargoAt: null, eventDate: null, withNumber: true, contact: { name: 'Humas', phone: '1', email: '' }, boilerplate: '' };
    const [seedMs] = await time(() =>
      core.ws.db.transaction(() => {
        for (let i = 0; i < DOCS; i++) {
          const place = PLACES[Math.floor(next() * PLACES.length)]!;
          const topic = TOPICS[Math.floor(next() * TOPICS.length)]!;
          const paras = Array.from({ length: 6 }, (_, k) => (k % 3 === 0 ? `Warga ${place} menyampaikan soal ${topic} kepada pemerintah kabupaten. ` : '') + pool[Math.floor(next() * pool.length)]);
          const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
          insertDocument(core.ws.db, 'siaran_pers', { title: `${topic[0]!.toUpperCase()}${topic.slice(1)} di ${place}`, fields, body: { type: 'doc', content: paras.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) } }, writer.id, at);
        }
      })(),
    );
    log(`seeded ${DOCS} releases in ${(seedMs / 1000).toFixed(1)} s`);
    const timed = (sort: 'relevance' | 'created' | 'updated') => {
      const samples: number[] = [];
      for (let round = 0; round < 10; round++) {
        for (const q of QUERIES) {
          const t0 = performance.now();
          listDocuments(core, actor, { q, sort, offset: 0, limit: 50 });
          samples.push(performance.now() - t0);
        }
      }
      return summarize(samples);
    };
    // The first pass warms the page cache, as a person's first search of the day would.
    timed('relevance');
    const ftsRelevanceMs = timed('relevance');
    const ftsNewestMs = timed('created');
    const ftsUpdatedMs = timed('updated');
    const matchesPerQuery = Object.fromEntries(QUERIES.map((q) => [q, listDocuments(core, actor, { q, sort: 'created', offset: 0, limit: 1 }).total]));
    log(`matches per query (count capped at 10,000): ${JSON.stringify(matchesPerQuery)}`);
    core.close();
    const typing = await keystrokeToPaint(log);
    return { documents: DOCS, seedSeconds: seedMs / 1000, ftsRelevanceMs, ftsNewestMs, ftsUpdatedMs, matchesPerQuery, typing };
  } finally {
    if (core.ws.db.open) core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function reportReleases(f: ReleaseFigures): string[] {
  return [
    `Releases (${f.documents.toLocaleString('en')} documents, ${QUERIES.length} queries × 10, first page of 50 with total count)`,
    `  FTS search, ranked: median ${ms(f.ftsRelevanceMs.median)}, p95 ${ms(f.ftsRelevanceMs.p95)}`,
    `  FTS search, newest first: median ${ms(f.ftsNewestMs.median)}, p95 ${ms(f.ftsNewestMs.p95)}`,
    `  FTS search, last changed first: median ${ms(f.ftsUpdatedMs.median)}, p95 ${ms(f.ftsUpdatedMs.p95)}`,
    ...reportTyping(f.typing),
  ];
}

export function reportTyping(t: TypingFigures): string[] {
  const e = t.editor;
  const b = t.plainContentEditable;
  return [
    `  typing in Chromium, ${t.words.toLocaleString('en')}-word document, n=${e.paint.n} keys (aim: keystroke-to-paint p95 < 16 ms):`,
    `    editor     keystroke-to-paint median ${ms(e.paint.median)}, p95 ${ms(e.paint.p95)}; handling median ${ms(e.handling.median)}, p95 ${ms(e.handling.p95)}`,
    `    bare contenteditable (same text, same browser) keystroke-to-paint median ${ms(b.paint.median)}, p95 ${ms(b.paint.p95)}; handling median ${ms(b.handling.median)}, p95 ${ms(b.handling.p95)}`,
    `    editor / bare, p95 keystroke-to-paint: ${(e.paint.p95 / b.paint.p95).toFixed(2)}×`,
  ];
}

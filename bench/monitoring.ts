import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findUserByUsername } from '../src/auth/users';
import { createCore, type Actor, type Core } from '../src/core';
import { seedDemo } from '../src/demo/seed';
import { BAKOHUMAS_PARAGRAPHS } from '../src/demo/bakohumas-sample';
import { listItems } from '../src/monitoring/items';
import { refreshFeed } from '../src/monitoring/ingest';
import { toFtsQuery } from '../src/monitoring/watchlist-query';
import { rng, summarize, type Summary } from './stats';

const INGEST_ITEMS = 5_000;
const INGEST_RUNS = 5;
// BERANDA_BENCH_STORED shrinks the search corpus for a quick run; the figures in notes use a million.
const STORED = Number(process.env.BERANDA_BENCH_STORED ?? 1_000_000);
const WATCHLISTS = ['purbalingga AND (hoaks OR pungli)', 'banjir OR longsor', '"kartu tanda penduduk"', 'vaksin NOT festival', 'jalan rusak', 'bupati', 'humas', 'bakohumas', 'kesehatan', 'sekolah', 'bansos', 'pdam', 'gempa', 'ktp', 'puskesmas', 'pasar', 'beasiswa', 'stunting', 'sampah', 'internet'];
// Realistic searches (regency names, topics, phrases, boolean) plus broad words that match most items.
const QUERIES = ['kemangkon', 'bobotsari banjir', '"jalan rusak"', 'pungli OR hoaks', 'vaksin NOT festival', 'puskesmas', 'bupati purbalingga', 'sekolah', 'longsor karangreja', 'ktp', 'warga', 'pemerintah', 'kabupaten purbalingga'];

export interface MonitoringFigures {
  ingest: { items: number; watchlists: number; runs: number[]; medianItemsPerSecond: number };
  bigFeed: { mib: number; items: number; seconds: number; rssBeforeMiB: number; peakRssMiB: number };
  search: { stored: number; buildSeconds: number; newest: Summary; ranked: Summary; riverPage: Summary };
}

function sentences(): string[] {
  return BAKOHUMAS_PARAGRAPHS.flatMap((p) => p.split(/(?<=[.!?])\s+/));
}

const PLACES = ['Kemangkon', 'Bobotsari', 'Karangreja', 'Kejobong', 'Bukateja', 'Kutasari', 'Mrebet', 'Rembang', 'Padamara', 'Kalimanah'];
const TOPICS = ['banjir', 'longsor', 'jalan rusak', 'pungli', 'hoaks', 'vaksin', 'puskesmas', 'sekolah', 'ktp', 'pasar', 'bansos', 'pdam', 'festival', 'bupati'];

function rssFeed(count: number, next: () => number, bodySentences: number, offset = 0): Buffer {
  const pool = sentences();
  const items = Array.from({ length: count }, (_, k) => {
    const i = k + offset;
    const text = Array.from({ length: bodySentences }, () => pool[Math.floor(next() * pool.length)]).join(' ');
    const title = `${TOPICS[i % TOPICS.length]} di ${PLACES[i % PLACES.length]}: ${pool[i % pool.length]!.slice(0, 50)}`.replace(/[<&]/g, '');
    return `<item><title>${title}</title><link>https://berita.example/${i}</link><guid>g${i}</guid><pubDate>${new Date(Date.now() - (count - k) * 60_000).toUTCString()}</pubDate><description><![CDATA[<p>${text}</p>]]></description></item>`;
  });
  return Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Uji</title>${items.join('')}</channel></rss>`);
}

async function serve(body: () => Buffer): Promise<{ url: string; close(): void }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(body()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`, close: () => server.close() };
}

function freshCore(): { core: Core; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beranda-bench-feeds-'));
  const core = createCore({ dataDir: dir, autoBackup: false, polling: false, outbox: false });
  core.ws.db.prepare("INSERT INTO users (username, display_name, initials, role, password_hash, created_at, updated_at) VALUES ('m', 'M', 'm', 'monitor', 'h', 't', 't')").run();
  for (const q of WATCHLISTS) core.ws.db.prepare("INSERT INTO watchlists (name, query, fts_query, created_by, created_at) VALUES (?, ?, ?, 1, 't')").run(q, q, toFtsQuery(q));
  return { core, dir };
}

function addFeed(core: Core, url: string): number {
  return Number(core.ws.db.prepare("INSERT INTO feeds (url, next_fetch_at, created_at) VALUES (?, 't', 't')").run(url).lastInsertRowid);
}

/** Fetch from 127.0.0.1 + decode + parse + dedup + store + FTS + match 20 watchlists + group stories. */
async function ingestRate(log: (l: string) => void): Promise<MonitoringFigures['ingest']> {
  const runs: number[] = [];
  for (let r = 0; r < INGEST_RUNS; r++) {
    const body = rssFeed(INGEST_ITEMS, rng(11 + r), 3, r * INGEST_ITEMS);
    const server = await serve(() => body);
    const { core, dir } = freshCore();
    try {
      const feedId = addFeed(core, server.url);
      const t0 = performance.now();
      const out = await refreshFeed(core, feedId);
      const seconds = (performance.now() - t0) / 1000;
      if (out.kind !== 'updated' || out.newItems.length !== INGEST_ITEMS) throw new Error(`ingest failed: ${JSON.stringify(out).slice(0, 200)}`);
      runs.push(INGEST_ITEMS / seconds);
    } finally {
      core.close();
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  log(`ingested ${INGEST_RUNS} × ${INGEST_ITEMS} items: ${runs.map((x) => Math.round(x)).join(', ')} items/s`);
  return { items: INGEST_ITEMS, watchlists: WATCHLISTS.length, runs, medianItemsPerSecond: summarize(runs).median };
}

/** Peak resident memory while one 15 MiB feed goes through the same path. */
async function bigFeedMemory(log: (l: string) => void): Promise<MonitoringFigures['bigFeed']> {
  const body = rssFeed(12_400, rng(5), 5);
  const server = await serve(() => body);
  const { core, dir } = freshCore();
  try {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const t0 = performance.now();
    const out = await refreshFeed(core, addFeed(core, server.url));
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const items = out.kind === 'updated' ? out.newItems.length : 0;
    log(`${(body.length / 1048576).toFixed(1)} MiB feed, ${items} items in ${seconds.toFixed(2)} s`);
    return { mib: body.length / 1048576, items, seconds, rssBeforeMiB: before / 1048576, peakRssMiB: peak / 1048576 };
  } finally {
    core.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One million stored items, then the river's own search (items.list) as a signed-in user runs it. */
async function searchMillion(log: (l: string) => void): Promise<MonitoringFigures['search']> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beranda-bench-river-'));
  const core = createCore({ dataDir: dir, autoBackup: false, polling: false, outbox: false });
  try {
    await seedDemo(core);
    const actor: Actor = { user: findUserByUsername(core.ws.db, 'pemantau')!, tokenHash: '' };
    const db = core.ws.db;
    const pool = sentences();
    const next = rng(3);
    const feeds = Array.from({ length: 50 }, (_, f) => Number(db.prepare("INSERT INTO feeds (url, title, next_fetch_at, created_at, paused) VALUES (?, ?, '9999', 't', 1)").run(`https://m${f}.example/rss`, `Media ${f}`).lastInsertRowid));
    const insert = db.prepare('INSERT INTO feed_items (feed_id, key, title, link, raw_html, text, fetched_at, sort_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const t0 = performance.now();
    const start = Date.now() - 400 * 86_400_000;
    for (let batch = 0; batch < STORED / 10_000; batch++) {
      db.transaction(() => {
        for (let k = 0; k < 10_000; k++) {
          const i = batch * 10_000 + k;
          const at = new Date(start + i * 34_560).toISOString();
          const title = `${TOPICS[Math.floor(next() * TOPICS.length)]} di ${PLACES[Math.floor(next() * PLACES.length)]}: ${pool[i % pool.length]!.slice(0, 60)}`;
          const text = `${pool[Math.floor(next() * pool.length)]} ${pool[Math.floor(next() * pool.length)]}`;
          insert.run(feeds[i % feeds.length], `k${i}`, title, `https://m.example/${i}`, `<p>${text}</p>`, text, at, at);
        }
      })();
    }
    const buildSeconds = (performance.now() - t0) / 1000;
    log(`stored ${STORED.toLocaleString('en')} items in ${buildSeconds.toFixed(0)} s`);
    const run = (sort: 'newest' | 'relevance') => {
      const samples: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (const q of QUERIES) {
          const t = performance.now();
          listItems(core, actor, { scope: { kind: 'all' }, unreadOnly: false, q, limit: 60, sort });
          samples.push(performance.now() - t);
        }
      }
      return summarize(samples);
    };
    const newest = run('newest');
    const ranked = run('relevance');
    const pages: number[] = [];
    let before: number | undefined;
    for (let p = 0; p < 50; p++) {
      const t = performance.now();
      const page = listItems(core, actor, { scope: { kind: 'all' }, unreadOnly: p % 2 === 0, limit: 100, before });
      pages.push(performance.now() - t);
      before = page.nextBefore ?? undefined;
    }
    return { stored: STORED, buildSeconds, newest, ranked, riverPage: summarize(pages) };
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchMonitoring(log: (l: string) => void): Promise<MonitoringFigures> {
  // Memory first, while the process is still small.
  const bigFeed = await bigFeedMemory(log);
  const ingest = await ingestRate(log);
  const search = await searchMillion(log);
  return { ingest, bigFeed, search };
}

export function reportMonitoring(f: MonitoringFigures): string[] {
  const s = (x: Summary) => `median ${x.median.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms`;
  return [
    `Pantauan (issue 5)`,
    `  ingest end to end (fetch 127.0.0.1 + parse + dedup + store + FTS + ${f.ingest.watchlists} watchlists + stories), ${f.ingest.items.toLocaleString('en')}-item feed:`,
    `    median ${Math.round(f.ingest.medianItemsPerSecond).toLocaleString('en')} items/s over ${f.ingest.runs.length} runs (aim ≥ 5,000)`,
    `  ${f.bigFeed.mib.toFixed(1)} MiB feed (${f.bigFeed.items.toLocaleString('en')} items) in ${f.bigFeed.seconds.toFixed(2)} s: RSS ${f.bigFeed.rssBeforeMiB.toFixed(0)} → peak ${f.bigFeed.peakRssMiB.toFixed(0)} MiB`,
    `  search over ${f.search.stored.toLocaleString('en')} stored items (${QUERIES.length} queries × 5, via items.list):`,
    `    newest first: ${s(f.search.newest)} (aim p95 < 50 ms)`,
    `    ranked (best of the newest 2,000 matches): ${s(f.search.ranked)}`,
    `    river page of 100 (all / unread): ${s(f.search.riverPage)}`,
  ];
}

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/core';
import { refreshFeed } from '../src/monitoring/ingest';
import { toFtsQuery } from '../src/monitoring/watchlist-query';
import { BAKOHUMAS_PARAGRAPHS } from '../src/demo/bakohumas-sample';
import { rng } from './stats';

const ITEMS = 5_000;
const WATCHLISTS = ['purbalingga AND (hoaks OR pungli)', 'banjir OR longsor', '"kartu tanda penduduk"', 'vaksin NOT festival', 'jalan rusak', 'bupati', 'humas', 'bakohumas', 'kesehatan', 'sekolah', 'bansos', 'pdam', 'gempa', 'ktp', 'puskesmas', 'pasar', 'beasiswa', 'stunting', 'sampah', 'internet'];

export interface MonitoringFigures {
  items: number;
  watchlists: number;
  itemsPerSecond: number;
  seconds: number;
  peakRssMiB: number;
}

/** Issue 5's ingest rate so far: a 5,000-item feed from 127.0.0.1, parsed, sanitized, deduplicated, stored and matched. */
export async function benchMonitoring(log: (l: string) => void): Promise<MonitoringFigures> {
  const next = rng(11);
  const sentences = BAKOHUMAS_PARAGRAPHS.flatMap((p) => p.split(/(?<=[.!?])\s+/));
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const text = Array.from({ length: 3 }, () => sentences[Math.floor(next() * sentences.length)]).join(' ');
    return `<item><title>Berita ${i}: ${sentences[i % sentences.length]!.slice(0, 60).replace(/[<&]/g, '')}</title><link>https://berita.example/${i}</link><guid>g${i}</guid><pubDate>${new Date(Date.UTC(2026, 10, 1) + i * 60_000).toUTCString()}</pubDate><description><![CDATA[<p>${text}</p>]]></description></item>`;
  });
  const body = Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Uji</title>${items.join('')}</channel></rss>`);
  const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(body));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beranda-bench-feeds-'));
  const core = createCore({ dataDir: dir, autoBackup: false, polling: false });
  try {
    core.ws.db.prepare("INSERT INTO users (username, display_name, initials, role, password_hash, created_at, updated_at) VALUES ('m', 'M', 'm', 'monitor', 'h', 't', 't')").run();
    for (const q of WATCHLISTS) core.ws.db.prepare("INSERT INTO watchlists (name, query, fts_query, created_by, created_at) VALUES (?, ?, ?, 1, 't')").run(q, q, toFtsQuery(q));
    const feedId = Number(core.ws.db.prepare("INSERT INTO feeds (url, next_fetch_at, created_at) VALUES (?, 't', 't')").run(url).lastInsertRowid);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    const r = await refreshFeed(core, feedId);
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    if (r.kind !== 'updated' || r.newItems.length !== ITEMS) throw new Error(`ingest failed: ${JSON.stringify(r).slice(0, 200)}`);
    log(`ingested ${ITEMS} items (${(body.length / 1024 / 1024).toFixed(1)} MiB feed) in ${seconds.toFixed(2)} s`);
    return { items: ITEMS, watchlists: WATCHLISTS.length, itemsPerSecond: ITEMS / seconds, seconds, peakRssMiB: peak / 1024 / 1024 };
  } finally {
    core.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function reportMonitoring(f: MonitoringFigures): string[] {
  return [
    `Pantauan core (issue 5 in progress): ${f.items.toLocaleString('en')}-item feed, ${f.watchlists} watchlists`,
    `  ingest (fetch from 127.0.0.1 + parse + sanitize + dedup + store + match): ${Math.round(f.itemsPerSecond).toLocaleString('en')} items/s (aim: ≥ 5,000), peak RSS ${f.peakRssMiB.toFixed(0)} MiB`,
  ];
}

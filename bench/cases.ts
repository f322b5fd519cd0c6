import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/core';
import { seedDemo } from '../src/demo/seed';
import { findUserByUsername } from '../src/auth/users';
import { caseBoard } from '../src/cases/queries';
import { insertCase } from '../src/cases/repo';
import { findSimilar } from '../src/cases/similarity';
import { normalizedText } from '../src/cases/text';
import { CASE_PAIRS } from '../test/fixtures/case-pairs';
import { scorePairs } from '../test/support/case-eval';
import { ms, rng, summarize, time, type Summary } from './stats';

const CASES = 100_000;
const OPEN = 5_000;
const PLACES = ['Bobotsari', 'Bojongsari', 'Bukateja', 'Kaligondang', 'Kalimanah', 'Karanganyar', 'Karangjambu', 'Karangmoncol', 'Karangreja', 'Kejobong', 'Kemangkon', 'Kertanegara', 'Kutasari', 'Mrebet', 'Padamara', 'Pengadegan', 'Purbalingga', 'Rembang'];
const SUBJECTS = ['jalan rusak', 'KTP elektronik dipungut biaya', 'vaksin anak', 'banjir', 'puskesmas menolak pasien', 'lampu jalan mati', 'bansos dipotong', 'pungli sekolah', 'air PDAM keruh', 'gempa hoaks', 'sampah menumpuk', 'beasiswa dihapus', 'jembatan ambrol', 'harga beras naik', 'internet desa lemot', 'ambulans desa', 'tanah longsor', 'pasar kumuh', 'posyandu tutup', 'BPJS ditolak'];
const TAILS = ['warga resah', 'sudah seminggu', 'viral di media sosial', 'belum ada tanggapan', 'mohon segera ditindak', 'kata warganet', 'menurut pesan berantai', 'disebar akun anonim'];


export interface CaseFigures {
  cases: number;
  openCases: number;
  similarMs: Summary;
  boardMs: Summary;
  precision: number;
  recall: number;
  pairs: number;
  precisionAt035: number;
  recallAt035: number;
}

export async function benchCases(log: (l: string) => void): Promise<CaseFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beranda-bench-cases-'));
  const core = createCore({ dataDir: dir, autoBackup: false, polling: false, outbox: false });
  try {
    await seedDemo(core);
    const monitor = { user: findUserByUsername(core.ws.db, 'pemantau')!, tokenHash: 'bench' };
    const at = scorePairs(core, monitor);
    const eval30 = at(0.3);
    // A stricter threshold: the trade-off an office could choose instead.
    const eval35 = at(0.35);
    const next = rng(3);
    const [seedMs] = await time(() =>
      core.ws.db.transaction(() => {
        for (let i = 0; i < CASES; i++) {
          const title = `${SUBJECTS[Math.floor(next() * SUBJECTS.length)]} di ${PLACES[Math.floor(next() * PLACES.length)]} ${TAILS[Math.floor(next() * TAILS.length)]} ${i % 97}`;
          const at = new Date(Date.UTC(2025, 0, 1) + i * 300_000).toISOString();
          const open = i >= CASES - OPEN;
          insertCase(core.ws.db, {
            kind: next() < 0.5 ? 'rumor' : 'complaint', status: open ? 'verifikasi' : 'selesai', title, details: '', category: 'lainnya', severity: 'medium',
            dueAt: at, norm: normalizedText(title), createdBy: monitor.user.id, createdAt: at, updatedAt: at, closedAt: open ? null : at, verdict: 'HOAKS',
          });
        }
      })(),
    );
    log(`seeded ${CASES} cases (${OPEN} open) in ${(seedMs / 1000).toFixed(1)} s`);
    const queries = CASE_PAIRS.map((p) => p.b);
    for (const q of queries.slice(0, 5)) findSimilar(core.ws.db, q);
    const similar: number[] = [];
    for (let round = 0; round < 8; round++) for (const q of queries) similar.push((await time(() => findSimilar(core.ws.db, q)))[0]);
    const board: number[] = [];
    for (let i = 0; i < 20; i++) board.push((await time(() => caseBoard(core, monitor, i % 2 ? 'rumor' : 'complaint')))[0]);
    return {
      cases: CASES, openCases: OPEN, similarMs: summarize(similar), boardMs: summarize(board),
      precision: eval30.precision, recall: eval30.recall, pairs: eval30.pairs, precisionAt035: eval35.precision, recallAt035: eval35.recall,
    };
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function reportCases(f: CaseFigures): string[] {
  return [
    `Isu & Aduan (${f.cases.toLocaleString('en')} cases, ${f.openCases.toLocaleString('en')} open)`,
    `  similar-case suggestion (${CASE_PAIRS.length} texts × 8): median ${ms(f.similarMs.median)}, p95 ${ms(f.similarMs.p95)} (aim: p95 < 100 ms)`,
    `  board load, ${f.openCases.toLocaleString('en')} open cases split over two boards: median ${ms(f.boardMs.median)}, p95 ${ms(f.boardMs.p95)}`,
    `  duplicate suggestions on ${f.pairs} labelled pairs: precision ${f.precision.toFixed(2)}, recall ${f.recall.toFixed(2)} at threshold 0.30; ${f.precisionAt035.toFixed(2)} / ${f.recallAt035.toFixed(2)} at 0.35`,
  ];
}

import type { Db } from '../storage/database';
import { readSetting, writeSetting } from '../workspace/settings';

export const CASE_KINDS = ['rumor', 'complaint'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const PLATFORMS = ['facebook', 'instagram', 'x', 'tiktok', 'whatsapp', 'youtube', 'news', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const CASE_STATUSES = ['baru', 'verifikasi', 'perlu_klarifikasi', 'klarifikasi_terbit', 'diteruskan', 'ditindaklanjuti', 'selesai', 'ditutup'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CLOSE_REASONS = ['tidak_relevan', 'duplikat', 'di_luar_kewenangan'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export interface CaseConfig {
  categories: { id: string; label: string; weight: number }[];
  regions: string[];
  opds: string[];
  /** Response targets in working days, per kind and severity. */
  targets: Record<CaseKind, Record<Severity, number>>;
}

const KEY = 'cases.config';

/** Defaults an office can edit: weights say how much a category raises the suggested severity. */
export const DEFAULT_CONFIG: CaseConfig = {
  categories: [
    { id: 'kependudukan', label: 'Kependudukan/KTP', weight: 1 },
    { id: 'kesehatan', label: 'Kesehatan', weight: 2 },
    { id: 'pendidikan', label: 'Pendidikan', weight: 1 },
    { id: 'infrastruktur', label: 'Infrastruktur/jalan', weight: 1 },
    { id: 'pungli', label: 'Pungli', weight: 2 },
    { id: 'bencana', label: 'Bencana', weight: 3 },
    { id: 'lainnya', label: 'Lainnya', weight: 0 },
  ],
  regions: ['Bobotsari', 'Bojongsari', 'Bukateja', 'Kaligondang', 'Kalimanah', 'Karanganyar', 'Karangjambu', 'Karangmoncol', 'Karangreja', 'Kejobong', 'Kemangkon', 'Kertanegara', 'Kutasari', 'Mrebet', 'Padamara', 'Pengadegan', 'Purbalingga', 'Rembang'],
  opds: ['Dinas Kependudukan dan Pencatatan Sipil', 'Dinas Kesehatan', 'Dinas Pendidikan dan Kebudayaan', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Badan Penanggulangan Bencana Daerah', 'Inspektorat', 'Dinas Sosial'],
  targets: {
    rumor: { critical: 0, high: 1, medium: 2, low: 3 },
    complaint: { critical: 1, high: 2, medium: 3, low: 5 },
  },
};

export function readCaseConfig(db: Db): CaseConfig {
  return readSetting<CaseConfig>(db, KEY) ?? DEFAULT_CONFIG;
}

export function writeCaseConfig(db: Db, c: CaseConfig): void {
  writeSetting(db, KEY, c);
}

/**
 * The severity to suggest: how far the claim has spread, plus how grave its category is. Staff
 * can override it; the suggestion is only where they start.
 */
export function suggestSeverity(reach: number | null, categoryWeight: number): Severity {
  const r = reach ?? 0;
  const reachScore = r >= 100_000 ? 3 : r >= 10_000 ? 2 : r >= 1_000 ? 1 : 0;
  const score = reachScore + categoryWeight;
  return score >= 5 ? 'critical' : score >= 3 ? 'high' : score >= 1 ? 'medium' : 'low';
}

export function holidaySet(db: Db): Set<string> {
  return new Set((db.prepare('SELECT day FROM holidays').all() as { day: string }[]).map((r) => r.day));
}

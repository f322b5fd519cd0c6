import type { Db } from '../storage/database';
import { readSetting, writeSetting } from '../workspace/settings';

export { CASE_KINDS, CASE_STATUSES, CLOSE_REASONS, PLATFORMS, SEVERITIES, suggestSeverity } from '../shared/case-rules';
export type { CaseKind, CaseStatus, CloseReason, Platform, Severity } from '../shared/case-rules';
import type { CaseKind, Severity } from '../shared/case-rules';

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

export function holidaySet(db: Db): Set<string> {
  return new Set((db.prepare('SELECT day FROM holidays').all() as { day: string }[]).map((r) => r.day));
}

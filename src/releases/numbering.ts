import type { Db } from '../storage/database';
import { zoneDate } from '../shared/indonesian-dates';
import type { ReleaseKind } from '../shared/release-kinds';
import type { ZoneLabel } from '../time/zones';
import { readSetting } from '../workspace/settings';

export const DEFAULT_NUMBER_PATTERN = '{seq}/HM/{unit}/{MM}/{YYYY}';
export const NUMBER_PATTERN_KEY = 'releases.numberPattern';

const KIND_CODES: Record<ReleaseKind, string> = { siaran_pers: 'SP', klarifikasi: 'KL', hak_jawab: 'HJ' };
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function numberPattern(db: Db): string {
  return readSetting<string>(db, NUMBER_PATTERN_KEY) ?? DEFAULT_NUMBER_PATTERN;
}

/** Fills a pattern: {seq} {seq3} {unit} {kind} {MM} {ROM} (Roman month, as many offices write it) {YYYY}. */
export function formatNumber(pattern: string, v: { seq: number; unit: string; kind: ReleaseKind; year: number; month: number }): string {
  return pattern
    .replaceAll('{seq}', String(v.seq))
    .replaceAll('{seq3}', String(v.seq).padStart(3, '0'))
    .replaceAll('{unit}', v.unit)
    .replaceAll('{kind}', KIND_CODES[v.kind])
    .replaceAll('{MM}', String(v.month).padStart(2, '0'))
    .replaceAll('{ROM}', ROMAN[v.month - 1]!)
    .replaceAll('{YYYY}', String(v.year));
}

/**
 * Gives out the next number of the office's year. Runs inside the caller's write transaction, so
 * two approvals at once still get two different numbers, and a number once given is never reused.
 */
export function nextNumber(db: Db, kind: ReleaseKind, unit: string, zone: ZoneLabel, atIso: string): string {
  const { year, month } = zoneDate(atIso, zone);
  const row = db
    .prepare('INSERT INTO number_sequences (year, last) VALUES (?, 1) ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last')
    .get(year) as { last: number };
  return formatNumber(numberPattern(db), { seq: row.last, unit, kind, year, month });
}

import { ZONE_OFFSET_HOURS, type ZoneLabel } from './zones';

const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

function parseDay(day: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** "Selasa (4/4)": how the house style names the event day inside the lead. */
export function eventDayLabel(day: string): string {
  const d = parseDay(day);
  if (!d) return '';
  return `${DAYS[d.getUTCDay()]} (${d.getUTCDate()}/${d.getUTCMonth() + 1})`;
}

/** "4 April 2023". */
export function longDateId(day: string): string {
  const d = parseDay(day);
  return d ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : '';
}

/** "PURBALINGGA, DINKOMINFO –": the dateline that opens the lead. */
export function dateline(city: string, unitCode: string): string {
  return `${city.trim().toUpperCase()}, ${unitCode.trim().toUpperCase()} –`;
}


/** A UTC instant as "4 April 2023 pukul 09.30 WIB" in the office's zone. */
export function dateTimeId(iso: string, zone: ZoneLabel): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const local = new Date(t + ZONE_OFFSET_HOURS[zone] * 3600_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} pukul ${hh}.${mm} ${zone}`;
}

/** The office's calendar date of an instant: "YYYY-MM-DD" plus month and year for numbering. */
export function zoneDate(iso: string, zone: ZoneLabel): { year: number; month: number; day: number } {
  const local = new Date(Date.parse(iso) + ZONE_OFFSET_HOURS[zone] * 3600_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

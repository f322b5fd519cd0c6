import type { Lang } from '../i18n/i18n';

import { dayStart, TIME_ZONES as ZONES, type ZoneLabel } from '../../src/shared/zones';

export type { ZoneLabel };

function locale(lang: Lang): string {
  return lang === 'id' ? 'id-ID' : 'en-GB';
}

/** "29 Nov 2026 21.05 WIB": times are stored in UTC and shown in the office's own zone. */
export function formatDateTime(iso: string, zone: ZoneLabel, lang: Lang): string {
  const text = new Intl.DateTimeFormat(locale(lang), {
    timeZone: ZONES[zone],
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
  return `${text} ${zone}`;
}

export function formatLongDate(date: Date, zone: ZoneLabel, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: ZONES[zone],
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

export function formatTime(iso: string, zone: ZoneLabel, lang: Lang): string {
  const text = new Intl.DateTimeFormat(locale(lang), { timeZone: ZONES[zone], hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return `${text} ${zone}`;
}

export function hourIn(date: Date, zone: ZoneLabel): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: ZONES[zone], hour: '2-digit', hour12: false }).format(date)) % 24;
}

/** The start of a calendar day in the office's zone, as a UTC ISO string (for date filters). */
export function zoneDayStartIso(day: string, zone: ZoneLabel): string {
  return dayStart(day, zone).toISOString();
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

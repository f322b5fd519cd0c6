/**
 * Indonesia's three time zones. None observes daylight saving, so a fixed offset is exact; both the
 * core and the browser use these to decide "which day" something happened in the office's zone.
 */
export const TIME_ZONES = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
} as const;

export type ZoneLabel = keyof typeof TIME_ZONES;

export const ZONE_OFFSET_HOURS: Record<ZoneLabel, number> = { WIB: 7, WITA: 8, WIT: 9 };

const HOUR = 3600_000;

/** The office's calendar day of an instant, "YYYY-MM-DD". */
export function localDay(at: Date, zone: ZoneLabel): string {
  return new Date(at.getTime() + ZONE_OFFSET_HOURS[zone] * HOUR).toISOString().slice(0, 10);
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The first instant of a local day, as UTC. */
export function dayStart(day: string, zone: ZoneLabel): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - ZONE_OFFSET_HOURS[zone] * HOUR);
}

/** The last instant of a local day, as UTC. */
export function dayEnd(day: string, zone: ZoneLabel): Date {
  return new Date(Date.parse(`${day}T23:59:59.999Z`) - ZONE_OFFSET_HOURS[zone] * HOUR);
}

/** "2026-12-01T09:30" as typed in a datetime-local field, read as the office's local time. */
export function localInputToIso(local: string, zone: ZoneLabel): string {
  return new Date(Date.parse(`${local}:00.000Z`) - ZONE_OFFSET_HOURS[zone] * HOUR).toISOString();
}

/** An instant as a datetime-local value in the office's zone. */
export function isoToLocalInput(iso: string, zone: ZoneLabel): string {
  return new Date(Date.parse(iso) + ZONE_OFFSET_HOURS[zone] * HOUR).toISOString().slice(0, 16);
}

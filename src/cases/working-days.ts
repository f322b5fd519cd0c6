import type { ZoneLabel } from '../time/zones';

const OFFSET_HOURS: Record<ZoneLabel, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** The office's calendar day of an instant, "YYYY-MM-DD". */
export function localDay(at: Date, zone: ZoneLabel): string {
  return new Date(at.getTime() + OFFSET_HOURS[zone] * 3600_000).toISOString().slice(0, 10);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && !holidays.has(day);
}

/** The last instant of a local day, as UTC. */
function endOfDay(day: string, zone: ZoneLabel): Date {
  return new Date(Date.parse(`${day}T23:59:59.999Z`) - OFFSET_HOURS[zone] * 3600_000);
}

/**
 * The deadline of a response target of `days` working days: the end of the `days`-th working day
 * after the day the case came in. A target of 0 means the same day when that is a working day,
 * else the next working day. Weekends and the office's holiday list (national holidays and cuti
 * bersama, which change every year) do not count.
 */
export function dueDate(openedAt: Date, days: number, holidays: ReadonlySet<string>, zone: ZoneLabel): Date {
  let day = localDay(openedAt, zone);
  if (days === 0) {
    while (!isWorkingDay(day, holidays)) day = nextDay(day);
    return endOfDay(day, zone);
  }
  let counted = 0;
  while (counted < days) {
    day = nextDay(day);
    if (isWorkingDay(day, holidays)) counted++;
  }
  return endOfDay(day, zone);
}

export type Urgency = 'overdue' | 'due_today' | 'on_time' | 'none';

export function urgency(due: string | null, open: boolean, now: Date, zone: ZoneLabel): Urgency {
  if (!due || !open) return 'none';
  if (Date.parse(due) < now.getTime()) return 'overdue';
  return localDay(new Date(due), zone) === localDay(now, zone) ? 'due_today' : 'on_time';
}

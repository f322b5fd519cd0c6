import { dayEnd, localDay, nextDay, type ZoneLabel } from '../shared/zones';

export { localDay };

export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && !holidays.has(day);
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
    return dayEnd(day, zone);
  }
  let counted = 0;
  while (counted < days) {
    day = nextDay(day);
    if (isWorkingDay(day, holidays)) counted++;
  }
  return dayEnd(day, zone);
}

export type Urgency = 'overdue' | 'due_today' | 'on_time' | 'none';

export function urgency(due: string | null, open: boolean, now: Date, zone: ZoneLabel): Urgency {
  if (!due || !open) return 'none';
  if (Date.parse(due) < now.getTime()) return 'overdue';
  return localDay(new Date(due), zone) === localDay(now, zone) ? 'due_today' : 'on_time';
}

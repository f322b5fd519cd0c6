import { describe, expect, it } from 'vitest';
import { dueDate, urgency } from './working-days';

// 2026: Christmas Friday 25 Dec is a holiday, with cuti bersama on Thursday 24 Dec.
const holidays = new Set(['2026-12-24', '2026-12-25', '2027-01-01']);
const wib = (iso: string) => new Date(`${iso}+07:00`);
const due = (opened: string, days: number) => dueDate(wib(opened), days, holidays, 'WIB').toISOString();

describe('working-day deadlines', () => {
  it('counts weekdays only', () => {
    expect(due('2026-12-07T10:00:00', 1)).toBe('2026-12-08T16:59:59.999Z'); // Mon → Tue 23:59 WIB
    expect(due('2026-12-11T16:00:00', 1)).toBe('2026-12-14T16:59:59.999Z'); // Fri → Mon
    expect(due('2026-12-11T16:00:00', 3)).toBe('2026-12-16T16:59:59.999Z'); // Fri → Wed
  });

  it('skips the holiday list, and a case opened on a holiday eve waits past the holidays', () => {
    expect(due('2026-12-23T15:00:00', 1)).toBe('2026-12-28T16:59:59.999Z'); // Wed before cuti bersama → Mon 28
    expect(due('2026-12-31T09:00:00', 1)).toBe('2027-01-04T16:59:59.999Z'); // Thu 31 → (Fri 1 Jan holiday) → Mon 4
  });

  it('a case opened on a weekend or holiday starts counting from the next working day', () => {
    expect(due('2026-12-12T09:00:00', 1)).toBe('2026-12-14T16:59:59.999Z'); // Sat → Mon
    expect(due('2026-12-25T09:00:00', 0)).toBe('2026-12-28T16:59:59.999Z'); // same-day target on a holiday → Mon
    expect(due('2026-12-07T09:00:00', 0)).toBe('2026-12-07T16:59:59.999Z'); // same-day target on a Monday
  });

  it('uses the office time zone for "which day"', () => {
    // 23:30 WIB on Monday is already Tuesday in WIT.
    expect(dueDate(wib('2026-12-07T23:30:00'), 1, holidays, 'WIT').toISOString()).toBe('2026-12-09T14:59:59.999Z');
  });

  it('calls a deadline overdue, due today, or on time', () => {
    const d = due('2026-12-07T10:00:00', 1);
    expect(urgency(d, true, wib('2026-12-08T09:00:00'), 'WIB')).toBe('due_today');
    expect(urgency(d, true, wib('2026-12-07T12:00:00'), 'WIB')).toBe('on_time');
    expect(urgency(d, true, wib('2026-12-09T00:00:01'), 'WIB')).toBe('overdue');
    expect(urgency(d, false, wib('2026-12-09T00:00:01'), 'WIB')).toBe('none');
  });
});

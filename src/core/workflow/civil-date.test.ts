import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, chinaDateOf, isCalendarDate } from './civil-date.ts';

describe('civil dates', () => {
  it('adds days exactly, across months, leap years and centuries (checked against Date in the test)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200_000, max: 200_000 }),
        fc.integer({ min: -400, max: 400 }),
        (day, n) => {
          const start = new Date(day * 86_400_000).toISOString().slice(0, 10);
          const expected = new Date((day + n) * 86_400_000).toISOString().slice(0, 10);
          expect(addDays(start, n)).toBe(expected);
        },
      ),
    );
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', 14)).toBe('2025-03-15');
  });

  it('rejects impossible dates and reads instants in China Standard Time', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(chinaDateOf('2025-07-31T15:59:59.000Z')).toBe('2025-07-31');
    expect(chinaDateOf('2025-07-31T16:00:00.000Z')).toBe('2025-08-01');
    expect(chinaDateOf('2025-12-31T16:00:00.000Z')).toBe('2026-01-01');
  });
});

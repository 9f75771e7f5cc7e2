import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, formatIso } from './civil-time.ts';
import { parseTimestamp, timestampSeconds } from './parse-timestamp.ts';

describe('timestamps', () => {
  it('reads ISO 8601 with Z, offsets, a space, optional seconds, and the default offset', () => {
    expect(parseTimestamp('2024-03-01T08:00:00Z', 480)).toBe(Date.UTC(2024, 2, 1, 8) / 1000);
    expect(parseTimestamp('2024-03-01T08:00:00+08:00', 0)).toBe(Date.UTC(2024, 2, 1, 0) / 1000);
    expect(parseTimestamp('2024-03-01 08:00', 480)).toBe(Date.UTC(2024, 2, 1, 0) / 1000);
    expect(parseTimestamp('2024-03-01T08:00:00.000-0130', 0)).toBe(Date.UTC(2024, 2, 1, 9, 30) / 1000);
    expect(timestampSeconds(Date.UTC(2024, 0, 1), 0)).toBe(Date.UTC(2024, 0, 1) / 1000);
  });

  it('rejects malformed and impossible times', () => {
    for (const bad of [
      '',
      'yesterday',
      '2024-02-30T00:00:00Z',
      '2023-02-29T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-01-01T24:00:00Z',
      '2024-01-01T00:00:00.5Z',
      '2024-01-01T00:00:00+15:00',
      '2024-01-01T00:00:00Zjunk',
      '1969-12-31T23:59:59Z',
    ])
      expect(parseTimestamp(bad, 0), bad).toBeNaN();
    for (const bad of [NaN, Infinity, 1.5, 1500, -1000, null, undefined, {}, true])
      expect(timestampSeconds(bad, 0), JSON.stringify(bad) ?? 'undefined').toBeNaN();
  });

  it('round-trips every second and offset through formatIso (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 86400, max: 4102444800 }),
        fc.integer({ min: -720, max: 840 }).map((m) => m - (m % 15)),
        (s, off) => parseTimestamp(formatIso(s, off), 0) === s,
      ),
    );
  });

  it('agrees with the proleptic Gregorian calendar of Date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30000, max: 60000 }), (days) => {
        const d = new Date(days * 86400000);
        const c = civilFromDays(days);
        return (
          c.year === d.getUTCFullYear() &&
          c.month === d.getUTCMonth() + 1 &&
          c.day === d.getUTCDate() &&
          daysFromCivil(c.year, c.month, c.day) === days
        );
      }),
    );
  });
});

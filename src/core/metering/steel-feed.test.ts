import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../services/read-csv.ts';
import { hourAndDayOf } from './buckets.ts';
import { formatDay } from './civil-time.ts';
import { steelFeedReadings, steelFeedTimestamp } from './steel-feed.ts';

const file = resolve(import.meta.dirname, '../../../datasets/steel-industry-energy/Steel_industry_data.csv');

describe('the steel plant feed', () => {
  const table = readCsv(readFileSync(file, 'utf8'));

  it('writes 24:00 as 00:00 of the same date: last in its date block, NSM 0 after 85500', () => {
    const rows = table.rows.map((r) => r.cells);
    const midnights = rows.flatMap((r, i) => (r.date?.endsWith(' 00:00') ? [i] : []));
    expect(midnights).toHaveLength(365);
    for (const i of midnights) {
      const row = rows[i] ?? {};
      const before = rows[i - 1] ?? {};
      const after = rows[i + 1];
      expect(row.NSM).toBe('0');
      expect(before.NSM).toBe('85500');
      // Same date as the 23:45 before it, and the next row (if any) is the following date's 00:15.
      expect(row.date?.slice(0, 10)).toBe(before.date?.slice(0, 10));
      if (after) expect(after.date?.endsWith(' 00:15')).toBe(true);
    }
  });

  it('parses 00:00 as the next day, giving one strictly increasing 15-minute series for 2018', () => {
    expect(steelFeedTimestamp('01/01/2018 00:00', 540)).toBe(Date.UTC(2018, 0, 2) / 1000 - 9 * 3600);
    expect(steelFeedTimestamp('01/01/2018 00:15', 540)).toBe(Date.UTC(2018, 0, 1, 0, 15) / 1000 - 9 * 3600);
    expect(steelFeedTimestamp('31/02/2018 10:00', 540)).toBeNaN();
    const { readings, issues } = steelFeedReadings(table.rows, 540);
    expect(issues).toEqual([]);
    expect(readings).toHaveLength(35040);
    for (let i = 1; i < readings.length; i++)
      expect((readings[i]?.ts ?? 0) - (readings[i - 1]?.ts ?? 0)).toBe(900);
    // The 24:00 reading closes the day it is dated: each local day gets exactly 96 readings.
    const perDay = new Map<string, number>();
    for (const r of readings) {
      const d = formatDay(hourAndDayOf(r.ts, 540).day);
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
    }
    expect(perDay.size).toBe(365);
    expect([...perDay.values()].every((n) => n === 96)).toBe(true);
    expect(perDay.has('2018-01-01') && perDay.has('2018-12-31')).toBe(true);
  });
});

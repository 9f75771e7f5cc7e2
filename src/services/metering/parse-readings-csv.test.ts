import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Meter } from '../../core/metering/meter.ts';
import { createReadingValidator } from '../../core/metering/reading-input.ts';
import { testMeter } from '../../core/metering/test-meter.ts';
import { parseReadingsCsv } from './parse-readings-csv.ts';

const meter = (id: string, key: number, over: Partial<Meter> = {}): Meter => testMeter({ id, key, ...over });

const catalog = new Map<string, Meter>([
  ['m1', meter('m1', 1)],
  ['m2', meter('m2', 2, { kind: 'counter', intervalSeconds: null, utcOffsetMinutes: 0 })],
  ['电表2', meter('电表2', 4, { utcOffsetMinutes: 0 })],
  [
    'gas',
    meter('gas', 3, {
      medium: 'natural-gas-gas-field',
      unit: 'm3',
      intervalSeconds: 3600,
      utcOffsetMinutes: 0,
    }),
  ],
]);
const lookup = (id: string) => catalog.get(id);

/** What the fast and general paths produced: every valid reading with its meter, and every rejection. */
function outcome(text: string | Uint8Array, fused: boolean) {
  const v = createReadingValidator(lookup, 4);
  const parsed = parseReadingsCsv(text, v.check, v.checkSpan, fused ? v.scanCsv : undefined);
  const c = v.columns;
  const meters: string[] = [];
  c.runMeters.forEach((m, r) => {
    for (let i = c.runStarts[r] as number; i < c.runEnd(r); i++) meters.push(m.id);
  });
  return {
    rows: parsed.rows,
    readings: Array.from({ length: c.count }, (_, i) => [c.index[i], meters[i], c.ts[i], c.value[i]]),
    rejections: [...parsed.rejections, ...v.rejections]
      .map((r) => [r.index, r.reason, r.field])
      .sort((a, b) => (a[0] as number) - (b[0] as number)),
  };
}

/** The reference: every row split by hand and checked alone, by a validator with no caches to share. */
function reference(text: string) {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const header = (lines.shift() ?? '').replace(/\r$/, '').split(',');
  const readings: unknown[][] = [];
  const rejections: unknown[][] = [];
  let index = 0;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (line === '') continue;
    const cells = line.split(',');
    if (cells.length !== header.length) rejections.push([index, 'malformed', '(row)']);
    else {
      const v = createReadingValidator(lookup, 4);
      const cell = (name: string) => cells[header.indexOf(name)];
      const unit = header.includes('unit') && cell('unit') !== '' ? cell('unit') : undefined;
      v.check(index, cell('meter'), cell('ts'), cell('value'), unit);
      for (const r of v.rejections) rejections.push([r.index, r.reason, r.field]);
      if (v.columns.count === 1)
        readings.push([index, v.columns.runMeters[0]?.id, v.columns.ts[0], v.columns.value[0]]);
    }
    index++;
  }
  return { rows: index, readings, rejections };
}

const meterIds = fc.constantFrom(
  'm1',
  'm1',
  'm1',
  'm1',
  'm1',
  'm2',
  '电表2',
  '电表2',
  '电表',
  'gas',
  'nope',
  '',
);
const timestamps = fc.oneof(
  // on the 15-minute grid, UTC, the form the fused path takes
  fc
    .record({
      day: fc.constantFrom(1, 15, 28, 29, 30, 31, 0, 32),
      month: fc.constantFrom(1, 2, 4, 12, 0, 13),
      year: fc.constantFrom(1969, 1970, 2024, 2024, 2105, 2106),
      h: fc.constantFrom(0, 7, 23, 24, 25),
      q: fc.constantFrom(0, 15, 30, 45, 7, 60),
      s: fc.constantFrom(0, 0, 0, 30, 60),
    })
    .map(
      ({ year, month, day, h, q, s }) =>
        `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(q).padStart(2, '0')}:${String(s).padStart(2, '0')}Z`,
    ),
  fc.constantFrom(
    '2024-03-01T08:00:00+08:00',
    '2024-03-01T08:00+08:00',
    '2024-03-01 08:15:00',
    '2024-03-01T08:00:00.000Z',
    '2024-03-01T08:00:00.5Z',
    '2024-0a-01T08:00:00Z',
    '2024-03-01T08:00:00z',
    '1709251200000',
    '',
    'yesterday',
  ),
);
const values = fc.oneof(
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => x.toFixed(2)),
  fc.constantFrom('-1.5', '1e3', '.5', '5.', '', 'NaN', '1234567890123456', '123456789012345', '0.1', '00'),
);
const units = fc.constantFrom(undefined, 'kWh', 'kWh', 'MWh', 'm3', 'kg', '');

const rows = fc.array(
  fc.record({
    meter: meterIds,
    ts: timestamps,
    value: values,
    unit: units,
    cells: fc.constantFrom(0, 0, 0, 0, 0, 0, 1, -1),
    end: fc.constantFrom('\n', '\n', '\r\n', '\n\n'),
  }),
  { maxLength: 40 },
);

describe('parseReadingsCsv: the fused fast path decides every row as the general path does', () => {
  for (const withUnit of [false, true]) {
    it(`${withUnit ? 'meter,ts,value,unit' : 'meter,ts,value'}: same readings, rejections and row count`, () => {
      fc.assert(
        fc.property(rows, fc.boolean(), (list, lastNewline) => {
          let text = withUnit ? 'meter,ts,value,unit\n' : 'meter,ts,value\n';
          list.forEach((r, i) => {
            const cells = [r.meter, r.ts, r.value];
            if (withUnit) cells.push(r.unit ?? '');
            if (r.cells > 0) cells.push('x');
            if (r.cells < 0) cells.pop();
            text += cells.join(',') + (i < list.length - 1 || lastNewline ? r.end : '');
          });
          const fused = outcome(text, true);
          expect(fused).toEqual(outcome(text, false));
          expect(fused).toEqual(reference(text));
          // The body as a request brings it: bytes, with or without a byte order mark.
          const bytes = new TextEncoder().encode(text);
          expect(outcome(bytes, true)).toEqual(fused);
          expect(outcome(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), true)).toEqual(fused);
          expect(outcome(bytes, false)).toEqual(fused);
        }),
        { numRuns: 1000 },
      );
    });
  }

  it('takes the documented order in one scan: a clean feed never reaches the per-row path', () => {
    const v = createReadingValidator(lookup, 4);
    let perRow = 0;
    const lines = ['meter,ts,value'];
    for (let i = 0; i < 96; i++)
      lines.push(
        `m1,2024-03-01T${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00Z,${i}.25`,
      );
    const parsed = parseReadingsCsv(
      lines.join('\n'),
      v.check,
      (...args) => {
        perRow++;
        v.checkSpan(...args);
      },
      v.scanCsv,
    );
    expect(parsed.rows).toBe(96);
    expect(v.columns.count).toBe(96);
    // The first row fills the meter cache; the scan takes every row after it.
    expect(perRow).toBe(1);
    expect(v.columns.value[95]).toBe(95.25);
    expect(v.columns.ts[4]).toBe(Date.UTC(2024, 2, 1, 1) / 1000);
  });

  it('a unit whose row was rejected before its unit was read is not taken for the unit before', () => {
    // Row 1 (MWh) fails on its timestamp, so its factor was never worked out; row 2 (MWh) must
    // be converted at 1000, not at the kWh factor of row 0.
    const text = [
      'meter,ts,value,unit',
      'm1,2024-03-01T00:00:00Z,1,kWh',
      'm1,not-a-time,2,MWh',
      'm1,2024-03-01T00:15:00Z,3,MWh',
    ].join('\n');
    const fused = outcome(text, true);
    expect(fused.readings.map((r) => r[3])).toEqual([1, 3000]);
    expect(fused).toEqual(reference(text));
  });
});

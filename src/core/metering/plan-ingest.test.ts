import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterDelta } from './counter-delta.ts';
import { meterState, planIngest, planIngestReference, type MeterState } from './plan-ingest.ts';
import { createReadingValidator, ReadingColumns } from './reading-input.ts';
import { testMeter } from './test-meter.ts';

const meter = testMeter;

const t0 = Date.UTC(2024, 0, 1) / 1000 - 8 * 3600; // 2024-01-01T00:00+08:00

function ingest(state: MeterState, readings: readonly { ts: number; value: number }[]) {
  const cols = new ReadingColumns();
  readings.forEach((r, i) => cols.push(i, state.meter, r.ts, r.value));
  return planIngest(cols, () => state);
}

const daySum = (plan: ReturnType<typeof ingest>) => {
  let s = 0;
  for (let i = 0; i < plan.parts.day.count; i++) s += plan.parts.day.sum[i] as number;
  return s;
};
const monthSum = (plan: ReturnType<typeof ingest>) => {
  let s = 0;
  for (let i = 0; i < plan.parts.month.count; i++) s += plan.parts.month.sum[i] as number;
  return s;
};

describe('counter deltas', () => {
  it('counts normal steps, rollovers at the modulus and resets', () => {
    expect(counterDelta(100, 150, null)).toEqual({ delta: 50, step: 'normal' });
    expect(counterDelta(99_990, 15, 100_000)).toEqual({ delta: 25, step: 'rollover' });
    expect(counterDelta(5_000, 15, 100_000)).toEqual({ delta: 15, step: 'reset' });
    expect(counterDelta(5_000, 15, null)).toEqual({ delta: 15, step: 'reset' });
  });
});

describe('planning a batch', () => {
  it('stores a (meter, ts) once: the same value again is a duplicate, another value a conflict', () => {
    const st = meterState(meter());
    const first = ingest(st, [
      { ts: t0 + 900, value: 1 },
      { ts: t0 + 1800, value: 2 },
    ]);
    expect(first.stored.count).toBe(2);
    const again = ingest(st, [
      { ts: t0 + 900, value: 1 },
      { ts: t0 + 1800, value: 3 },
      { ts: t0 + 1800, value: 2 },
    ]);
    expect(again.stored.count).toBe(0);
    expect(again.duplicates).toBe(2);
    expect(again.conflicts).toEqual([
      expect.objectContaining({ index: 1, reason: 'conflict', field: 'value', value: 3, stored: 2 }),
    ]);
    expect(Array.from(st.series.values.subarray(0, st.series.length))).toEqual([1, 2]);
  });

  it('assigns the reading stamped 24:00 to the day it closes', () => {
    const st = meterState(meter());
    const plan = ingest(st, [
      { ts: t0 + 86400 - 900, value: 1 },
      { ts: t0 + 86400, value: 2 },
      { ts: t0 + 86400 + 900, value: 4 },
    ]);
    expect(plan.parts.day.count).toBe(2);
    expect(plan.parts.day.sum[0]).toBe(3);
    expect(plan.parts.day.sum[1]).toBe(4);
  });

  it('flags gaps and spikes of an interval meter, and stores them all the same', () => {
    const st = meterState(meter());
    const readings = Array.from({ length: 200 }, (_, i) => ({ ts: t0 + 900 * (i + 1), value: 10 + (i % 3) }));
    readings.push({ ts: t0 + 900 * 205, value: 11 }, { ts: t0 + 900 * 206, value: 5000 });
    const plan = ingest(st, readings);
    expect(plan.stored.count).toBe(202);
    expect(plan.flags.map((f) => f.kind)).toEqual(['gap', 'spike']);
    expect(plan.flags[0]?.detail).toContain('4 interval(s) missing');
  });

  it('detects counter rollover and reset and counts the use across them', () => {
    const st = meterState(meter({ kind: 'counter', rolloverAt: 1000, intervalSeconds: null }));
    const plan = ingest(st, [
      { ts: t0 + 3600, value: 900 },
      { ts: t0 + 7200, value: 990 },
      { ts: t0 + 10800, value: 10 },
      { ts: t0 + 14400, value: 40 },
      { ts: t0 + 18000, value: 5 },
    ]);
    expect(daySum(plan)).toBe(90 + 20 + 30 + 5);
    expect(plan.flags.map((f) => f.kind)).toEqual(['rollover', 'reset']);
  });

  it('gives the same rollups and series whatever the arrival order and duplication (property)', () => {
    const arb = fc.record({
      kind: fc.constantFrom<'interval' | 'counter'>('interval', 'counter'),
      values: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }),
      order: fc.array(fc.nat(), { minLength: 1, maxLength: 120 }),
    });
    fc.assert(
      fc.property(arb, ({ kind, values, order }) => {
        // A counter's register only grows: take running sums; the series is hourly.
        let acc = 0;
        const truth = values.map((v, i) => ({
          ts: t0 + 3600 * (i + 1),
          value: kind === 'counter' ? (acc += v) : v,
        }));
        const arrivals = [...truth, ...order.map((k) => truth[k % truth.length] as (typeof truth)[number])];
        // Shuffle deterministically by the order array.
        arrivals.sort((a, b) => ((a.ts * 7919 + order.length) % 101) - ((b.ts * 7919 + order.length) % 101));
        const st = meterState(meter({ kind, intervalSeconds: kind === 'counter' ? null : 3600 }));
        let days = 0;
        let months = 0;
        let stored = 0;
        for (let i = 0; i < arrivals.length; i += 7) {
          const plan = ingest(st, arrivals.slice(i, i + 7));
          days += daySum(plan);
          months += monthSum(plan);
          stored += plan.stored.count;
          if (plan.conflicts.length > 0) return false;
        }
        const expected =
          kind === 'interval'
            ? values.reduce((a, b) => a + b, 0)
            : values.slice(1).reduce((a, b) => a + b, 0);
        const ts = Array.from(st.series.ts.subarray(0, st.series.length));
        return (
          stored === truth.length &&
          ts.every((t, i) => t === truth[i]?.ts) &&
          Math.abs(days - expected) < 1e-6 &&
          Math.abs(months - expected) < 1e-6
        );
      }),
    );
  });
});

describe('the loop for interval readings in time order', () => {
  const partsOf = (p: ReturnType<typeof planIngest>['parts']['day']) =>
    Array.from({ length: p.count }, (_, i) => [p.meter[i], p.bucket[i], p.sum[i], p.n[i]]);
  it('plans exactly what the general loop plans: series, parts, flags, duplicates (property)', () => {
    const arb = fc.record({
      interval: fc.constantFrom(900, 3600),
      // Steps of whole intervals (0: a repeat, so the general loop takes over; >1: a gap) and values
      // with now and then a spike.
      steps: fc.array(
        fc.record({
          step: fc.nat({ max: 30 }),
          value: fc.integer({ min: 0, max: 400 }),
          spike: fc.boolean(),
        }),
        { minLength: 1, maxLength: 300 },
      ),
      earlier: fc.nat({ max: 5 }),
      cut: fc.nat(),
    });
    fc.assert(
      fc.property(arb, ({ interval, steps, earlier, cut }) => {
        const m = meter({ intervalSeconds: interval });
        let ts = t0 + interval * 40;
        const readings = steps.map(({ step, value, spike }) => {
          ts += interval * (step > 25 ? step - 24 : Math.min(step, 1));
          return { ts, value: spike ? value * 50 + 1000 : value / 4 };
        });
        // A few readings from before the first one, out of order, in the middle of the batch.
        const at = cut % (readings.length + 1);
        for (let e = 1; e <= earlier; e++)
          readings.splice(at, 0, { ts: t0 + interval * (40 - 3 * e), value: e });
        const states = [meterState(m), meterState(m)];
        // Two batches, so that the second starts from a series with readings in it.
        const half = Math.floor(readings.length / 2);
        return [readings.slice(0, half), readings.slice(half)].every((batch) => {
          const cols = () => {
            const c = new ReadingColumns();
            batch.forEach((r, i) => c.push(i, m, r.ts, r.value));
            return c;
          };
          const fast = planIngest(cols(), () => states[0] as MeterState);
          const ref = planIngestReference(cols(), () => states[1] as MeterState);
          const [a, b] = states as [MeterState, MeterState];
          expect(Array.from(a.series.ts.subarray(0, a.series.length))).toEqual(
            Array.from(b.series.ts.subarray(0, b.series.length)),
          );
          expect(Array.from(a.series.values.subarray(0, a.series.length))).toEqual(
            Array.from(b.series.values.subarray(0, b.series.length)),
          );
          expect([a.mean, a.variance, a.seen]).toEqual([b.mean, b.variance, b.seen]);
          for (const g of ['hour', 'day', 'month'] as const)
            expect(partsOf(fast.parts[g])).toEqual(partsOf(ref.parts[g]));
          expect(fast.flags).toEqual(ref.flags);
          expect(fast.duplicates).toBe(ref.duplicates);
          expect(fast.conflicts).toEqual(ref.conflicts);
          expect(Array.from(fast.stored.ts.subarray(0, fast.stored.count))).toEqual(
            Array.from(ref.stored.ts.subarray(0, ref.stored.count)),
          );
          return true;
        });
      }),
    );
  });
});

describe('checking raw readings', () => {
  const m = meter();
  const lookup = (id: string) => (id === 'm1' ? m : undefined);

  it('names the index, reason and field of every bad reading and keeps the valid ones', () => {
    const v = createReadingValidator(lookup);
    const ok = '2024-01-01T00:15:00+08:00';
    v.check(0, 'm1', ok, 1.5, undefined);
    v.check(1, 'nope', ok, 1, undefined);
    v.check(2, 'm1', '2024-01-01T25:00:00+08:00', 1, undefined);
    v.check(3, 'm1', ok, Number.NaN, undefined);
    v.check(4, 'm1', ok, 'Infinity', undefined);
    v.check(5, 'm1', ok, 1, 'm3');
    v.check(6, 'm1', '2024-01-01T00:10:00+08:00', 1, undefined);
    v.check(7, 'm1', ok, -1, undefined);
    v.check(8, undefined, ok, 1, undefined);
    v.check(9, 'm1', '2024-01-01T00:30:00+08:00', 0.002, 'MWh');
    expect(v.columns.count).toBe(2);
    expect(v.columns.value[1]).toBeCloseTo(2);
    expect(v.rejections.map((r) => [r.index, r.reason, r.field])).toEqual([
      [1, 'unknown-meter', 'meter'],
      [2, 'timestamp', 'ts'],
      [3, 'not-finite', 'value'],
      [4, 'not-finite', 'value'],
      [5, 'unit', 'unit'],
      [6, 'misaligned', 'ts'],
      [7, 'negative', 'value'],
      [8, 'malformed', 'meter'],
    ]);
  });

  it('reads the same value in place as Number() does, for any decimal text (property)', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 6 })),
        ([mant, dec]) => {
          const text = dec === 0 ? String(mant) : (mant / 10 ** dec).toFixed(dec);
          const v = createReadingValidator(lookup);
          const row = `m1,2024-01-01T00:15:00+08:00,${text}`;
          v.checkSpan(0, row, 0, 2, 3, 28, 29, row.length, -1, -1);
          v.checkSpan(1, row, 0, 2, 3, 28, 29, row.length, -1, -1);
          return v.columns.value[1] === Number(text) && v.columns.value[0] === Number(text);
        },
      ),
    );
  });

  it('rejects malformed rows of any shape without throwing (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (a, b, c, d) => {
        const v = createReadingValidator(lookup);
        v.check(0, a, b, c, d);
        return v.columns.count + v.rejections.length === 1;
      }),
    );
  });
});

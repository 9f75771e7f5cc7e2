import type { RollupRow, StoredSeries } from '../../core/ports.ts';

/** Splits columns of readings sorted by (meter, ts) into one series per meter (both stores' loadSeries). */
export function seriesByMeter(
  meter: readonly number[],
  ts: readonly number[],
  value: readonly number[],
): StoredSeries {
  const out: StoredSeries = new Map();
  let start = 0;
  for (let i = 1; i <= meter.length; i++) {
    if (i === meter.length || meter[i] !== meter[start]) {
      out.set(meter[start] as number, {
        ts: Uint32Array.from(ts.slice(start, i)),
        values: Float64Array.from(value.slice(start, i)),
      });
      start = i;
    }
  }
  return out;
}

/** Rollup rows from result columns grain, meter, bucket, sum, n. */
export function rollupRows(columns: readonly (readonly number[])[]): RollupRow[] {
  const [grain = [], meter = [], bucket = [], sum = [], n = []] = columns;
  return grain.map((g, i) => ({
    grain: g,
    meter: meter[i] as number,
    bucket: bucket[i] as number,
    sum: sum[i] as number,
    n: n[i] as number,
  }));
}

import { describe, expect, it } from 'vitest';
import { RollupParts } from '../../core/metering/rollup-parts.ts';
import type { TelemetryBatch } from '../../core/metering/telemetry-batch.ts';
import { telemetryBackends } from './test-telemetry-backends.ts';

function batch(
  meter: number,
  ts: number[],
  values: number[],
  parts: [number, number, number, number][] = [],
): TelemetryBatch {
  const p = new RollupParts();
  for (const [grain, bucket, sum, n] of parts) p.add(grain, meter, bucket, sum, n);
  return {
    readings: {
      count: ts.length,
      meter: Uint32Array.from(ts.map(() => meter)),
      ts: Uint32Array.from(ts),
      value: Float64Array.from(values),
    },
    parts: [p],
    flags: [{ meter, ts: ts[0] ?? 0, kind: 'gap', detail: 'test' }],
  };
}

describe.each(telemetryBackends)('telemetry store contract on $name', (backend) => {
  it('stores readings, sums rollup parts, keeps flags, and has it all after a reopen', async () => {
    const { telemetry, reopen, dispose } = await backend.open();
    try {
      expect(await telemetry.meterKeysWithReadings()).toEqual(new Set());
      await telemetry.commit(
        batch(
          7,
          [300, 100, 200],
          [3, 1, 2],
          [
            [1, 19000, 6, 3],
            [2, 648, 6, 3],
          ],
        ),
      );
      await telemetry.commit(batch(9, [100], [5], [[1, 19000, 5, 1]]));
      await telemetry.commit(
        batch(
          7,
          [400],
          [4],
          [
            [1, 19000, 4, 1],
            [1, 19001, -1, -1],
            [0, 456000, 4, 1],
          ],
        ),
      );
      const series = await telemetry.loadSeries([7, 9, 11]);
      expect(Array.from(series.get(7)?.ts ?? [])).toEqual([100, 200, 300, 400]);
      expect(Array.from(series.get(7)?.values ?? [])).toEqual([1, 2, 3, 4]);
      expect(series.has(11)).toBe(false);
      const rollups = await telemetry.loadRollups();
      expect(rollups.filter((r) => r.meter === 7 && r.bucket === 19000)).toEqual([
        { grain: 1, meter: 7, bucket: 19000, sum: 10, n: 4 },
      ]);
      expect(rollups.some((r) => r.grain === 0)).toBe(false);
      expect(await telemetry.rollupRange(7, 0, 455000, 457000)).toEqual([
        { grain: 0, meter: 7, bucket: 456000, sum: 4, n: 1 },
      ]);
      expect(await telemetry.readings(7, 200, 400)).toEqual([
        { ts: 200, value: 2 },
        { ts: 300, value: 3 },
      ]);
      expect(await telemetry.flags(7, 0, 1000)).toHaveLength(2);
      await telemetry.close();
      const again = await reopen();
      try {
        expect(await again.meterKeysWithReadings()).toEqual(new Set([7, 9]));
        expect((await again.loadRollups([9]))[0]).toEqual({
          grain: 1,
          meter: 9,
          bucket: 19000,
          sum: 5,
          n: 1,
        });
        expect(await again.sizeOnDisk()).toBeGreaterThan(0);
      } finally {
        await again.close();
      }
    } finally {
      dispose();
    }
  });

  it('commits a batch of more than one data chunk atomically', async () => {
    const { telemetry, dispose } = await backend.open();
    try {
      const n = 5000;
      const ts = Array.from({ length: n }, (_, i) => 1000 + i);
      await telemetry.commit(
        batch(
          1,
          ts,
          ts.map((t) => t / 10),
        ),
      );
      const s = (await telemetry.loadSeries([1])).get(1);
      expect(s?.ts.length).toBe(n);
      expect(s?.values[4999]).toBe(599.9);
      await telemetry.close();
    } finally {
      dispose();
    }
  });
});

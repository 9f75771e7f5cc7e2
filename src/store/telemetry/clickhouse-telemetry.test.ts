import { describe, expect, it } from 'vitest';
import { RollupParts } from '../../core/metering/rollup-parts.ts';
import type { TelemetryBatch } from '../../core/metering/telemetry-batch.ts';
import { openClickhouseTelemetry, parseClickhouseUrl } from './clickhouse-telemetry.ts';

describe('GREENMFG_TELEMETRY_URL', () => {
  it('reads host, port, database, cluster and quorum, and names the variable (never the password) when wrong', () => {
    expect(
      parseClickhouseUrl('clickhouse://u:s%40cret@10.0.0.5:8123/telemetry?cluster=national&quorum=3'),
    ).toEqual({
      httpUrl: 'http://10.0.0.5:8123',
      database: 'telemetry',
      cluster: 'national',
      quorum: 3,
      user: 'u',
      password: 's@cret',
    });
    expect(parseClickhouseUrl('clickhouse://h/db?cluster=c')).toMatchObject({
      httpUrl: 'http://h:8123',
      quorum: 2,
    });
    for (const bad of [
      'http://h/db?cluster=c',
      'clickhouse://h/db',
      'clickhouse://h/?cluster=c',
      'clickhouse://u:pw@h/d-b?cluster=c',
    ])
      expect(() => parseClickhouseUrl(bad)).toThrow(
        expect.objectContaining({ code: 'GM_CONFIG', details: { field: 'GREENMFG_TELEMETRY_URL' } }) as Error,
      );
    expect(() => parseClickhouseUrl('clickhouse://u:pw@h/d-b?cluster=c')).not.toThrow(/pw/);
  });
});

const url = process.env.GREENMFG_TEST_CLICKHOUSE;

function batchOf(meters: number[], hours: number, value: (m: number, h: number) => number): TelemetryBatch {
  const count = meters.length * hours;
  const meter = new Uint32Array(count);
  const ts = new Uint32Array(count);
  const values = new Float64Array(count);
  const parts = new RollupParts();
  let i = 0;
  for (const m of meters)
    for (let h = 1; h <= hours; h++) {
      const t = 1_700_000_000 + h * 3600;
      const v = value(m, h);
      meter[i] = m;
      ts[i] = t;
      values[i] = v;
      parts.add(1, m, Math.floor((t - 1) / 86400), v, 1);
      i++;
    }
  return { readings: { count, meter, ts, value: values }, parts: [parts], flags: [] };
}

describe.skipIf(!url)('ClickHouse telemetry store on the test cluster', () => {
  const fresh = () => {
    const base = parseClickhouseUrl(url as string);
    return { ...base, database: `x${process.pid}_${Date.now().toString(36)}` };
  };

  it('stores a batch sent twice once: readings and rollup sums (a retry after an unknown outcome)', async () => {
    const telemetry = await openClickhouseTelemetry(fresh());
    try {
      const b = batchOf([1, 2, 3, 4], 48, (m, h) => m * 100 + h);
      await telemetry.commit(b);
      await telemetry.commit(b);
      const series = await telemetry.loadSeries([1, 2, 3, 4]);
      expect([...series.values()].map((s) => s.ts.length)).toEqual([48, 48, 48, 48]);
      const sums = await telemetry.loadRollups();
      const total = sums.reduce((s, r) => s + r.sum, 0);
      expect(total).toBe([1, 2, 3, 4].reduce((s, m) => s + 48 * m * 100 + (48 * 49) / 2, 0));
      expect(sums.reduce((n, r) => n + r.n, 0)).toBe(4 * 48);
    } finally {
      await telemetry.close();
    }
  });

  it('keeps floats bit for bit and reads the same through every node of the cluster', async () => {
    const location = fresh();
    const telemetry = await openClickhouseTelemetry(location);
    const bits = (x: number) => Buffer.from(Float64Array.of(x).buffer).toString('hex');
    try {
      let seed = 7;
      const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 1e6 + 1 / 3;
      const b = batchOf([10, 11, 12, 13, 14], 2000, () => rand());
      await telemetry.commit(b);
      for (const port of [0, 1, 2, 3]) {
        const base = new URL(location.httpUrl);
        const node = await openClickhouseTelemetry({
          ...location,
          httpUrl: `http://127.0.0.1:${Number(base.port) + port}`,
        });
        try {
          const series = await node.loadSeries([10, 11, 12, 13, 14]);
          const got = [...series.values()].flatMap((s) => Array.from(s.values, bits));
          expect(got).toEqual(Array.from(b.readings.value, bits));
        } finally {
          await node.close();
        }
      }
    } finally {
      await telemetry.close();
    }
  });
});

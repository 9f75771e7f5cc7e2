import { describe, expect, it, onTestFinished } from 'vitest';
import { GmError } from '../../core/errors.ts';
import type { Telemetry } from '../../core/ports.ts';
import { testBackends } from '../../store/contract/test-backends.ts';
import { telemetryBackends, type TelemetryBackend } from '../../store/telemetry/test-telemetry-backends.ts';
import { createMeteringService, type MeteringService } from './metering-service.ts';

// The metering service's semantics end to end over each telemetry store (DuckDB always, the
// ClickHouse cluster under `npm run test:cluster`): dedupe and conflicts, counter deltas, rollups and
// the monthly accounting feed, and all of it again after the service is re-created over the same
// store (a restart). Every case opens a store of its own (on ClickHouse a database of its own), so
// meter keys never collide between cases. Expected figures are worked out by hand in the comments.

/** Epoch seconds of a Beijing local time "YYYY-MM-DDTHH:MM" (every meter here is on UTC+8). */
const at = (local: string) => Date.parse(`${local}:00+08:00`) / 1000;
const iso = (local: string) => `${local}:00+08:00`;
const item = (meter: string, local: string, value: number) => ({ meter, ts: iso(local), value });

/** The service over a fresh telemetry store and a fresh registry (SQLite), and a way to restart it. */
async function openMetering(backend: TelemetryBackend, wrap: (t: Telemetry) => Telemetry = (t) => t) {
  const registry = await (testBackends[0] as (typeof testBackends)[number]).open();
  const opened = await backend.open();
  let telemetry: Telemetry = opened.telemetry;
  let service = await createMeteringService({ meters: registry.meters, telemetry: wrap(telemetry) });
  onTestFinished(async () => {
    await service.drain();
    await telemetry.close();
    opened.dispose();
    await registry.close();
  });
  return {
    service: () => service,
    /** Drops the service and its store connection, and opens both again over what is stored. */
    async restart(): Promise<MeteringService> {
      await service.drain();
      await telemetry.close();
      telemetry = await opened.reopen();
      service = await createMeteringService({ meters: registry.meters, telemetry });
      return service;
    },
  };
}

const interval = (id: string, factoryId: string, intervalSeconds: number) => ({
  id,
  factoryId,
  medium: 'electricity',
  unit: 'kWh',
  kind: 'interval',
  intervalSeconds,
});

/** A natural-gas counter in Nm3 whose six-digit register wraps at 100000. */
const gasCounter = (id: string, factoryId: string) => ({
  id,
  factoryId,
  medium: 'natural-gas-gas-field',
  unit: 'Nm3',
  kind: 'counter',
  rolloverAt: 100000,
});

describe.each(telemetryBackends)('metering service contract on $name', (backend) => {
  it('commits batches that arrive together in one store commit, each answered with its own report', async () => {
    let commits = 0;
    const m = await openMetering(backend, (t) => ({
      ...t,
      commit(batch) {
        commits++;
        return t.commit(batch);
      },
    }));
    const svc = m.service();
    for (let g = 0; g < 6; g++) await svc.addMeter(interval(`g${g}`, `f${g % 2}`, 900));
    await svc.ingestItems([item('g0', '2023-05-01T00:15', 1)]);
    commits = 0;
    // Twelve requests at once: two per meter, the second re-sending the first's last reading with
    // another value (a conflict) and one new reading; g0's first also re-sends the stored reading.
    const at15 = (k: number) =>
      `2023-05-01T${String(Math.floor(k / 4)).padStart(2, '0')}:${String((k % 4) * 15).padStart(2, '0')}`;
    const requests = [0, 1, 2, 3, 4, 5].flatMap((g) => [
      [item(`g${g}`, at15(1), 1), item(`g${g}`, at15(2), g), item(`g${g}`, at15(3), g + 0.5)],
      [item(`g${g}`, at15(3), 99), item(`g${g}`, at15(4), 10 * g)],
    ]);
    const reports = await Promise.all(requests.map((r) => svc.ingestItems(r)));
    expect(commits).toBeLessThan(requests.length);
    reports.forEach((r, i) => {
      const g = Math.floor(i / 2);
      if (i % 2 === 0)
        expect(r).toMatchObject({
          received: 3,
          stored: g === 0 ? 2 : 3,
          duplicates: g === 0 ? 1 : 0,
          rejected: [],
        });
      else {
        expect(r).toMatchObject({ received: 2, stored: 1, duplicates: 0 });
        expect(r.rejected).toEqual([
          expect.objectContaining({ index: 0, reason: 'conflict', stored: g + 0.5 }),
        ]);
      }
    });
    for (let g = 0; g < 6; g++)
      expect(await svc.meterRollups(`g${g}`, 'day', '2023-05-01', '2023-05-01')).toEqual([
        { bucket: '2023-05-01', sum: 1 + g + (g + 0.5) + 10 * g, readings: 4 },
      ]);
    const restarted = await m.restart();
    expect(
      (await restarted.readings('g5', at('2023-05-01T00:00'), at('2023-05-02T00:00'))).map((r) => r.value),
    ).toEqual([1, 5, 5.5, 50]);
  });

  it('plans a batch while the one before commits, and fails every batch planned on a commit that failed', async () => {
    // The store's first commit waits for the test, then fails as an unreachable store would.
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => (release = r));
    let commits = 0;
    const m = await openMetering(backend, (t) => ({
      ...t,
      async commit(batch) {
        if (++commits > 1) return t.commit(batch);
        await gate;
        throw new GmError('GM_TELEMETRY_UNAVAILABLE', 'injected: the store is unreachable', {
          retryable: true,
        });
      },
    }));
    const svc = m.service();
    await svc.addMeter(interval('p1', 'f1', 900));
    await svc.addMeter(interval('p2', 'f1', 900));
    const quarter = (k: number) =>
      `2023-03-01T${String(Math.floor(k / 4)).padStart(2, '0')}:${String((k % 4) * 15).padStart(2, '0')}`;
    const run = (meter: string, from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => item(meter, quarter(from + i + 1), from + i + 1));
    // a: p1 1..10; b: p1 6..15 (6..10 already in a's plan); c: p2 1..5. All three are planned
    // before a's commit fails: b counts a's readings as stored, c only follows it.
    const a = svc.ingestItems(run('p1', 0, 10));
    const b = svc.ingestItems(run('p1', 5, 15));
    const c = svc.ingestItems(run('p2', 0, 5));
    await new Promise((r) => setTimeout(r, 300));
    release();
    const outcomes = await Promise.allSettled([a, b, c]);
    for (const o of outcomes) {
      expect(o.status).toBe('rejected');
      expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'GM_TELEMETRY_UNAVAILABLE' });
    }
    // Nothing was acknowledged, so nothing may be counted as stored: b again stores all ten.
    expect(await svc.ingestItems(run('p1', 5, 15))).toMatchObject({ stored: 10, duplicates: 0 });
    expect(await svc.ingestItems(run('p2', 0, 5))).toMatchObject({ stored: 5, duplicates: 0 });
    const day = (meter: string) => svc.meterRollups(meter, 'day', '2023-03-01', '2023-03-01');
    expect(await day('p1')).toEqual([{ bucket: '2023-03-01', sum: 105, readings: 10 }]); // 6 + ... + 15
    expect(await day('p2')).toEqual([{ bucket: '2023-03-01', sum: 15, readings: 5 }]);
    // a's retry stores 1..5 and finds 6..10 stored; the readings are exactly 1..15.
    expect(await svc.ingestItems(run('p1', 0, 10))).toMatchObject({ stored: 5, duplicates: 5 });
    const stored = await svc.readings('p1', at('2023-03-01T00:00'), at('2023-03-02T00:00'));
    expect(stored.map((r) => r.value)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(await day('p1')).toEqual([{ bucket: '2023-03-01', sum: 120, readings: 15 }]);
  });

  it('reuses the buffers of a batch only once it has committed: a batch read during a commit keeps its own readings', async () => {
    // While the store commits b0's first batch, b1's batch is read: its columns must not be the
    // buffers of the batch being committed (they go back to the pool only after its commit).
    let during: (() => Promise<unknown>) | undefined;
    let second: Promise<unknown> | undefined;
    const m = await openMetering(backend, (t) => ({
      ...t,
      commit(batch) {
        const d = during;
        during = undefined;
        if (d) second = d();
        return t.commit(batch);
      },
    }));
    const svc = m.service();
    await svc.addMeter(interval('b0', 'f1', 3600));
    await svc.addMeter(interval('b1', 'f1', 3600));
    const t0 = Date.UTC(2015, 0, 1) / 1000;
    const n = 70_000; // 16 bytes a reading: over the 1 MB from which buffers are pooled
    const hourIso = (h: number) => `${new Date((t0 + h * 3600) * 1000).toISOString().slice(0, 19)}Z`;
    const v0 = (h: number) => (h % 1000) / 4;
    const v1 = (h: number) => 100 + (h % 77); // shorter rows than b0's: its columns fit in b0's buffers
    const csv = (meter: string, from: number, value: (h: number) => number) => {
      const rows = ['meter,ts,value'];
      for (let h = from; h < from + n; h++) rows.push(`${meter},${hourIso(h + 1)},${value(h + 1)}`);
      return Buffer.from(`${rows.join('\n')}\n`);
    };
    during = () => svc.ingestCsv(csv('b1', 0, v1));
    expect(await svc.ingestCsv(csv('b0', 0, v0))).toMatchObject({ stored: n, rejected: [] });
    expect(second).toBeDefined();
    expect(await second).toMatchObject({ stored: n, rejected: [] });
    // And a batch after both, in buffers given back by them.
    expect(await svc.ingestCsv(csv('b0', n, v0))).toMatchObject({ stored: n, rejected: [] });
    const window = async (meter: string, h: number) =>
      (await svc.readings(meter, t0 + h * 3600, t0 + (h + 48) * 3600)).map((r) => r.value);
    const expected = (value: (h: number) => number, h: number) =>
      Array.from({ length: 48 }, (_, i) => value(h + i));
    for (const h of [1, n - 20, n + 1, 2 * n - 47]) expect(await window('b0', h)).toEqual(expected(v0, h));
    for (const h of [1, n / 2, n - 47]) expect(await window('b1', h)).toEqual(expected(v1, h));
  });

  it('a re-sent reading is a duplicate and a differing one a conflict: in a batch, across batches, after a restart', async () => {
    const m = await openMetering(backend);
    let svc = m.service();
    await svc.addMeter(interval('e1', 'f1', 900));
    const first = await svc.ingestItems([
      item('e1', '2023-01-01T00:15', 10),
      item('e1', '2023-01-01T00:30', 6),
      item('e1', '2023-01-01T00:15', 10), // the same reading twice in one batch: a duplicate
      item('e1', '2023-01-01T00:30', 7), // a differing value in the same batch: a conflict
      item('e1', '2023-01-01T01:15', 4.5), // 00:45 and 01:00 missing: a gap flag
    ]);
    expect(first).toMatchObject({ received: 5, stored: 3, duplicates: 1 });
    expect(first.rejected).toEqual([expect.objectContaining({ index: 3, reason: 'conflict', stored: 6 })]);
    expect(first.flags.items).toEqual([
      expect.objectContaining({ index: 4, kind: 'gap', ts: iso('2023-01-01T01:15') }),
    ]);

    const resend = [
      item('e1', '2023-01-01T00:15', 10),
      item('e1', '2023-01-01T00:30', 6),
      item('e1', '2023-01-01T01:15', 4.5),
      item('e1', '2023-01-01T00:15', 11),
    ];
    const again = await svc.ingestItems(resend);
    expect(again).toMatchObject({ stored: 0, duplicates: 3, flags: { count: 0 } });
    expect(again.rejected).toEqual([expect.objectContaining({ index: 3, reason: 'conflict', stored: 10 })]);
    const stored = [
      { ts: iso('2023-01-01T00:15'), value: 10 },
      { ts: iso('2023-01-01T00:30'), value: 6 },
      { ts: iso('2023-01-01T01:15'), value: 4.5 },
    ];
    const day = [{ bucket: '2023-01-01', sum: 20.5, readings: 3 }]; // 10 + 6 + 4.5
    expect(await svc.readings('e1', at('2023-01-01T00:00'), at('2023-01-02T00:00'))).toEqual(stored);
    expect(await svc.meterRollups('e1', 'day', '2023-01-01', '2023-01-01')).toEqual(day);

    svc = await m.restart();
    const afterRestart = await svc.ingestItems(resend);
    expect(afterRestart).toMatchObject({ stored: 0, duplicates: 3, flags: { count: 0 } });
    expect(afterRestart.rejected).toEqual([
      expect.objectContaining({ index: 3, reason: 'conflict', stored: 10 }),
    ]);
    expect(await svc.readings('e1', at('2023-01-01T00:00'), at('2023-01-02T00:00'))).toEqual(stored);
    expect(await svc.meterRollups('e1', 'day', '2023-01-01', '2023-01-01')).toEqual(day);
    expect(await svc.flags('e1', at('2023-01-01T00:00'), at('2023-01-02T00:00'))).toEqual([
      {
        ts: iso('2023-01-01T01:15'),
        kind: 'gap',
        detail: `2 interval(s) missing since ${at('2023-01-01T00:30')}`,
      },
    ]);
    // The reloaded index fills the gap out of order, without a new gap flag, and adds to the day.
    const fill = await svc.ingestItems([
      item('e1', '2023-01-01T01:00', 2),
      item('e1', '2023-01-01T00:45', 1),
    ]);
    expect(fill).toMatchObject({ stored: 2, duplicates: 0, rejected: [], flags: { count: 0 } });
    expect(await svc.meterRollups('e1', 'day', '2023-01-01', '2023-01-01')).toEqual([
      { bucket: '2023-01-01', sum: 23.5, readings: 5 },
    ]);
    expect(await svc.gaps('e1', at('2023-01-01T00:15'), at('2023-01-01T01:15'))).toEqual([]);
  });

  it('counts a counter by deltas through rollover, reset and out-of-order arrival, also after a restart', async () => {
    const m = await openMetering(backend);
    let svc = m.service();
    await svc.addMeter(gasCounter('g1', 'f1'));
    // End-labelled: a reading at HH:00 closes the hour that starts at HH-1:00.
    expect(
      await svc.ingestItems([item('g1', '2023-01-01T01:00', 99900), item('g1', '2023-01-01T03:00', 99990)]),
    ).toMatchObject({ stored: 2, flags: { count: 0 } }); // 03:00 counts 90 into hour 02
    const late = await svc.ingestItems([
      item('g1', '2023-01-01T02:00', 99950), // between: the 90 becomes 50 (hour 01) + 40 (hour 02)
      item('g1', '2023-01-01T04:00', 10), // 99990 -> 10 wraps at 100000: a use of 20
      item('g1', '2023-01-01T05:00', 5), // 10 -> 5 is no rollover (10 is not in the top tenth): a reset, use 5
      item('g1', '2023-01-01T00:30', 99800), // before the first: 99800 -> 99900 adds 100 at 01:00 (hour 00)
    ]);
    expect(late).toMatchObject({ stored: 4, duplicates: 0, rejected: [] });
    expect(late.flags.items.map((f) => [f.index, f.kind, f.ts])).toEqual([
      [1, 'rollover', iso('2023-01-01T04:00')],
      [2, 'reset', iso('2023-01-01T05:00')],
    ]);
    const hours = [
      { bucket: iso('2023-01-01T00:00'), sum: 100, readings: 1 },
      { bucket: iso('2023-01-01T01:00'), sum: 50, readings: 1 },
      { bucket: iso('2023-01-01T02:00'), sum: 40, readings: 1 },
      { bucket: iso('2023-01-01T03:00'), sum: 20, readings: 1 },
      { bucket: iso('2023-01-01T04:00'), sum: 5, readings: 1 },
    ];
    const day = [{ bucket: '2023-01-01', sum: 215, readings: 5 }]; // 100 + 50 + 40 + 20 + 5
    expect(await svc.meterRollups('g1', 'hour', '2023-01-01', '2023-01-01')).toEqual(hours);
    expect(await svc.meterRollups('g1', 'day', '2023-01-01', '2023-01-01')).toEqual(day);
    expect(svc.meterMonth('g1', '2023-01')).toMatchObject({ sum: 215, readings: 5 });

    svc = await m.restart();
    expect(await svc.meterRollups('g1', 'hour', '2023-01-01', '2023-01-01')).toEqual(hours);
    expect(await svc.meterRollups('g1', 'day', '2023-01-01', '2023-01-01')).toEqual(day);
    expect(
      await svc.ingestItems([item('g1', '2023-01-01T04:00', 10), item('g1', '2023-01-01T04:00', 11)]),
    ).toMatchObject({ stored: 0, duplicates: 1, rejected: [{ index: 1, reason: 'conflict', stored: 10 }] });
    // Out of order after the restart, against the reloaded series: 02:30 at 99970 splits the 40 of
    // 02:00 -> 03:00 into 20 + 20, both in hour 02; the day's use is unchanged, one reading more.
    expect(await svc.ingestItems([item('g1', '2023-01-01T02:30', 99970)])).toMatchObject({
      stored: 1,
      flags: { count: 0 },
    });
    expect(await svc.meterRollups('g1', 'hour', '2023-01-01', '2023-01-01')).toEqual(
      hours.map((h) => (h.bucket === iso('2023-01-01T02:00') ? { ...h, readings: 2 } : h)),
    );
    expect(await svc.meterRollups('g1', 'day', '2023-01-01', '2023-01-01')).toEqual([
      { bucket: '2023-01-01', sum: 215, readings: 6 },
    ]);
    const settled = await m.restart();
    expect(await settled.meterRollups('g1', 'day', '2023-01-01', '2023-01-01')).toEqual([
      { bucket: '2023-01-01', sum: 215, readings: 6 },
    ]);
    expect(
      (await settled.flags('g1', at('2023-01-01T00:00'), at('2023-01-02T00:00'))).map((f) => f.kind),
    ).toEqual(['rollover', 'reset']);
  });

  it('rolls up hours, days and months per meter in local end-labelled buckets, also after a restart', async () => {
    const m = await openMetering(backend);
    let svc = m.service();
    await svc.addMeter(interval('q1', 'f1', 900));
    await svc.addMeter(interval('h1', 'f1', 3600)); // hourly: its readings are its hour rollup
    // One CSV batch interleaving both meters, out of order within each.
    const csv = [
      'meter,ts,value',
      `q1,${iso('2023-01-31T23:30')},1.5`,
      `h1,${iso('2023-02-01T00:00')},8`, // 24:00 closes 31 January (and so January)
      `q1,${iso('2023-01-31T23:15')},2`,
      `h1,${iso('2023-01-31T23:00')},16`,
      `q1,${iso('2023-02-01T00:00')},0.25`, // closes 31 January as well
      `q1,${iso('2023-02-01T00:15')},4`, // the first of February
      `h1,${iso('2023-02-01T01:00')},32`,
      `q1,${iso('2023-02-01T00:15')},4`,
    ].join('\n');
    expect(await svc.ingestCsv(csv)).toMatchObject({ received: 8, stored: 7, duplicates: 1, rejected: [] });
    const views = async (s: MeteringService) => ({
      q1Hours: await s.meterRollups('q1', 'hour', '2023-01-31', '2023-02-01'),
      h1Hours: await s.meterRollups('h1', 'hour', '2023-01-31', '2023-02-01'),
      q1Days: await s.meterRollups('q1', 'day', '2023-01-30', '2023-02-02'),
      h1Days: await s.meterRollups('h1', 'day', '2023-01-30', '2023-02-02'),
      q1Months: await s.meterRollups('q1', 'month', '2022-12', '2023-03'),
      h1Months: await s.meterRollups('h1', 'month', '2022-12', '2023-03'),
      jan31: s.dailyRollup('2023-01-31', 'f1'),
      feb1: s.dailyRollup('2023-02-01'),
    });
    // Each meter's use on 31 January (all of its January) and on 1 February (all of its February).
    const q1Use = [
      { sum: 3.75, readings: 3 }, // 2 + 1.5 + 0.25
      { sum: 4, readings: 1 },
    ];
    const h1Use = [
      { sum: 24, readings: 2 }, // 16 + 8
      { sum: 32, readings: 1 },
    ];
    const labelled = (use: typeof q1Use, buckets: string[]) =>
      use.map((u, i) => ({ bucket: buckets[i], ...u }));
    const days = ['2023-01-31', '2023-02-01'];
    const months = ['2023-01', '2023-02'];
    const byMeter = (i: number) => [
      { meter: 'h1', unit: 'kWh', ...h1Use[i] },
      { meter: 'q1', unit: 'kWh', ...q1Use[i] },
    ];
    const want = {
      q1Hours: labelled(q1Use, [iso('2023-01-31T23:00'), iso('2023-02-01T00:00')]),
      h1Hours: [
        { bucket: iso('2023-01-31T22:00'), sum: 16, readings: 1 },
        { bucket: iso('2023-01-31T23:00'), sum: 8, readings: 1 }, // the 24:00 reading
        { bucket: iso('2023-02-01T00:00'), sum: 32, readings: 1 },
      ],
      q1Days: labelled(q1Use, days),
      h1Days: labelled(h1Use, days),
      q1Months: labelled(q1Use, months),
      h1Months: labelled(h1Use, months),
      jan31: byMeter(0),
      feb1: byMeter(1),
    };
    const sorted = (v: Awaited<ReturnType<typeof views>>) => ({
      ...v,
      jan31: [...v.jan31].sort((a, b) => a.meter.localeCompare(b.meter)),
      feb1: [...v.feb1].sort((a, b) => a.meter.localeCompare(b.meter)),
    });
    expect(sorted(await views(svc))).toEqual(want);
    svc = await m.restart();
    expect(sorted(await views(svc))).toEqual(want);
    expect(await svc.ingestCsv(csv)).toMatchObject({ stored: 0, duplicates: 8, rejected: [] });
    expect(sorted(await views(svc))).toEqual(want);
  });

  it('sums per factory and medium and feeds the month accounts (tce, CO2), the same after a restart', async () => {
    const m = await openMetering(backend);
    let svc = m.service();
    await svc.addMeter(interval('e1', 'f1', 900));
    await svc.addMeter(interval('e2', 'f1', 3600));
    await svc.addMeter(interval('x1', 'f2', 900)); // another factory: never in f1's figures
    await svc.addMeter(gasCounter('g1', 'f1'));
    await svc.ingestItems([
      item('e1', '2023-01-01T00:15', 250),
      item('x1', '2023-01-01T00:15', 4000),
      item('e1', '2023-01-01T00:30', 250),
      item('e2', '2023-01-31T23:00', 300),
      item('g1', '2023-01-01T01:00', 99960),
      item('e2', '2023-02-01T00:00', 200), // closes January
      item('g1', '2023-01-31T23:00', 60), // wraps: 100000 - 99960 + 60 = 100 Nm3
      item('e2', '2023-02-01T01:00', 999), // February
    ]);
    // January: electricity 250 + 250 + 300 + 200 = 1000 kWh, gas 100 Nm3.
    // tce (GB/T 2589-2020): 1000 x 0.1229 + 100 x 1.2143 kgce = 122.9 + 121.43 = 244.33 kgce.
    // Scope 1: 0.01 x 10^4 Nm3 x 389.31 GJ x 0.0153 tC/GJ x 0.99 x 44/12 = 0.2162188809 tCO2.
    // Scope 2: 1000 kWh x 0.5306 kgCO2/kWh (national, 2023) = 0.5306 t; Guangdong 2023: 0.4419 t.
    const january = () => svc.factoryMonth('f1', '2023-01');
    const check = () => {
      const month = january();
      expect(month.byMedium.map((u) => [u.medium, u.unit, u.quantity]).sort()).toEqual([
        ['electricity', 'kWh', 1000],
        ['natural-gas-gas-field', 'Nm3', 100],
      ]);
      expect(month.tce).toBeCloseTo(0.24433, 12);
      expect(month.tco2).toBeCloseTo(0.5306 + 0.2162188809, 9);
      expect(svc.factoryMonth('f1', '2023-01', '440100').tco2).toBeCloseTo(0.4419 + 0.2162188809, 9);
      const february = svc.factoryMonth('f1', '2023-02');
      expect(february.byMedium.map((u) => [u.medium, u.quantity])).toEqual([['electricity', 999]]);
      expect(february.tce).toBeCloseTo(0.1227771, 12); // 999 x 0.1229 kgce
      expect(svc.factoryMonth('f2', '2023-01').byMedium.map((u) => u.quantity)).toEqual([4000]);
      expect(svc.factoryMonth('f1', '2022-12')).toMatchObject({ tce: null, tco2: null, byMedium: [] });
      expect(
        svc
          .dailyRollup('2023-01-01', 'f1')
          .map((r) => [r.meter, r.sum])
          .sort(),
      ).toEqual([['e1', 500]]); // the gas counter's first reading has no use of its own
    };
    check();
    svc = await m.restart();
    check();
    // A re-sent January after the restart changes nothing; a new reading adds to the medium's line.
    expect(
      await svc.ingestItems([item('e1', '2023-01-01T00:30', 250), item('g1', '2023-01-31T23:00', 60)]),
    ).toMatchObject({ stored: 0, duplicates: 2 });
    check();
    await svc.ingestItems([item('e1', '2023-01-01T00:45', 24)]);
    expect(january().byMedium.find((u) => u.medium === 'electricity')?.quantity).toBe(1024);
    expect(january().tce).toBeCloseTo(0.24433 + 0.0029496, 12); // + 24 x 0.1229 kgce
  });
});

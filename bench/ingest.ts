/**
 * bench/ingest: 10 million readings (5,000 meters x 2,000 hourly values) through the product's bulk
 * path (CSV text -> parse, validate, dedupe, store, roll up: MeteringService.ingestCsv, exactly what
 * POST /api/v1/readings with text/csv and `greenmfg ingest` run), and in the same run the same
 * readings loaded by PostgreSQL COPY into a table keyed on (meter_id, ts) on the local server.
 * Prints readings per second for both, the ratio, bytes on disk per reading, the daily rollup of
 * all meters and one meter's month. `--json`: the last line is one JSON object.
 *
 * Both sides get the same input and the same concurrency: the CSV batches are generated as bytes
 * before the clock starts, and both get `--inflight N` batches open at once (1 by default: one
 * request or COPY after the other; with 2, greenmfg parses the next batch while DuckDB commits the
 * one before and PostgreSQL runs two COPY sessions). Measured here on 2026-11-29 with 1 in
 * flight: greenmfg 2.67-3.26 M/s, PostgreSQL 391-515 k/s (6.0-7.8x over five runs; earlier
 * figures in ADR 0003). The product takes each batch's bytes as POST /api/v1/readings receives them.
 *
 * Options: --meters N (5000), --hours N (2000), --batch N (rows per ingest call, 500000),
 * --inflight N (1), --pg URL (postgres://postgres@127.0.0.1:5432/greenmfg_bench), --no-pg,
 * --backend duckdb|clickhouse with --telemetry-url clickhouse://host:port/db?cluster=NAME (without it,
 * a loopback cluster of its own: ZooKeeper and 2 shards x 2 replicas, started and stopped here).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createMeteringService } from '../src/services/metering/metering-service.ts';
import { openStore } from '../src/store/open-store.ts';
import {
  dropClickhouseDatabase,
  openClickhouseTelemetry,
  parseClickhouseUrl,
} from '../src/store/telemetry/clickhouse-telemetry.ts';
import { openDuckdbTelemetry } from '../src/store/telemetry/duckdb-telemetry.ts';
import { clusterUrl, startLocalCluster, stopLocalCluster } from '../src/store/telemetry/local-cluster.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
};
const json = args.includes('--json');
const meters = Number(opt('meters', '5000'));
const hours = Number(opt('hours', '2000'));
const batchRows = Number(opt('batch', '500000'));
const inflight = Math.max(1, Number(opt('inflight', '1')));
const pgUrl = opt('pg', 'postgres://postgres@127.0.0.1:5432/greenmfg_bench');
const withPg = !args.includes('--no-pg');
// --backend clickhouse --telemetry-url clickhouse://host:port/db?cluster=NAME: the product's store is
// the ClickHouse cluster (issue 9) instead of a DuckDB file; the database is dropped before and after.
const backend = opt('backend', 'duckdb');
// Without --telemetry-url the bench starts the loopback cluster of `npm run cluster` (ports from
// 29400) in a temporary directory and stops it by its PIDs at the end.
const ownCluster =
  backend === 'clickhouse' && !args.includes('--telemetry-url')
    ? await (async () => {
        const dir = mkdtempSync(join(tmpdir(), 'greenmfg-bench-cluster-'));
        process.stderr.write('starting a loopback ClickHouse cluster (2 shards x 2 replicas) ...\n');
        return { dir, state: await startLocalCluster(dir, 29400) };
      })()
    : null;
const clickhouse =
  backend === 'clickhouse'
    ? parseClickhouseUrl(ownCluster ? clusterUrl(ownCluster.state) : opt('telemetry-url', ''))
    : null;
const openBenchTelemetry = async (dir: string) => {
  if (!clickhouse) return openDuckdbTelemetry(join(dir, 'telemetry.duckdb'));
  // A cluster just started may reset the first connection (seen once here: ECONNRESET): retry twice.
  for (let attempt = 1; ; attempt++) {
    try {
      await dropClickhouseDatabase(clickhouse);
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  const telemetry = await openClickhouseTelemetry(clickhouse);
  return { ...telemetry, close: () => telemetry.close().then(() => dropClickhouseDatabase(clickhouse)) };
};
const total = meters * hours;
const say = (line: string) => process.stderr.write(`${line}\n`);

const start = Date.UTC(2024, 0, 1) / 1000;
const pad = (n: number) => String(n).padStart(2, '0');
// ISO text of every hour, made once (generating the input is not part of the product path).
const isoHours = Array.from({ length: hours }, (_, h) => {
  const d = new Date((start + h * 3600) * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:00:00Z`;
});
const meterId = (m: number) => `m${String(m).padStart(5, '0')}`;
// A deterministic load curve with two decimals, like a real interval meter's kWh.
const valueOf = (m: number, h: number) =>
  (Math.round((50 + (m % 97) + 30 * Math.sin(h / 3.8) + ((m * 31 + h * 17) % 23)) * 100) / 100).toFixed(2);

const idBytes = (forPg: boolean) =>
  Array.from({ length: meters }, (_, m) => Buffer.from(`${forPg ? m + 1 : meterId(m)},`, 'latin1'));
const hourBytes = isoHours.map((h) => Buffer.from(`${h},`, 'latin1'));

/**
 * The CSV bytes of every batch of readings, in meter-major order (meter, then hour), as a feed
 * would batch them; written straight into buffers so that the input leaves no garbage behind.
 */
function csvBatches(forPg: boolean): Buffer[] {
  const ids = idBytes(forPg);
  const out: Buffer[] = [];
  for (let from = 0; from < total; from += batchRows) {
    const to = Math.min(total, from + batchRows);
    const buf = Buffer.allocUnsafe(16 + (to - from) * 48);
    let p = forPg ? 0 : buf.write('meter,ts,value\n', 0, 'latin1');
    for (let i = from; i < to; i++) {
      const m = Math.floor(i / hours);
      const h = i % hours;
      p += (ids[m] as Buffer).copy(buf, p);
      p += (hourBytes[h] as Buffer).copy(buf, p);
      p += buf.write(valueOf(m, h), p, 'latin1');
      buf[p++] = 10;
    }
    out.push(buf.subarray(0, p));
  }
  return out;
}

/** Runs `work` over the batches with at most `inflight` of them open at once; returns the wall time. */
async function pipelined<T>(
  batches: readonly Buffer[],
  work: (batch: Buffer) => Promise<T>,
  check: (result: T) => void,
): Promise<number> {
  const open: Promise<T>[] = [];
  const t0 = performance.now();
  for (const batch of batches) {
    open.push(work(batch));
    if (open.length >= inflight) check(await (open.shift() as Promise<T>));
  }
  for (const p of open) check(await p);
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function benchProduct() {
  const dir = mkdtempSync(join(tmpdir(), 'greenmfg-bench-'));
  const store = await openStore(join(dir, 'greenmfg.sqlite'));
  const telemetry = await openBenchTelemetry(dir);
  try {
    say(`registering ${meters} meters ...`);
    for (let m = 0; m < meters; m++)
      await store.meters.add({
        id: meterId(m),
        factoryId: `f${String(Math.floor(m / 100)).padStart(3, '0')}`,
        medium: 'electricity',
        unit: 'kWh',
        kind: 'interval',
        intervalSeconds: 3600,
        rolloverAt: null,
        utcOffsetMinutes: 0,
        name: null,
      });
    const service = await createMeteringService({ meters: store.meters, telemetry });
    const batches = csvBatches(false);
    say(`ingesting ${total.toLocaleString()} readings in batches of ${batchRows}, ${inflight} in flight ...`);
    let stored = 0;
    const ms = await pipelined(
      batches,
      (b) => service.ingestCsv(b),
      (report) => {
        stored += report.stored;
        if (report.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(report.rejected[0])}`);
      },
    );
    if (stored !== total) throw new Error(`stored ${stored} of ${total}`);
    // Idempotence check (not timed into the figure): the first batch again stores nothing.
    const again = await service.ingestCsv(batches[0] as Buffer);
    if (again.stored !== 0 || again.duplicates !== Math.min(total, batchRows))
      throw new Error('re-ingest was not idempotent');
    const bytes = await telemetry.sizeOnDisk();

    const day = '2024-02-15';
    const daily: number[] = [];
    let dailyRows = 0;
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      dailyRows = service.dailyRollup(day).length;
      daily.push(performance.now() - t0);
    }
    const monthly: number[] = [];
    for (let i = 0; i < 201; i++) {
      const t0 = performance.now();
      service.meterMonth(meterId((i * 37) % meters), '2024-02');
      monthly.push(performance.now() - t0);
    }
    await service.drain();
    return {
      readingsPerSecond: total / (ms / 1000),
      seconds: ms / 1000,
      bytesPerReading: bytes / total,
      bytes,
      dailyRollupMs: median(daily),
      dailyRollupRows: dailyRows,
      meterMonthMs: median(monthly),
    };
  } finally {
    await telemetry.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ensureDatabase(url: string) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await c.query(`CREATE DATABASE ${name.replace(/[^a-z0-9_]/gi, '')}`);
  } finally {
    await c.end();
  }
}

/** COPY through psql's stdin (the pg driver has no COPY FROM STDIN without an extra package). */
function psqlCopy(url: string, text: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      'psql',
      [
        url,
        '-v',
        'ON_ERROR_STOP=1',
        '-q',
        '-c',
        'COPY readings (meter_id, ts, value) FROM STDIN WITH (FORMAT csv)',
      ],
      {
        stdio: ['pipe', 'ignore', 'pipe'],
      },
    );
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`psql COPY failed (${code}): ${err}`)),
    );
    p.stdin.end(text);
  });
}

async function benchPostgres() {
  await ensureDatabase(pgUrl);
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    await c.query('DROP TABLE IF EXISTS readings');
    await c.query(
      'CREATE TABLE readings (meter_id integer NOT NULL, ts timestamptz NOT NULL, value double precision NOT NULL, PRIMARY KEY (meter_id, ts))',
    );
    const batches = csvBatches(true);
    say(
      `PostgreSQL COPY of ${total.toLocaleString()} readings into a keyed table, ${inflight} in flight ...`,
    );
    const ms = await pipelined(
      batches,
      (b) => psqlCopy(pgUrl, b),
      () => undefined,
    );
    const size = await c.query<{ b: string }>("SELECT pg_total_relation_size('readings')::text AS b");
    const bytes = Number(size.rows[0]?.b ?? 0);
    await c.query('DROP TABLE readings');
    return { readingsPerSecond: total / (ms / 1000), seconds: ms / 1000, bytesPerReading: bytes / total };
  } finally {
    await c.end();
  }
}

const product = await benchProduct().finally(async () => {
  if (!ownCluster) return;
  await stopLocalCluster(ownCluster.state);
  rmSync(ownCluster.dir, { recursive: true, force: true });
});
const baseline = withPg ? await benchPostgres() : null;
const ratio = baseline ? product.readingsPerSecond / baseline.readingsPerSecond : null;
const f = (n: number) => Math.round(n).toLocaleString('en');
say('');
say(`readings: ${f(total)} (${meters} meters x ${hours} hourly values)`);
say(
  `greenmfg bulk path (parse, validate, dedupe, store, roll up; ${clickhouse ? `ClickHouse cluster ${clickhouse.cluster}` : 'DuckDB'}): ${f(product.readingsPerSecond)} readings/s (${product.seconds.toFixed(2)} s)`,
);
if (baseline)
  say(
    `PostgreSQL COPY into a (meter_id, ts)-keyed table: ${f(baseline.readingsPerSecond)} readings/s (${baseline.seconds.toFixed(2)} s); ${baseline.bytesPerReading.toFixed(1)} bytes/reading`,
  );
if (ratio !== null) say(`ratio: ${ratio.toFixed(2)}x`);
say(
  `bytes on disk per reading (${clickhouse ? 'ClickHouse parts, one replica of each shard' : 'DuckDB file after checkpoint'}, readings + rollups + flags): ${product.bytesPerReading.toFixed(2)}`,
);
say(
  `daily rollup of all meters (${product.dailyRollupRows} rows, in-memory rollups): ${product.dailyRollupMs.toFixed(3)} ms (median of 21)`,
);
say(`one meter's month (in-memory rollups): ${product.meterMonthMs.toFixed(4)} ms (median of 201)`);
const result = {
  value: Math.round(product.readingsPerSecond),
  baselineValue: baseline ? Math.round(baseline.readingsPerSecond) : null,
  ratio: ratio === null ? null : Number(ratio.toFixed(3)),
  bytesPerReading: Number(product.bytesPerReading.toFixed(3)),
  dailyRollupMs: Number(product.dailyRollupMs.toFixed(4)),
  meterMonthMs: Number(product.meterMonthMs.toFixed(5)),
  readings: total,
  unit: 'readings/s',
  baselineBytesPerReading: baseline ? Number(baseline.bytesPerReading.toFixed(2)) : null,
};
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);

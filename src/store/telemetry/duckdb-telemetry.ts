import { existsSync, statSync } from 'node:fs';
import { DuckDBDataChunk, DuckDBInstance, DOUBLE, INTEGER, UINTEGER, UTINYINT } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBMaterializedResult, DuckDBType } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { GmError } from '../../core/errors.ts';
import type { FlagKind } from '../../core/metering/plan-ingest.ts';
import type { StoredFlag, TelemetryBatch } from '../../core/metering/telemetry-batch.ts';
import type { Telemetry } from '../../core/ports.ts';
import { rollupRows, seriesByMeter } from './telemetry-columns.ts';

// No primary key on readings: a DuckDB key costs about 6x in append speed and 14x in bytes per
// reading (PRODUCT.md, measured table). Uniqueness of (meter, ts) is kept by the ingest service's
// per-meter index instead (ADR 0003). rollup_parts is a summing table: queries sum its parts.
const schema = [
  'CREATE TABLE IF NOT EXISTS readings (meter UINTEGER NOT NULL, ts UINTEGER NOT NULL, value DOUBLE NOT NULL)',
  'CREATE TABLE IF NOT EXISTS rollup_parts (grain UTINYINT NOT NULL, meter UINTEGER NOT NULL, bucket UINTEGER NOT NULL, sum DOUBLE NOT NULL, n INTEGER NOT NULL)',
  'CREATE TABLE IF NOT EXISTS flags (meter UINTEGER NOT NULL, ts UINTEGER NOT NULL, kind VARCHAR NOT NULL, detail VARCHAR NOT NULL)',
];

const vectorSize = 2048;

type Column = Uint8Array | Uint32Array | Int32Array | Float64Array;

/**
 * Appends columns through DuckDB data chunks, copying each typed array straight into the chunk's
 * vectors (no per-value JS call): the bulk path's store step.
 */
function appendColumns(
  appender: Awaited<ReturnType<DuckDBConnection['createAppender']>>,
  types: readonly DuckDBType[],
  columns: readonly Column[],
  count: number,
): void {
  const chunk = DuckDBDataChunk.create(types, vectorSize);
  const vectors = columns.map((_, i) => duckdb.data_chunk_get_vector(chunk.chunk, i));
  for (let start = 0; start < count; start += vectorSize) {
    const rows = Math.min(vectorSize, count - start);
    columns.forEach((col, i) => {
      const width = col.BYTES_PER_ELEMENT;
      duckdb.copy_data_to_vector(
        vectors[i] as duckdb.Vector,
        0,
        col.buffer as ArrayBuffer,
        col.byteOffset + start * width,
        rows * width,
      );
    });
    chunk.rowCount = rows;
    appender.appendDataChunk(chunk);
  }
}

const list = (keys: readonly number[]) => keys.map((k) => String(Math.trunc(k))).join(',');

function numbersOf(result: DuckDBMaterializedResult, columns: number): number[][] {
  const out: number[][] = Array.from({ length: columns }, () => []);
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    for (let i = 0; i < columns; i++) {
      const v = chunk.getColumnVector(i);
      const target = out[i] as number[];
      for (let r = 0; r < chunk.rowCount; r++) target.push(Number(v.getItem(r)));
    }
  }
  return out;
}

/**
 * Opens the DuckDB telemetry store (a file, or ':memory:'). A file held by another process (a
 * running server) is refused with GM_DATA_DIR_LOCKED. Rollup parts are compacted on open when they
 * have grown to more than twice the rows they sum to.
 */
export async function openDuckdbTelemetry(path: string): Promise<Telemetry> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path);
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    if (/lock/i.test(text))
      throw new GmError(
        'GM_DATA_DIR_LOCKED',
        `The telemetry store ${path} is held by another process (a running greenmfg server?); use its HTTP API instead`,
        { path, cause: text },
      );
    throw e;
  }
  const con = await instance.connect();
  for (const statement of schema) await con.run(statement);
  // Reads go through a second connection: statements on one connection must not interleave with
  // the open transaction of a commit in flight (DuckDB's MVCC gives the reader a consistent snapshot).
  const reader = await instance.connect();
  await compactRollups(con);

  const readingTypes = [UINTEGER, UINTEGER, DOUBLE];
  const partTypes = [UTINYINT, UINTEGER, UINTEGER, DOUBLE, INTEGER];

  return {
    kind: 'duckdb',
    async meterKeysWithReadings() {
      const r = await reader.run('SELECT DISTINCT meter FROM readings');
      return new Set(numbersOf(r, 1)[0]);
    },
    async loadSeries(meterKeys) {
      if (meterKeys.length === 0) return new Map();
      const r = await reader.run(
        `SELECT meter, ts, value FROM readings WHERE meter IN (${list(meterKeys)}) ORDER BY meter, ts`,
      );
      const [meter = [], ts = [], value = []] = numbersOf(r, 3);
      return seriesByMeter(meter, ts, value);
    },
    async loadRollups(meterKeys) {
      const where = meterKeys ? ` AND meter IN (${list(meterKeys.length ? meterKeys : [-1])})` : '';
      const r = await reader.run(
        `SELECT grain, meter, bucket, sum(sum) AS sum, CAST(sum(n) AS INTEGER) AS n FROM rollup_parts WHERE grain IN (1, 2)${where} GROUP BY grain, meter, bucket`,
      );
      const [grain = [], meter = [], bucket = [], sum = [], n = []] = numbersOf(r, 5);
      return rollupRows([grain, meter, bucket, sum, n]);
    },
    async commit(batch: TelemetryBatch) {
      await con.run('BEGIN TRANSACTION');
      try {
        if (batch.readings.count > 0) {
          const app = await con.createAppender('readings');
          const r = batch.readings;
          appendColumns(app, readingTypes, [r.meter, r.ts, r.value], r.count);
          app.closeSync();
        }
        const parts = batch.parts.filter((p) => p.count > 0);
        if (parts.length > 0) {
          const app = await con.createAppender('rollup_parts');
          for (const p of parts)
            appendColumns(app, partTypes, [p.grain, p.meter, p.bucket, p.sum, p.n], p.count);
          app.closeSync();
        }
        if (batch.flags.length > 0) {
          const app = await con.createAppender('flags');
          for (const f of batch.flags) {
            app.appendUInteger(f.meter);
            app.appendUInteger(f.ts);
            app.appendVarchar(f.kind);
            app.appendVarchar(f.detail);
            app.endRow();
          }
          app.closeSync();
        }
        // DuckDB writes and syncs its write-ahead log on commit: once this resolves the batch
        // survives kill -9 (PRODUCT.md, measured table; crash test in src/server/mqtt).
        await con.run('COMMIT');
      } catch (e) {
        await con.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    },
    async readings(meterKey, fromTs, toTs) {
      const r = await reader.run(
        'SELECT ts, value FROM readings WHERE meter = $1 AND ts >= $2 AND ts < $3 ORDER BY ts',
        [meterKey, fromTs, toTs],
        [UINTEGER, UINTEGER, UINTEGER],
      );
      const [ts = [], value = []] = numbersOf(r, 2);
      return ts.map((t, i) => ({ ts: t, value: value[i] as number }));
    },
    async rollupRange(meterKey, grain, from, to) {
      const r = await reader.run(
        'SELECT grain, meter, bucket, sum(sum), CAST(sum(n) AS INTEGER) FROM rollup_parts WHERE grain = $1 AND meter = $2 AND bucket BETWEEN $3 AND $4 GROUP BY grain, meter, bucket HAVING sum(n) <> 0 ORDER BY bucket',
        [grain, meterKey, from, to],
        [UTINYINT, UINTEGER, UINTEGER, UINTEGER],
      );
      const [g = [], m = [], b = [], s = [], n = []] = numbersOf(r, 5);
      return rollupRows([g, m, b, s, n]);
    },
    async flags(meterKey, fromTs, toTs) {
      const r = await reader.runAndReadAll(
        'SELECT meter, ts, kind, detail FROM flags WHERE meter = $1 AND ts >= $2 AND ts < $3 ORDER BY ts',
        [meterKey, fromTs, toTs],
        [UINTEGER, UINTEGER, UINTEGER],
      );
      return r.getRowsJS().map(([meter, ts, kind, detail]): StoredFlag => ({
        meter: Number(meter),
        ts: Number(ts),
        kind: kind as FlagKind,
        detail: detail as string,
      }));
    },
    async sizeOnDisk() {
      if (path === ':memory:') return 0;
      await con.run('CHECKPOINT');
      const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
      return size(path) + size(`${path}.wal`);
    },
    close() {
      reader.closeSync();
      con.closeSync();
      instance.closeSync();
      return Promise.resolve();
    },
  };
}

async function compactRollups(con: DuckDBConnection): Promise<void> {
  const r = await con.run(
    'SELECT count(*) AS parts, (SELECT count(*) FROM (SELECT DISTINCT grain, meter, bucket FROM rollup_parts)) AS groups FROM rollup_parts',
  );
  const [[parts = 0] = [], [groups = 0] = []] = numbersOf(r, 2);
  if (parts < 10_000 || parts <= 2 * groups) return;
  await con.run('BEGIN TRANSACTION');
  try {
    await con.run(
      'CREATE TEMP TABLE compacted AS SELECT grain, meter, bucket, sum(sum) AS sum, CAST(sum(n) AS INTEGER) AS n FROM rollup_parts GROUP BY grain, meter, bucket HAVING sum(n) <> 0 ORDER BY grain, meter, bucket',
    );
    await con.run('DELETE FROM rollup_parts');
    await con.run('INSERT INTO rollup_parts SELECT * FROM compacted');
    await con.run('DROP TABLE compacted');
    await con.run('COMMIT');
  } catch (e) {
    await con.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

import { Readable } from 'node:stream';
import {
  ClickHouseLogLevel,
  createClient,
  type ClickHouseClient,
  type ClickHouseSettings,
} from '@clickhouse/client';
import { GmError } from '../../core/errors.ts';
import type { FlagKind } from '../../core/metering/plan-ingest.ts';
import type { StoredFlag, TelemetryBatch } from '../../core/metering/telemetry-batch.ts';
import type { Telemetry } from '../../core/ports.ts';
import {
  decodeRows,
  encodeRows,
  rowColumns,
  rowKind,
  rowSchema,
  type ResultColumn,
} from './clickhouse-rows.ts';
import { rollupRows, seriesByMeter } from './telemetry-columns.ts';

/** Where the ClickHouse telemetry store lives: `clickhouse://host:port/db?cluster=NAME[&quorum=N]`. */
export interface ClickhouseLocation {
  /** The HTTP interface of the server the store enters the cluster through. */
  readonly httpUrl: string;
  readonly database: string;
  readonly cluster: string;
  /** Replicas that must hold a batch before `commit` resolves (insert_quorum); 1 turns the quorum off. */
  readonly quorum: number;
  readonly user: string;
  readonly password: string;
}

/** Parses GREENMFG_TELEMETRY_URL; a malformed URL is a GM_CONFIG naming the variable, never its password. */
export function parseClickhouseUrl(text: string): ClickhouseLocation {
  const bad = (why: string) =>
    new GmError('GM_CONFIG', `GREENMFG_TELEMETRY_URL ${why}`, { field: 'GREENMFG_TELEMETRY_URL' });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad('is not a URL (clickhouse://host:8123/db?cluster=NAME)');
  }
  if (url.protocol !== 'clickhouse:') throw bad('must start with clickhouse://');
  const database = url.pathname.replace(/^\//, '');
  const cluster = url.searchParams.get('cluster') ?? '';
  const quorum = Number(url.searchParams.get('quorum') ?? '2');
  const ident = /^[A-Za-z_][A-Za-z0-9_]*$/;
  if (!ident.test(database)) throw bad('must name a database (letters, digits, _) as its path');
  if (!ident.test(cluster)) throw bad('must name the cluster: ?cluster=NAME (letters, digits, _)');
  if (!Number.isInteger(quorum) || quorum < 1 || quorum > 9) throw bad('quorum must be an integer 1..9');
  return {
    httpUrl: `http://${url.hostname}:${url.port || '8123'}`,
    database,
    cluster,
    quorum,
    user: decodeURIComponent(url.username) || 'default',
    password: decodeURIComponent(url.password),
  };
}

// ClickHouse error codes after which a write or read may succeed when retried as it is: network
// and shard availability (210, 279, 209, 159, 394; 32 and 33 a connection cut mid-block, 1000 a
// socket error), ZooKeeper and replication (242 read-only table, 225, 999, 319 unknown insert
// status, 285 too few live replicas, 286 previous quorum write unsatisfied), memory (241), and a
// server shutting down or overloaded (202).
const retryableCodes = new Set([
  '32',
  '33',
  '1000',
  '159',
  '202',
  '209',
  '210',
  '225',
  '241',
  '242',
  '279',
  '285',
  '286',
  '319',
  '394',
  '999',
]);

/**
 * Wraps a failed ClickHouse call. Connection failures and the codes above become the retryable
 * GM_TELEMETRY_UNAVAILABLE (HTTP 503); anything else (a bug in a statement) stays an internal error.
 */
function unavailable(operation: string, e: unknown): Error {
  const message = e instanceof Error ? e.message : String(e);
  // The client parses codes of current servers ("... (TYPE_NAME)"); 18.16 says only "Code: 279, ...".
  const code =
    /^Code: (\d+)/.exec(message)?.[1] ??
    (typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '');
  const network =
    /^E[A-Z]+$/.test(code) ||
    /socket hang up|timeout|ECONN|EPIPE|NetException|Connection (refused|reset)|ZooKeeper/i.test(message);
  if (!network && !retryableCodes.has(code)) return e instanceof Error ? e : new Error(message);
  return new GmError(
    'GM_TELEMETRY_UNAVAILABLE',
    `The telemetry cluster cannot ${operation} right now (${message.split('\n')[0]?.slice(0, 200) ?? ''}); nothing was acknowledged, retry`,
    { retryable: true, operation, clickhouseCode: code },
  );
}

const list = (keys: readonly number[]) => keys.map((k) => String(Math.trunc(k))).join(',');

/**
 * Opens the ClickHouse telemetry store on a cluster (issue 9, ADR 0004): one replicated
 * ReplacingMergeTree table per shard under a Distributed table sharded by meter, created ON CLUSTER
 * when missing. A batch is one RowBinary INSERT, synchronous through the Distributed table and
 * acknowledged by `quorum` replicas of every shard it touches; reads never skip a shard.
 */
export async function openClickhouseTelemetry(location: ClickhouseLocation): Promise<Telemetry> {
  const { database: db, cluster } = location;
  const client: ClickHouseClient = createClient({
    url: location.httpUrl,
    username: location.user,
    password: location.password,
    request_timeout: 60_000,
    max_open_connections: 4,
    // Failures reach the caller as GM_TELEMETRY_UNAVAILABLE; the client's own log would repeat each.
    log: { level: ClickHouseLogLevel.OFF },
  });
  const quorum = location.quorum > 1;
  // Every read: all shards or an error (never skip_unavailable_shards: a missing shard would be a
  // silently smaller sum), and the whole result computed before the first byte is sent (an error
  // in the middle of a streamed result would otherwise arrive after a 200). Not
  // select_sequential_consistency: on 18.16 it needs ZooKeeper for every read and hides merged
  // parts that contain a block still waiting for its quorum, so it answered smaller sums (ADR 0004).
  const readSettings: ClickHouseSettings = { skip_unavailable_shards: 0, wait_end_of_query: 1 };

  const run = async (operation: string, query: string): Promise<void> => {
    try {
      await client.command({ query, clickhouse_settings: { wait_end_of_query: 1 } });
    } catch (e) {
      throw unavailable(operation, e);
    }
  };
  const select = async (query: string, columns: readonly ResultColumn[]) => {
    try {
      const result = await client.exec({
        query: `${query} FORMAT RowBinary`,
        clickhouse_settings: readSettings,
      });
      const chunks: Buffer[] = [];
      for await (const chunk of result.stream as AsyncIterable<Buffer>) chunks.push(chunk);
      return decodeRows(Buffer.concat(chunks), columns);
    } catch (e) {
      throw unavailable('answer a read in full', e);
    }
  };

  // The schema, created once on every node of the cluster (ON CLUSTER runs through ZooKeeper).
  const exists = await select(
    `SELECT toUInt8(count()) FROM system.tables WHERE database = '${db}' AND name = 'telemetry'`,
    ['u8'],
  );
  if (exists[0]?.[0] === 1) {
    // A table of an earlier layout (a row per reading) is not read as chunks: say so.
    const chunked = await select(
      `SELECT toUInt8(count()) FROM system.columns WHERE database = '${db}' AND table = 'telemetry' AND name = 'vals'`,
      ['u8'],
    );
    if (chunked[0]?.[0] !== 1)
      throw new GmError(
        'GM_CONFIG',
        `The ClickHouse database ${db} holds telemetry in an earlier layout (a row per reading); copy it into the chunked layout or point GREENMFG_TELEMETRY_URL at a new database`,
        { field: 'GREENMFG_TELEMETRY_URL', database: db },
      );
  } else {
    await run('create the schema', `CREATE DATABASE IF NOT EXISTS ${db} ON CLUSTER ${cluster}`);
    // No partitioning: a batch must be one part per shard, so that all rows of a meter in a
    // batch are stored together or not at all (ADR 0004).
    await run(
      'create the schema',
      `CREATE TABLE IF NOT EXISTS ${db}.telemetry_local ON CLUSTER ${cluster} (${rowSchema}) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${db}/telemetry_local', '{replica}') PARTITION BY tuple() ORDER BY (kind, meter, grain, ts, batch, idx)`,
    );
    await run(
      'create the schema',
      `CREATE TABLE IF NOT EXISTS ${db}.telemetry ON CLUSTER ${cluster} AS ${db}.telemetry_local ENGINE = Distributed(${cluster}, ${db}, telemetry_local, meter)`,
    );
  }

  // One INSERT through the Distributed table, synchronous: it returns once every shard it touches
  // has written its block (one part, on `quorum` replicas), or fails. An identical re-sent block is
  // dropped by each shard's replicated deduplication, so re-sending the same bytes after an unknown
  // outcome cannot store a batch twice.
  const insert = async (body: Buffer, rows: number): Promise<void> => {
    const settings: ClickHouseSettings = {
      insert_distributed_sync: 1,
      max_insert_block_size: String(rows + 1),
      insert_deduplicate: 1,
      ...(quorum ? { insert_quorum: String(location.quorum), insert_quorum_timeout: 10_000 } : {}),
    };
    const result = await client.exec({
      query: `INSERT INTO ${db}.telemetry (${rowColumns}) FORMAT RowBinary`,
      values: Readable.from([body]),
      clickhouse_settings: settings,
    });
    for await (const _ of result.stream as AsyncIterable<Buffer>) void _;
  };
  // The last batch whose insert failed, until the very same bytes have gone in. The service plans
  // from what the store holds (dedupe state, rollups) only after that, so what it reads is never a
  // part in limbo that a merge may drop later (ADR 0004).
  let pending: { readonly body: Buffer; readonly rows: number } | null = null;
  let settling: Promise<void> | null = null;
  const settle = (): Promise<void> => {
    const p = pending;
    if (!p) return Promise.resolve();
    settling ??= insert(p.body, p.rows)
      .then(() => {
        if (pending === p) pending = null;
      })
      .catch((e: unknown) => {
        throw unavailable('take an earlier batch again', e);
      })
      .finally(() => {
        settling = null;
      });
    return settling;
  };

  const partsOf = `${db}.telemetry FINAL WHERE kind = ${rowKind.part}`;

  return {
    kind: 'clickhouse',
    async meterKeysWithReadings() {
      await settle();
      const [meter = []] = await select(
        `SELECT DISTINCT meter FROM ${db}.telemetry WHERE kind = ${rowKind.reading}`,
        ['u32'],
      );
      return new Set(meter as number[]);
    },
    async loadSeries(meterKeys) {
      await settle();
      if (meterKeys.length === 0) return new Map();
      const [meter = [], ts = [], value = []] = (await select(
        `SELECT meter, t, v FROM ${db}.telemetry FINAL ARRAY JOIN tss AS t, vals AS v WHERE kind = ${rowKind.reading} AND meter IN (${list(meterKeys)}) ORDER BY meter, t`,
        ['u32', 'u32', 'f64'],
      )) as number[][];
      return seriesByMeter(meter, ts, value);
    },
    async loadRollups(meterKeys) {
      await settle();
      const where = meterKeys ? ` AND meter IN (${list(meterKeys.length ? meterKeys : [0])})` : '';
      const none = meterKeys?.length === 0;
      const [grain = [], meter = [], bucket = [], sum = [], n = []] = (await select(
        `SELECT grain, meter, ts, sum(value), toInt32(sum(n)) FROM ${partsOf} AND grain IN (1, 2)${where}${none ? ' AND 0' : ''} GROUP BY grain, meter, ts`,
        ['u8', 'u32', 'u32', 'f64', 'i32'],
      )) as number[][];
      return rollupRows([grain, meter, bucket, sum, n]);
    },
    async commit(batch: TelemetryBatch) {
      await settle();
      const { body, rows } = encodeRows(batch);
      if (rows === 0) return;
      try {
        await insert(body, rows);
      } catch (e) {
        const error = unavailable('take this batch', e);
        // Its outcome is unknown: part of it may sit on a replica without being committed in
        // ZooKeeper, readable now and gone after the next merge (seen on 18.16 with ZooKeeper
        // stopped). Send these very bytes again before anything else is planned on the store.
        if (error instanceof GmError) pending = { body, rows };
        throw error;
      }
    },
    async readings(meterKey, fromTs, toTs) {
      const [ts = [], value = []] = (await select(
        `SELECT t, v FROM ${db}.telemetry FINAL ARRAY JOIN tss AS t, vals AS v WHERE kind = ${rowKind.reading} AND meter = ${Math.trunc(meterKey)} AND t >= ${Math.trunc(fromTs)} AND t < ${Math.trunc(toTs)} ORDER BY t`,
        ['u32', 'f64'],
      )) as number[][];
      return ts.map((t, i) => ({ ts: t, value: value[i] as number }));
    },
    async rollupRange(meterKey, grain, from, to) {
      const [g = [], m = [], b = [], s = [], n = []] = (await select(
        `SELECT grain, meter, ts, sum(value), toInt32(sum(n)) FROM ${partsOf} AND grain = ${Math.trunc(grain)} AND meter = ${Math.trunc(meterKey)} AND ts BETWEEN ${Math.trunc(from)} AND ${Math.trunc(to)} GROUP BY grain, meter, ts HAVING sum(n) != 0 ORDER BY ts`,
        ['u8', 'u32', 'u32', 'f64', 'i32'],
      )) as number[][];
      return rollupRows([g, m, b, s, n]);
    },
    async flags(meterKey, fromTs, toTs) {
      const [ts = [], text = []] = await select(
        `SELECT ts, text FROM ${db}.telemetry FINAL WHERE kind = ${rowKind.flag} AND meter = ${Math.trunc(meterKey)} AND ts >= ${Math.trunc(fromTs)} AND ts < ${Math.trunc(toTs)} ORDER BY ts, batch, idx`,
        ['u32', 'str'],
      );
      return (ts as number[]).map((t, i): StoredFlag => {
        const [kind = '', ...detail] = String(text[i]).split('\t');
        return { meter: meterKey, ts: t, kind: kind as FlagKind, detail: detail.join('\t') };
      });
    },
    async sizeOnDisk() {
      // One replica of each shard (the cluster() table function picks one): bytes per copy.
      const [bytes = []] = await select(
        `SELECT toFloat64(sum(bytes)) FROM cluster('${cluster}', system, parts) WHERE database = '${db}' AND table = 'telemetry_local' AND active`,
        ['f64'],
      );
      return (bytes[0] as number | undefined) ?? 0;
    },
    close: () => client.close(),
  };
}

/** Drops the store's database on every node of the cluster (benchmarks and test runs start empty). */
export async function dropClickhouseDatabase(location: ClickhouseLocation): Promise<void> {
  const client = createClient({
    url: location.httpUrl,
    username: location.user,
    password: location.password,
    log: { level: ClickHouseLogLevel.OFF },
  });
  try {
    await client.command({
      query: `DROP DATABASE IF EXISTS ${location.database} ON CLUSTER ${location.cluster}`,
    });
  } finally {
    await client.close();
  }
}

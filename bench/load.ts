/**
 * bench/load (`npm run load`): a load test, not a test case. Starts a real `greenmfg start` on
 * PostgreSQL (a fresh schema in --database-url) with MQTT ingest from the Mosquitto broker, and
 * telemetry in ClickHouse: --telemetry-url, or else the local 2 x 2 cluster with ZooKeeper that
 * `npm run test:cluster` uses (started here on ports from --cluster-base-port, 29300, and stopped
 * by PID at the end) when Debian's clickhouse-server and zookeeper are installed, or else (and with
 * --duckdb) the embedded DuckDB store; signs in a national administrator made
 * with `greenmfg admin create` and issues an API token as a real client does; registers --meters
 * simulated meters (4 per listed factory) and streams their readings over HTTP and MQTT for
 * --seconds, while --users console users read dashboards. Then it waits for the server to take
 * what the broker holds, stops the server, counts the readings in the telemetry store itself and
 * reports: readings acknowledged and stored (they must be equal), ack latency p50/p99, dashboard
 * latency p50/p99, errors, and the machine's load average. `--json`: the last line is one object.
 *
 * Options: --seconds N (60), --meters N (1000), --users N (50), --period-ms N (5000: each gateway
 * sends once a period), --per-tick N (5 readings per meter per period: one a second), --mqtt-share F (0.5 of the
 * meters publish over MQTT), --think-ms N (1000), --database-url URL
 * (postgres://postgres@127.0.0.1:5432/greenmfg_load, created if missing), --telemetry-url
 * clickhouse://…, --mqtt-url URL (default: a Mosquitto of its own, see below), --keep (keep the
 * schema and data directory).
 *
 * The broker: Mosquitto keeps at most `max_queued_messages` (default 1000) QoS 1 messages for a
 * subscriber that is behind and silently drops the rest, after it has PUBACKed them to the
 * publisher. A server under load falls behind, so with the default a broker-acknowledged reading
 * can be lost before greenmfg ever sees it (docs/deploy.md). Unless --mqtt-url is given, the load
 * test therefore starts its own Mosquitto on a free loopback port, configured as production should
 * be (a queue bound far above any backlog, persistence on), and stops it by its PID at the end;
 * `--mqtt-url mqtt://127.0.0.1:1883` uses the system broker with whatever limits it has.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { createOperator, issueOperatorToken } from '../src/server/testing/operator-token.ts';
import {
  clusterUrl,
  startLocalCluster,
  stopLocalCluster,
  type ClusterState,
} from '../src/store/telemetry/local-cluster.ts';
import { openTelemetry } from '../src/store/telemetry/open-telemetry.ts';
import { dropClickhouseDatabase, parseClickhouseUrl } from '../src/store/telemetry/clickhouse-telemetry.ts';
import { readDashboards, streamReadings, Tally, type SimMeter, type StreamCounts } from './load-traffic.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
};
const seconds = Number(opt('seconds', '60'));
const meterCount = Number(opt('meters', '1000'));
const users = Number(opt('users', '50'));
const periodMs = Number(opt('period-ms', '5000'));
const perTick = Number(opt('per-tick', '5'));
const mqttShare = Number(opt('mqtt-share', '0.5'));
const thinkMs = Number(opt('think-ms', '1000'));
const databaseUrl = opt('database-url', 'postgres://postgres@127.0.0.1:5432/greenmfg_load');
const telemetryUrlOption = opt('telemetry-url', '');
const clusterBasePort = Number(opt('cluster-base-port', '29300'));
// The local 2 x 2 ClickHouse cluster of `npm run test:cluster` when its packages are installed.
const clusterAvailable =
  existsSync('/usr/sbin/clickhouse-server') && existsSync('/usr/share/java/zookeeper.jar');
const useCluster = !telemetryUrlOption && !args.includes('--duckdb') && clusterAvailable;
const mqttUrlOption = opt('mqtt-url', '');
const keep = args.includes('--keep');
const json = args.includes('--json');
const metersPerFactory = 4;
const bin = resolve(import.meta.dirname, '../bin/greenmfg.js');
const say = (line: string) => process.stderr.write(`${line}\n`);

/** Creates the database when missing and a fresh schema in it; the URL points the server at the schema. */
async function freshSchema(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const onDb = async (u: string, statement: string) => {
    const client = new pg.Client({ connectionString: u });
    await client.connect();
    try {
      return await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const exists = await onDb(admin.href, `select 1 from pg_database where datname = '${name}'`);
  if (exists.rowCount === 0) await onDb(admin.href, `create database "${name}"`);
  const schema = `load_${Date.now().toString(36)}`;
  await onDb(url, `create schema ${schema}`);
  target.searchParams.set('options', `-c search_path=${schema}`);
  return { url: target.href, drop: () => onDb(url, `drop schema ${schema} cascade`).then(() => undefined) };
}

/** Starts `greenmfg start` and resolves with its URL once it says it is serving. */
function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; log: string[] }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log: string[] = [];
    const onData = (d: Buffer) => {
      log.push(...d.toString().split('\n').filter(Boolean));
      const m = /serving on (http:\/\/\S+)/.exec(d.toString());
      if (m?.[1]) done({ child, url: m[1], log });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited (${code}):\n${log.join('\n')}`)));
  });
}

async function call<T>(url: string, init: RequestInit & { expect?: number } = {}): Promise<T> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status !== (init.expect ?? 200))
    throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Registers the simulated meters on listed factories, `metersPerFactory` each, a few requests at a time. */
async function registerMeters(url: string, token: string): Promise<SimMeter[]> {
  const factories: string[] = [];
  for (let page = 1; factories.length * metersPerFactory < meterCount; page++) {
    const got = await call<{ items: { id: string }[] }>(`${url}/api/v1/factories?page=${page}&pageSize=200`);
    if (got.items.length === 0) throw new Error('not enough listed factories');
    factories.push(...got.items.map((f) => f.id));
  }
  const meters: SimMeter[] = [];
  const mqttFrom = Math.round(meterCount * (1 - mqttShare));
  for (let i = 0; i < meterCount; i += 8) {
    const ids = Array.from({ length: Math.min(8, meterCount - i) }, (_, k) => i + k);
    await Promise.all(
      ids.map(async (n) => {
        const id = `load-${String(n).padStart(5, '0')}`;
        const factoryId = factories[Math.floor(n / metersPerFactory)] ?? '';
        const meter = await call<{ key: number }>(`${url}/api/v1/meters`, {
          method: 'POST',
          expect: 201,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            id,
            factoryId,
            medium: 'electricity',
            unit: 'kWh',
            intervalSeconds: 60,
            utcOffsetMinutes: 0,
          }),
        });
        meters.push({ id, factoryId, key: meter.key, via: n >= mqttFrom ? 'mqtt' : 'http', next: 0 });
      }),
    );
  }
  return meters;
}

/** Readings the server has stored for these meters, as its API reports them. */
async function storedViaApi(url: string, token: string, meters: readonly SimMeter[]): Promise<number> {
  let total = 0;
  for (let i = 0; i < meters.length; i += 16) {
    const counts = await Promise.all(
      meters.slice(i, i + 16).map(async (m) => {
        const got = await call<{ items: unknown[] }>(
          `${url}/api/v1/meters/${m.id}/readings?from=2025-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        return got.items.length;
      }),
    );
    total += counts.reduce((a, b) => a + b, 0);
  }
  return total;
}

/** Counts the readings in the telemetry store itself (the server is stopped by then). */
async function storedInTelemetry(
  dataDir: string,
  telemetryUrl: string,
  meters: readonly SimMeter[],
): Promise<number> {
  const telemetry = await openTelemetry({
    path: join(dataDir, 'telemetry.duckdb'),
    url: telemetryUrl || null,
  });
  try {
    let total = 0;
    for (const m of meters) total += (await telemetry.readings(m.key, 0, 2 ** 32 - 1)).length;
    return total;
  } finally {
    await telemetry.close();
  }
}

/** A free loopback port (the OS picks one; it is closed again before use). */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts a Mosquitto of the load test's own (see the header) and resolves once it accepts connections. */
async function startBroker(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence true',
      `persistence_location ${dir}/`,
      'max_queued_messages 10000000',
      '',
    ].join('\n'),
  );
  const broker = spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const open = await new Promise<boolean>((done) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (open) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `mqtt://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((r) => broker.once('exit', r));
      if (broker.pid) process.kill(broker.pid, 'SIGTERM');
      await exited;
    },
  };
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** The telemetry URL with another database (its path). */
function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function main(): Promise<void> {
  const schema = await freshSchema(databaseUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'greenmfg-load-'));
  const brokerDir = mkdtempSync(join(tmpdir(), 'greenmfg-load-broker-'));
  const clusterDir = mkdtempSync(join(tmpdir(), 'greenmfg-load-cluster-'));
  let broker: Awaited<ReturnType<typeof startBroker>> | null = null;
  let cluster: ClusterState | null = null;
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  let dropTelemetry: (() => Promise<void>) | null = null;
  try {
    broker = mqttUrlOption ? null : await startBroker(brokerDir);
    const mqttUrl = mqttUrlOption || (broker?.url ?? '');
    if (useCluster) {
      say(`load: starting the local ClickHouse cluster (2 shards x 2 replicas, ports ${clusterBasePort}+)…`);
      cluster = await startLocalCluster(clusterDir, clusterBasePort);
    }
    // A database of its own on a cluster given by URL: readings left by an earlier run would be
    // found as duplicates (the streams' timestamps repeat) and counted as stored, not acknowledged.
    const telemetryUrl = telemetryUrlOption
      ? withDatabase(telemetryUrlOption, `greenmfg_load_${Date.now().toString(36)}`)
      : cluster
        ? clusterUrl(cluster)
        : '';
    dropTelemetry =
      telemetryUrlOption && !keep ? () => dropClickhouseDatabase(parseClickhouseUrl(telemetryUrl)) : null;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GREENMFG_DATA_DIR: dataDir,
      GREENMFG_DATABASE_URL: schema.url,
      GREENMFG_MQTT_URL: mqttUrl,
      GREENMFG_TELEMETRY_URL: telemetryUrl,
      PORT: '0',
      HOST: '127.0.0.1',
    };
    await createOperator({ GREENMFG_DATA_DIR: dataDir, GREENMFG_DATABASE_URL: schema.url });
    say('load: starting greenmfg (first start on a fresh PostgreSQL schema imports the lists)…');
    server = await startServer(env);
    const { url } = server;
    const token = await issueOperatorToken(url);
    const registering = performance.now();
    const meters = await registerMeters(url, token);
    say(
      `load: ${meters.length} meters registered in ${((performance.now() - registering) / 1000).toFixed(1)} s; streaming for ${seconds} s with ${users} console users`,
    );

    const http = new Tally();
    const mqttTally = new Tally();
    const dashboards = new Tally();
    const counts: StreamCounts = { httpAcked: 0, mqttAcked: 0, late: 0 };
    const loads: number[] = [];
    const sampler = setInterval(() => loads.push(loadavg()[0] ?? 0), 5000);
    const started = Date.now();
    const until = started + seconds * 1000;
    await Promise.all([
      streamReadings({
        url,
        token,
        mqttUrl,
        meters,
        periodMs,
        perTick,
        until,
        http,
        mqtt: mqttTally,
        counts,
      }),
      readDashboards({ url, token, users, thinkMs, meters, until, tally: dashboards }),
    ]);
    const streamedSeconds = (Date.now() - started) / 1000;
    clearInterval(sampler);

    // The server takes what the broker still holds for its session; wait until it has it all.
    const mqttMeters = meters.filter((m) => m.via === 'mqtt');
    const draining = Date.now();
    let mqttSeen = -1;
    for (let last = -1, stale = Date.now(); Date.now() - stale < 15_000;) {
      mqttSeen = await storedViaApi(url, token, mqttMeters);
      if (mqttSeen >= counts.mqttAcked) break;
      if (mqttSeen !== last) [last, stale] = [mqttSeen, Date.now()];
      await new Promise((r) => setTimeout(r, 1000));
    }
    const drainSeconds = (Date.now() - draining) / 1000;

    const child = server.child;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    server = null;
    const stored = await storedInTelemetry(dataDir, telemetryUrl, meters);
    const acknowledged = counts.httpAcked + counts.mqttAcked;
    const report = {
      seconds: Math.round(streamedSeconds * 10) / 10,
      meters: meters.length,
      httpMeters: meters.length - mqttMeters.length,
      mqttMeters: mqttMeters.length,
      users,
      database: 'postgresql',
      broker: mqttUrlOption ? mqttUrl : 'own Mosquitto (max_queued_messages 10000000)',
      telemetry: cluster
        ? 'clickhouse: local 2 x 2 cluster (ZooKeeper, Debian clickhouse-server 18.16)'
        : telemetryUrl
          ? 'clickhouse'
          : 'duckdb',
      readingsAcknowledged: acknowledged,
      acknowledgedHttp: counts.httpAcked,
      acknowledgedMqtt: counts.mqttAcked,
      readingsStored: stored,
      equal: stored === acknowledged,
      readingsPerSecond: Math.round(acknowledged / streamedSeconds),
      httpAckMs: {
        p50: round(http.quantile(0.5)),
        p99: round(http.quantile(0.99)),
        requests: http.latencies.length,
      },
      mqttPubackMs: {
        p50: round(mqttTally.quantile(0.5)),
        p99: round(mqttTally.quantile(0.99)),
        messages: mqttTally.latencies.length,
      },
      mqttDrainSeconds: Math.round(drainSeconds * 10) / 10,
      dashboardMs: {
        p50: round(dashboards.quantile(0.5)),
        p99: round(dashboards.quantile(0.99)),
        requests: dashboards.latencies.length,
      },
      errors: {
        http: http.errors,
        mqtt: mqttTally.errors,
        dashboards: dashboards.errors,
        lateTicks: counts.late,
      },
      errorSamples: [...http.errorSamples, ...mqttTally.errorSamples, ...dashboards.errorSamples],
      loadAverage1m: {
        mean: round(loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)),
        max: round(Math.max(0, ...loads)),
      },
      cores: (await import('node:os')).cpus().length,
    };
    say(
      `readings acknowledged   ${acknowledged} (HTTP ${counts.httpAcked}, MQTT ${counts.mqttAcked}) in ${report.seconds} s, ${report.readingsPerSecond}/s`,
    );
    say(
      `readings stored         ${stored} (counted in the telemetry store after the server stopped): ${report.equal ? 'equal' : 'NOT EQUAL'}`,
    );
    say(
      `HTTP ack latency        p50 ${report.httpAckMs.p50} ms, p99 ${report.httpAckMs.p99} ms over ${report.httpAckMs.requests} requests (ack after commit)`,
    );
    say(
      `MQTT PUBACK latency     p50 ${report.mqttPubackMs.p50} ms, p99 ${report.mqttPubackMs.p99} ms over ${report.mqttPubackMs.messages} messages (broker's ack; the server had all ${report.mqttDrainSeconds} s after the stream ended)`,
    );
    say(
      `dashboard latency       p50 ${report.dashboardMs.p50} ms, p99 ${report.dashboardMs.p99} ms over ${report.dashboardMs.requests} requests by ${users} users`,
    );
    say(
      `errors                  HTTP ${report.errors.http}, MQTT ${report.errors.mqtt}, dashboards ${report.errors.dashboards}; late gateway ticks ${report.errors.lateTicks}`,
    );
    say(
      `load average (1 min)    mean ${report.loadAverage1m.mean}, max ${report.loadAverage1m.max} on ${report.cores} cores`,
    );
    for (const s of report.errorSamples) say(`  error: ${s}`);
    if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
    if (!report.equal) process.exitCode = 1;
  } finally {
    if (server) {
      server.child.kill('SIGTERM');
      await new Promise((r) => server?.child.once('exit', r));
    }
    await broker?.stop();
    if (cluster) await stopLocalCluster(cluster);
    await dropTelemetry?.().catch((e: unknown) =>
      say(
        `load: could not drop the load test's telemetry database: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
    if (keep) say(`load: kept ${dataDir} and ${schema.url}`);
    else {
      await schema.drop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(brokerDir, { recursive: true, force: true });
      rmSync(clusterDir, { recursive: true, force: true });
    }
  }
}

await main();

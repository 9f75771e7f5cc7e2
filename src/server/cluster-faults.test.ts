import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openClickhouseTelemetry, parseClickhouseUrl } from '../store/telemetry/clickhouse-telemetry.ts';
import {
  clusterUrl,
  killProcess,
  loadClusterState,
  startNode,
  startZookeeper,
  type ClusterState,
} from '../store/telemetry/local-cluster.ts';
import {
  clusterT0,
  getJson,
  killGreenmfg,
  runGateway,
  startGreenmfg,
  type GreenmfgProcess,
} from './testing/cluster-ingest.ts';

/**
 * Fault tests of `npm run test:cluster` (issue 9): a real greenmfg server on the ClickHouse cluster
 * of 2 shards x 2 replicas, a gateway ingesting over HTTP, and a fault in the middle: a replica
 * killed, a whole shard killed, ZooKeeper stopped, the greenmfg server itself killed. Afterwards
 * the stored readings must be exactly the acknowledged ones, the rollups (in memory and in the
 * store) their sums, and while the cluster could not take writes the gateway saw only 503s.
 */
const clusterDir = process.env.GREENMFG_CLUSTER_DIR;
const bin = resolve(import.meta.dirname, '../../bin/greenmfg.js');
const operator = { email: 'cluster-ops@example.cn', password: 'a long enough cluster password' };

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!clusterDir)('telemetry on a ClickHouse cluster (2 shards x 2 replicas) under faults', () => {
  let state: ClusterState;
  let dataDir: string;
  let env: Record<string, string>;
  let server: GreenmfgProcess;
  let token: string;
  let database: string;

  /** Runs SQL on the first live node's HTTP interface (the checks' own view, not the product's). */
  const sql = async (query: string): Promise<string> => {
    for (const n of state.nodes) {
      try {
        const res = await fetch(`http://127.0.0.1:${n.http}/?database=${database}`, {
          method: 'POST',
          body: query,
        });
        if (res.ok) return (await res.text()).trim();
      } catch {
        // try the next node
      }
    }
    throw new Error('no node answered');
  };
  const storedReadings = async () =>
    Number(await sql(`SELECT sum(length(tss)) FROM telemetry FINAL WHERE kind = 0`));

  beforeAll(async () => {
    state = loadClusterState(clusterDir as string);
    dataDir = mkdtempSync(join(tmpdir(), 'greenmfg-cluster-'));
    database = `faults_${process.pid}`;
    const url = clusterUrl(state).replace(`/${state.database}?`, `/${database}?`);
    env = { GREENMFG_DATA_DIR: dataDir, GREENMFG_DATABASE_URL: '', GREENMFG_TELEMETRY_URL: url };
    await promisify(execFile)(
      process.execPath,
      [bin, 'admin', 'create', '--email', operator.email, '--password', operator.password],
      { env: { ...process.env, ...env } },
    );
    server = await startGreenmfg(env);
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(operator),
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const issued = await fetch(`${server.url}/api/v1/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'cluster gateway' }),
    });
    token = ((await issued.json()) as { token: string }).token;
  }, 240_000);

  // Whatever a test did, the next one starts on a whole cluster.
  afterEach(async () => {
    if (!alive(state.zookeeper.pid)) await startZookeeper(state);
    for (const n of state.nodes) if (!alive(n.pid)) await startNode(state, n.name);
  }, 120_000);

  afterAll(async () => {
    if (server) await killGreenmfg(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Registers `count` meters of one-minute electricity (UTC) and returns their ids and telemetry keys. */
  async function addMeters(tag: string, count: number): Promise<{ ids: string[]; keys: number[] }> {
    const ids: string[] = [];
    const keys: number[] = [];
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${server.url}/api/v1/meters`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          id: `${tag}-${i}`,
          factoryId: `${tag}-factory`,
          medium: 'electricity',
          unit: 'kWh',
          intervalSeconds: 60,
          utcOffsetMinutes: 0,
        }),
      });
      expect(res.status).toBe(201);
      ids.push(`${tag}-${i}`);
      keys.push(((await res.json()) as { key: number }).key);
    }
    return { ids, keys };
  }

  /**
   * Ingests through the gateway, runs `fault` in the middle, then checks: readings stored are
   * exactly the acknowledged ones (set and values, over the API and counted in the store), day
   * rollups in the server's memory and in the store equal the sums of acknowledged values.
   */
  async function ingestThrough(
    tag: string,
    fault: (
      gateway: ReturnType<typeof runGateway>,
      meters: { ids: string[]; keys: number[] },
    ) => Promise<void>,
  ) {
    const meters = await addMeters(tag, 6);
    const before = await storedReadings();
    const gateway = runGateway({ url: () => server.url, token, meters: meters.ids, perMeter: 60 });
    try {
      await gateway.waitForBatches(3);
      await fault(gateway, meters);
      await gateway.waitForBatches(3);
    } catch (e) {
      await gateway.stop(true);
      throw e;
    }
    await gateway.stop();
    const after = await storedReadings();
    const ackedCount = [...gateway.acked.values()].reduce((n, m) => n + m.size, 0);
    const to = new Date((clusterT0 + 86400 * 30) * 1000).toISOString();
    const from = new Date(clusterT0 * 1000).toISOString();
    for (const id of meters.ids) {
      const { status, body } = await getJson<{ items: { ts: string; value: number }[] }>(
        `${server.url}/api/v1/meters/${id}/readings?from=${from}&to=${to}`,
        token,
      );
      expect(status).toBe(200);
      const stored = new Map(body.items.map((r) => [Date.parse(r.ts) / 1000, r.value]));
      expect(stored).toEqual(gateway.acked.get(id));
    }
    // Day sums of acknowledged values, per meter (UTC days, end-labelled: 00:00 closes the day before).
    const expected = new Map<string, number>();
    meters.ids.forEach((id, i) => {
      for (const [ts, v] of gateway.acked.get(id) ?? []) {
        const day = Math.floor((ts - 1) / 86400);
        const k = `${meters.keys[i]}/${day}`;
        expected.set(k, (expected.get(k) ?? 0) + v);
      }
    });
    const inMemory = new Map<string, number>();
    for (const [i, id] of meters.ids.entries()) {
      const { status, body } = await getJson<{ items: { bucket: string; sum: number }[] }>(
        `${server.url}/api/v1/meters/${id}/rollups?grain=day&from=2025-01-01&to=2025-01-31`,
        token,
      );
      expect(status).toBe(200);
      for (const r of body.items)
        inMemory.set(`${meters.keys[i]}/${Date.parse(r.bucket) / 86400_000}`, r.sum);
    }
    expect(inMemory).toEqual(expected);
    // Hour rollups are read from the store (rollup parts summed through the Distributed table).
    for (const id of meters.ids) {
      const { status, body } = await getJson<{ items: { bucket: string; sum: number }[] }>(
        `${server.url}/api/v1/meters/${id}/rollups?grain=hour&from=2025-01-01&to=2025-01-31`,
        token,
      );
      expect(status).toBe(200);
      const hours = new Map<number, number>();
      for (const [ts, v] of gateway.acked.get(id) ?? []) {
        const hour = Math.floor((ts - 1) / 3600);
        hours.set(hour, (hours.get(hour) ?? 0) + v);
      }
      expect(new Map(body.items.map((r) => [Date.parse(r.bucket) / 3600_000, r.sum]))).toEqual(hours);
    }
    const store = await openClickhouseTelemetry(parseClickhouseUrl(env.GREENMFG_TELEMETRY_URL as string));
    try {
      const inStore = new Map(
        (await store.loadRollups(meters.keys))
          .filter((r) => r.grain === 1)
          .map((r) => [`${r.meter}/${r.bucket}`, r.sum]),
      );
      expect(inStore).toEqual(expected);
    } finally {
      await store.close();
    }
    if (gateway.log.unexpected.length > 0) console.log(server.output());
    expect(gateway.log.unexpected).toEqual([]);
    expect(after - before).toBe(ackedCount);
    console.log(
      `${tag}: readings stored before ${before}, after ${after}; acknowledged ${ackedCount} in ${gateway.batches} batches; ` +
        `503 GM_TELEMETRY_UNAVAILABLE answers ${gateway.log.unavailable}, unanswered requests ${gateway.log.noAnswer}`,
    );
    return gateway.log;
  }

  const node = (name: string) => state.nodes.find((n) => n.name === name) as ClusterState['nodes'][number];

  /** A read that goes to the store (readings of a meter): its status, and its count when it answers. */
  const readCount = async (id: string) => {
    const to = new Date((clusterT0 + 86400 * 30) * 1000).toISOString();
    const from = new Date(clusterT0 * 1000).toISOString();
    const { status, body } = await getJson<{ items?: unknown[]; code?: string }>(
      `${server.url}/api/v1/meters/${id}/readings?from=${from}&to=${to}`,
      token,
    );
    return { status, count: body.items?.length ?? -1, code: body.code };
  };

  it('loses and doubles nothing when one replica of a shard is killed with kill -9 mid-ingest', async () => {
    const log = await ingestThrough('replica', async (gateway, meters) => {
      await killProcess(node('s2r2').pid, 'SIGKILL');
      // Writes wait for the quorum of two replicas; reads go on from the surviving replica, in full.
      await sleep(12_000);
      const acked = gateway.acked.get(meters.ids[1] as string)?.size ?? 0;
      const read = await readCount(meters.ids[1] as string);
      expect(read.status).toBe(200);
      expect(read.count).toBeGreaterThanOrEqual(acked);
      await startNode(state, 's2r2');
    });
    expect(log.unavailable).toBeGreaterThan(0);
  }, 240_000);

  it('loses and doubles nothing when a whole shard is killed mid-ingest and restarted; reads error meanwhile', async () => {
    const log = await ingestThrough('shard', async (_gateway, meters) => {
      await Promise.all([killProcess(node('s2r1').pid), killProcess(node('s2r2').pid)]);
      await sleep(3_000);
      // A read while shard 2 is down errors (both a meter of shard 1 and one of shard 2), never a smaller answer.
      for (const id of meters.ids.slice(0, 2)) {
        const read = await readCount(id);
        expect(read).toMatchObject({ status: 503, code: 'GM_TELEMETRY_UNAVAILABLE' });
        const hours = await getJson<{ code?: string }>(
          `${server.url}/api/v1/meters/${id}/rollups?grain=hour&from=2025-01-01&to=2025-01-31`,
          token,
        );
        expect(hours).toMatchObject({ status: 503, body: { code: 'GM_TELEMETRY_UNAVAILABLE' } });
      }
      await Promise.all([startNode(state, 's2r1'), startNode(state, 's2r2')]);
    });
    expect(log.unavailable).toBeGreaterThan(0);
  }, 240_000);

  it('loses and doubles nothing when ZooKeeper is stopped mid-ingest and restarted; reads go on', async () => {
    const log = await ingestThrough('zookeeper', async (gateway, meters) => {
      await killProcess(state.zookeeper.pid, 'SIGTERM');
      await sleep(8_000);
      const acked = gateway.acked.get(meters.ids[0] as string)?.size ?? 0;
      const read = await readCount(meters.ids[0] as string);
      expect(read.status).toBe(200);
      expect(read.count).toBeGreaterThanOrEqual(acked);
      await startZookeeper(state);
    });
    expect(log.unavailable).toBeGreaterThan(0);
  }, 240_000);

  it('loses and doubles nothing when the greenmfg server is killed with SIGKILL mid-ingest and restarted', async () => {
    const log = await ingestThrough('server', async () => {
      await killGreenmfg(server);
      await sleep(1_000);
      server = await startGreenmfg(env);
    });
    expect(log.noAnswer).toBeGreaterThan(0);
  }, 240_000);
});

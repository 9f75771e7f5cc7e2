import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

/**
 * A ClickHouse cluster on loopback for tests (`npm run test:cluster`): one standalone ZooKeeper
 * and 2 shards x 2 replicas of Debian's clickhouse-server 18.16, each with its own ports, data
 * directory and macros. Every process is started detached and recorded by PID in a state file, so
 * that the fault tests (another process) can kill and restart nodes and the script that started
 * the cluster can stop whatever runs at the end.
 */
export interface ClusterNode {
  readonly name: string;
  readonly shard: number;
  readonly replica: number;
  readonly http: number;
  readonly tcp: number;
  readonly interserver: number;
  pid: number;
}

export interface ClusterState {
  readonly dir: string;
  readonly cluster: string;
  readonly database: string;
  readonly zookeeper: { readonly port: number; pid: number };
  readonly nodes: ClusterNode[];
}

export const clusterName = 'greenmfg';

const clickhouseServer = '/usr/sbin/clickhouse-server';
const zookeeperClasspath = '/etc/zookeeper/conf:/usr/share/java/zookeeper.jar';

const stateFile = (dir: string) => join(dir, 'cluster.json');

/** The telemetry URL of the cluster, entering through `node` (default the first replica of shard 1). */
export function clusterUrl(state: ClusterState, node = state.nodes[0]): string {
  return `clickhouse://127.0.0.1:${node?.http ?? 0}/${state.database}?cluster=${state.cluster}`;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(what: string, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await ready()) return;
    await sleep(200);
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
}

function zookeeperAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let text = '';
    // A server still starting may accept and never answer: give each probe a second.
    socket.setTimeout(1000, () => socket.destroy());
    socket.once('connect', () => socket.write('ruok'));
    socket.on('data', (d) => (text += d.toString()));
    socket.once('close', () => done(text === 'imok'));
    socket.once('error', () => done(false));
  });
}

async function clickhouseAnswers(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/ping`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

function nodeConfig(state: ClusterState, node: ClusterNode): string {
  const dir = join(state.dir, node.name);
  const shards = [1, 2]
    .map((shard) => {
      const replicas = state.nodes
        .filter((n) => n.shard === shard)
        .map((n) => `<replica><host>127.0.0.1</host><port>${n.tcp}</port></replica>`)
        .join('');
      return `<shard><internal_replication>true</internal_replication>${replicas}</shard>`;
    })
    .join('');
  // Small caches: the machine is shared; a test cluster needs little memory.
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/error.log</errorlog><size>10M</size><count>2</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${node.http}</http_port>
  <tcp_port>${node.tcp}</tcp_port>
  <interserver_http_port>${node.interserver}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${join(state.dir, 'users.xml')}</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <builtin_dictionaries_reload_interval>0</builtin_dictionaries_reload_interval>
  <remote_servers><${state.cluster}>${shards}</${state.cluster}></remote_servers>
  <zookeeper><node><host>127.0.0.1</host><port>${state.zookeeper.port}</port></node><session_timeout_ms>6000</session_timeout_ms></zookeeper>
  <macros><shard>${String(node.shard).padStart(2, '0')}</shard><replica>r${node.replica}</replica></macros>
  <distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>
</yandex>
`;
}

const usersXml = `<?xml version="1.0"?>
<yandex>
  <profiles><default>
    <max_memory_usage>2000000000</max_memory_usage>
    <background_pool_size>4</background_pool_size>
    <load_balancing>in_order</load_balancing>
  </default></profiles>
  <users><default>
    <password></password>
    <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
    <profile>default</profile>
    <quota>default</quota>
  </default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;

function launch(command: string, args: string[], logFile: string): number {
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', 'ignore', 'ignore'],
    env: { ...process.env, LOG_FILE: logFile },
  });
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  return child.pid;
}

function save(state: ClusterState): void {
  writeFileSync(stateFile(state.dir), JSON.stringify(state, null, 2));
}

/** Reads the state file of a cluster started by another process. */
export function loadClusterState(dir: string): ClusterState {
  return JSON.parse(readFileSync(stateFile(dir), 'utf8')) as ClusterState;
}

/** Starts (or restarts) ZooKeeper and waits until it answers `ruok`. */
export async function startZookeeper(state: ClusterState): Promise<void> {
  const dir = join(state.dir, 'zookeeper');
  mkdirSync(join(dir, 'data'), { recursive: true });
  const cfg = join(dir, 'zoo.cfg');
  writeFileSync(
    cfg,
    [
      'tickTime=500',
      'initLimit=10',
      'syncLimit=5',
      `dataDir=${dir}/data`,
      `clientPort=${state.zookeeper.port}`,
      'clientPortAddress=127.0.0.1',
      'admin.enableServer=false',
      '4lw.commands.whitelist=ruok',
      'maxSessionTimeout=20000',
      '',
    ].join('\n'),
  );
  state.zookeeper.pid = launch(
    '/usr/bin/java',
    [
      '-Xmx256m',
      '-Dzookeeper.admin.enableServer=false',
      `-Dzookeeper.log.dir=${dir}`,
      '-Dzookeeper.root.logger=WARN,CONSOLE',
      '-cp',
      zookeeperClasspath,
      'org.apache.zookeeper.server.quorum.QuorumPeerMain',
      cfg,
    ],
    join(dir, 'zookeeper.log'),
  );
  save(state);
  await waitUntil('ZooKeeper', () => zookeeperAnswers(state.zookeeper.port));
}

/** Starts (or restarts) one clickhouse-server and waits until it answers /ping. */
export async function startNode(state: ClusterState, name: string): Promise<void> {
  const node = state.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node ${name}`);
  const dir = join(state.dir, node.name);
  mkdirSync(dir, { recursive: true });
  const cfg = join(dir, 'config.xml');
  writeFileSync(cfg, nodeConfig(state, node));
  node.pid = launch(clickhouseServer, [`--config-file=${cfg}`], join(dir, 'stdout.log'));
  save(state);
  await waitUntil(`clickhouse-server ${name}`, () => clickhouseAnswers(node.http));
}

/** Sends `signal` to a process of the cluster by its PID and waits until it is gone. */
export async function killProcess(pid: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  try {
    process.kill(pid, signal);
  } catch {
    return; // already gone
  }
  await waitUntil(
    `process ${pid} to exit`,
    () => {
      try {
        process.kill(pid, 0);
        // A zombie of ours still answers signal 0; its state in /proc says it has exited.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Promise.resolve(/^\d+ \(.*\) Z/.test(stat));
      } catch {
        return Promise.resolve(true);
      }
    },
    30_000,
  );
}

/**
 * Writes the configuration of a 2 x 2 cluster under `dir` with ports from `basePort` up, starts
 * ZooKeeper and the four servers, and waits for all of them. Refuses ports already taken.
 */
export async function startLocalCluster(dir: string, basePort: number): Promise<ClusterState> {
  const nodes: ClusterNode[] = [];
  for (const shard of [1, 2])
    for (const replica of [1, 2]) {
      const i = nodes.length;
      nodes.push({
        name: `s${shard}r${replica}`,
        shard,
        replica,
        http: basePort + 10 + i,
        tcp: basePort + 20 + i,
        interserver: basePort + 30 + i,
        pid: 0,
      });
    }
  const state: ClusterState = {
    dir,
    cluster: clusterName,
    database: 'greenmfg',
    zookeeper: { port: basePort, pid: 0 },
    nodes,
  };
  const ports = [basePort, ...nodes.flatMap((n) => [n.http, n.tcp, n.interserver])];
  for (const port of ports)
    if (await portOpen(port))
      throw new Error(`port ${port} on 127.0.0.1 is taken; set GREENMFG_CLUSTER_BASE_PORT to another base`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'users.xml'), usersXml);
  await startZookeeper(state);
  await Promise.all(nodes.map((n) => startNode(state, n.name)));
  return state;
}

/** Stops every process of the cluster by its PID (SIGTERM, then SIGKILL after a grace period). */
export async function stopLocalCluster(state: ClusterState): Promise<void> {
  const pids = [...state.nodes.map((n) => n.pid), state.zookeeper.pid].filter((p) => p > 0);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await Promise.all(
    pids.map((pid) =>
      killProcess(pid, 'SIGTERM').catch(() => killProcess(pid, 'SIGKILL').catch(() => undefined)),
    ),
  );
}

/**
 * `npm run test:cluster` (issue 9): installs Debian's clickhouse-server, clickhouse-client and
 * zookeeper when missing (without letting their own services start), starts on loopback a
 * standalone ZooKeeper and a ClickHouse cluster of 2 shards x 2 replicas in a temporary directory,
 * runs the telemetry contract suite through the cluster's Distributed table and then the fault
 * tests, prints the runner's closing lines, and stops every process it started by its PID, also
 * when something fails or the script is interrupted.
 *
 * GREENMFG_CLUSTER_BASE_PORT (default 29100) moves the 13 ports (base .. base+33).
 * GREENMFG_CLUSTER_REPORT_DIR: each run also writes a vitest JSON report there (CI's closing line).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  clusterUrl,
  loadClusterState,
  startLocalCluster,
  stopLocalCluster,
} from '../src/store/telemetry/local-cluster.ts';

const root = resolve(import.meta.dirname, '..');
const say = (line: string) => process.stdout.write(`test:cluster: ${line}\n`);

function ensurePackages(): void {
  if (existsSync('/usr/sbin/clickhouse-server') && existsSync('/usr/share/java/zookeeper.jar')) return;
  say('installing clickhouse-server, clickhouse-client and zookeeper (Debian) ...');
  // policy-rc.d answering 101 keeps the packages' own services from starting and taking the
  // default ports; the cluster below runs its own processes on ports of its own.
  const policy = '/usr/sbin/policy-rc.d';
  const hadPolicy = existsSync(policy);
  if (!hadPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const apt = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    execFileSync('apt-get', ['update'], apt);
    execFileSync('apt-get', ['install', '-y', 'clickhouse-server', 'clickhouse-client', 'zookeeper'], apt);
  } finally {
    if (!hadPolicy) rmSync(policy, { force: true });
  }
}

// The contract suites (the store's, the metering service's over it) and the store's own cluster
// cases on the whole cluster first, then the fault tests.
const suites = [
  [
    'src/store/telemetry/telemetry.contract.test.ts',
    'src/store/telemetry/clickhouse-telemetry.test.ts',
    'src/services/metering/metering-service.contract.test.ts',
  ],
  ['src/server/cluster-faults.test.ts'],
];

const reportDir = process.env.GREENMFG_CLUSTER_REPORT_DIR;

function runVitest(
  files: readonly string[],
  env: Record<string, string>,
  name: string,
): Promise<{ code: number; closing: string[] }> {
  const report = reportDir
    ? [
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${join(reportDir, `cluster-${name}.json`)}`,
      ]
    : [];
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        ...files,
        '--maxWorkers=1',
        '--no-file-parallelism',
        ...report,
      ],
      { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d);
    });
    stopChild = () => child.kill('SIGTERM');
    child.on('exit', (code) => {
      const plain = out.replace(/\u001b\[[0-9;]*m/g, '');
      const closing = plain.split('\n').filter((l) => /^\s*(Test Files|Tests|Duration)\s/.test(l));
      done({ code: code ?? 1, closing });
    });
  });
}

let stopChild = () => undefined as unknown;
const started = Date.now();
ensurePackages();
const dir = mkdtempSync(join(tmpdir(), 'greenmfg-cluster-'));
const basePort = Number(process.env.GREENMFG_CLUSTER_BASE_PORT ?? '29100');
let code = 1;
const stop = async () => {
  if (!existsSync(join(dir, 'cluster.json'))) return;
  // The fault tests restart processes: the state file holds the PIDs running now.
  await stopLocalCluster(loadClusterState(dir));
  say('stopped ZooKeeper and the four clickhouse-server processes');
};
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    stopChild();
    void stop().finally(() => process.exit(130));
  });
try {
  say(
    `starting ZooKeeper and 2 shards x 2 replicas of clickhouse-server in ${dir} (ports ${basePort}..${basePort + 33})`,
  );
  const state = await startLocalCluster(dir, basePort);
  say(`cluster up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${clusterUrl(state)}`);
  const env = { GREENMFG_TEST_CLICKHOUSE: clusterUrl(state), GREENMFG_CLUSTER_DIR: dir };
  const closing: string[] = [];
  code = 0;
  for (const [i, files] of suites.entries()) {
    const result = await runVitest(files, env, i === 0 ? 'contract' : 'faults');
    code ||= result.code;
    closing.push(`${i === 0 ? 'contract suite' : 'fault tests'}:`, ...result.closing);
  }
  for (const line of closing) process.stdout.write(`${line}\n`);
} catch (e) {
  code = 1;
  say(`failed: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  await stop();
  if (code === 0) rmSync(dir, { recursive: true, force: true });
  else say(`logs kept in ${dir}`);
  say(`${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
process.exit(code);

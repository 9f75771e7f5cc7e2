/**
 * `npm run cluster -- start [DIR]` / `npm run cluster -- stop [DIR]`: the loopback ClickHouse cluster
 * of `npm run test:cluster` (ZooKeeper + 2 shards x 2 replicas of Debian's clickhouse-server), left
 * running for benchmarks and manual work. `start` prints the GREENMFG_TELEMETRY_URL to use; `stop`
 * stops every process recorded in DIR by its PID and removes DIR. DIR defaults to
 * /tmp/greenmfg-cluster; ports start at GREENMFG_CLUSTER_BASE_PORT (29200, clear of test:cluster's).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import {
  clusterUrl,
  loadClusterState,
  startLocalCluster,
  stopLocalCluster,
} from '../src/store/telemetry/local-cluster.ts';

const [command, dirArg] = process.argv.slice(2);
const dir = dirArg ?? '/tmp/greenmfg-cluster';
const basePort = Number(process.env.GREENMFG_CLUSTER_BASE_PORT ?? '29200');

if (command === 'start') {
  if (existsSync(`${dir}/cluster.json`)) {
    process.stderr.write(
      `a cluster is recorded in ${dir} already; run "npm run cluster -- stop ${dir}" first\n`,
    );
    process.exit(1);
  }
  mkdirSync(dir, { recursive: true });
  const state = await startLocalCluster(dir, basePort);
  process.stdout.write(`${clusterUrl(state)}\n`);
} else if (command === 'stop') {
  if (!existsSync(`${dir}/cluster.json`)) {
    process.stderr.write(`no cluster recorded in ${dir}\n`);
    process.exit(1);
  }
  await stopLocalCluster(loadClusterState(dir));
  rmSync(dir, { recursive: true, force: true });
} else {
  process.stderr.write('usage: npm run cluster -- start|stop [DIR]\n');
  process.exit(2);
}

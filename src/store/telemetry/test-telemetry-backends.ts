import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Telemetry } from '../../core/ports.ts';
import { openClickhouseTelemetry, parseClickhouseUrl } from './clickhouse-telemetry.ts';
import { openDuckdbTelemetry } from './duckdb-telemetry.ts';

/**
 * A telemetry backend the contract suite runs against: DuckDB always, and the ClickHouse cluster of
 * `npm run test:cluster` when GREENMFG_TEST_CLICKHOUSE holds its URL.
 */
export interface TelemetryBackend {
  readonly name: string;
  /** Opens a fresh store; `reopen` opens the same one again after `close` (for durability checks). */
  open(): Promise<{ telemetry: Telemetry; reopen: () => Promise<Telemetry>; dispose: () => void }>;
}

export const telemetryBackends: TelemetryBackend[] = [
  {
    name: 'duckdb file',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'greenmfg-telemetry-'));
      const path = join(dir, 'telemetry.duckdb');
      return {
        telemetry: await openDuckdbTelemetry(path),
        reopen: () => openDuckdbTelemetry(path),
        dispose: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];

const clickhouseUrl = process.env.GREENMFG_TEST_CLICKHOUSE;
if (clickhouseUrl) {
  const base = parseClickhouseUrl(clickhouseUrl);
  let opened = 0;
  telemetryBackends.push({
    name: `clickhouse cluster ${base.cluster} (Distributed)`,
    async open() {
      // A database of its own per store: the cluster outlives the test and is thrown away after.
      const location = { ...base, database: `t${process.pid}_${Date.now().toString(36)}_${opened++}` };
      return {
        telemetry: await openClickhouseTelemetry(location),
        reopen: () => openClickhouseTelemetry(location),
        dispose: () => undefined,
      };
    },
  });
}

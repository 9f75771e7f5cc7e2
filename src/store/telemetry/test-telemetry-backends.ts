import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Telemetry } from '../../core/ports.ts';
import { openDuckdbTelemetry } from './duckdb-telemetry.ts';

/** A telemetry backend the contract suite runs against (ClickHouse joins with issue 9). */
export interface TelemetryBackend {
  readonly name: string;
  /** Opens a fresh store; `reopen` opens the same one again after `close` (for durability checks). */
  open(): Promise<{ telemetry: Telemetry; reopen: () => Promise<Telemetry>; dispose: () => void }>;
}

export const telemetryBackends: readonly TelemetryBackend[] = [
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

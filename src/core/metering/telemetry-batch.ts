import type { FlagKind, StoredColumns } from './plan-ingest.ts';
import type { RollupParts } from './rollup-parts.ts';

/** A flag as stored beside the readings. */
export interface StoredFlag {
  readonly meter: number;
  readonly ts: number;
  readonly kind: FlagKind;
  readonly detail: string;
}

/** What one ingest batch hands to the telemetry store to make durable in one transaction. */
export interface TelemetryBatch {
  readonly readings: StoredColumns;
  readonly parts: readonly RollupParts[];
  readonly flags: readonly StoredFlag[];
}

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

/**
 * One batch holding several (a group commit): readings concatenated, rollup parts and flags listed
 * one after the other (the stores sum parts, so a meter's parts may come from several batches).
 */
export function mergeBatches(batches: readonly TelemetryBatch[]): TelemetryBatch {
  if (batches.length === 1) return batches[0] as TelemetryBatch;
  const count = batches.reduce((n, b) => n + b.readings.count, 0);
  const meter = new Uint32Array(count);
  const ts = new Uint32Array(count);
  const value = new Float64Array(count);
  let at = 0;
  for (const { readings: r } of batches) {
    meter.set(r.meter.subarray(0, r.count), at);
    ts.set(r.ts.subarray(0, r.count), at);
    value.set(r.value.subarray(0, r.count), at);
    at += r.count;
  }
  return {
    readings: { count, meter, ts, value },
    parts: batches.flatMap((b) => b.parts),
    flags: batches.flatMap((b) => b.flags),
  };
}

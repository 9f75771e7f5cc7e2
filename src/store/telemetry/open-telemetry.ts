import type { Telemetry } from '../../core/ports.ts';
import { openClickhouseTelemetry, parseClickhouseUrl } from './clickhouse-telemetry.ts';
import { openDuckdbTelemetry } from './duckdb-telemetry.ts';

/**
 * Opens the configured telemetry store: the ClickHouse cluster when a `clickhouse://` URL is given
 * (GREENMFG_TELEMETRY_URL), else the embedded DuckDB file in the data directory.
 */
export function openTelemetry(where: {
  readonly path: string;
  readonly url: string | null;
}): Promise<Telemetry> {
  return where.url ? openClickhouseTelemetry(parseClickhouseUrl(where.url)) : openDuckdbTelemetry(where.path);
}

import { resolve } from 'node:path';
import { GmError } from '../core/errors.ts';
import { loadPactConfig, type PactConfig } from './pact-config.ts';

/** The one typed configuration, read from the environment once at start-up. */
export interface Config {
  readonly dataDir: string;
  /** A postgres:// URL, or the SQLite file in the data directory. */
  readonly databaseUrl: string;
  /** The most connections the PostgreSQL pool holds (GREENMFG_DATABASE_POOL_SIZE, default 10). */
  readonly databasePoolSize: number;
  readonly port: number;
  readonly host: string;
  /** The DuckDB telemetry store (meter readings and rollups), a file in the data directory. */
  readonly telemetryPath: string;
  /** A ClickHouse cluster for telemetry instead (GREENMFG_TELEMETRY_URL, clickhouse://host:8123/db?cluster=NAME); null: DuckDB. */
  readonly telemetryUrl: string | null;
  /** The MQTT broker to take readings from (GREENMFG_MQTT_URL); null: MQTT ingest is off. */
  readonly mqttUrl: string | null;
  /** Connections sharing the MQTT subscription (GREENMFG_MQTT_CONNECTIONS, default 32; keep it across restarts). */
  readonly mqttConnections: number;
  /** Where the shipped datasets live (the repository's datasets/ folder). */
  readonly datasetsDir: string;
  /** Mark session and CSRF cookies Secure (GREENMFG_COOKIE_SECURE=1 behind HTTPS). */
  readonly cookieSecure: boolean;
  /** Seed of the simulated operating data made on the first start (GREENMFG_SIMULATION_SEED). */
  readonly simulationSeed: string;
  /** The PACT v3 host (GREENMFG_PACT_*): off unless GREENMFG_PACT_PORT is set. */
  readonly pact: PactConfig;
}

const repoRoot = resolve(import.meta.dirname, '../..');

/** Builds the configuration from environment variables, with defaults that run the embedded mode. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.GREENMFG_DATA_DIR ?? 'data');
  const portText = env.PORT ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new GmError('GM_CONFIG', `PORT must be an integer from 0 to 65535, got "${portText}"`, {
      field: 'PORT',
      value: portText,
    });
  }
  const databaseUrl = env.GREENMFG_DATABASE_URL || resolve(dataDir, 'greenmfg.sqlite');
  const databasePoolSize = intSetting(env, 'GREENMFG_DATABASE_POOL_SIZE', 10, 1000);
  const mqttConnections = intSetting(env, 'GREENMFG_MQTT_CONNECTIONS', 32, 256);
  return {
    dataDir,
    databaseUrl,
    databasePoolSize,
    port,
    host: env.HOST ?? '0.0.0.0',
    cookieSecure: env.GREENMFG_COOKIE_SECURE === '1' || env.GREENMFG_COOKIE_SECURE === 'true',
    telemetryPath: resolve(dataDir, 'telemetry.duckdb'),
    telemetryUrl: telemetryUrlOf(env.GREENMFG_TELEMETRY_URL),
    mqttUrl: env.GREENMFG_MQTT_URL || null,
    mqttConnections,
    simulationSeed: env.GREENMFG_SIMULATION_SEED || 'greenmfg',
    datasetsDir: resolve(env.GREENMFG_DATASETS_DIR ?? resolve(repoRoot, 'datasets')),
    pact: loadPactConfig(env, dataDir),
  };
}

/** An integer setting from 1 to `max`, or its default when unset; anything else is a GM_CONFIG naming it. */
function intSetting(env: NodeJS.ProcessEnv, name: string, dflt: number, max: number): number {
  const text = env[name] || String(dflt);
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new GmError('GM_CONFIG', `${name} must be an integer from 1 to ${max}, got "${text}"`, {
      field: name,
      value: text,
    });
  return n;
}

function telemetryUrlOf(text: string | undefined): string | null {
  if (!text) return null;
  if (!text.startsWith('clickhouse://'))
    throw new GmError(
      'GM_CONFIG',
      'GREENMFG_TELEMETRY_URL must be a clickhouse://host:port/db?cluster=NAME URL',
      {
        field: 'GREENMFG_TELEMETRY_URL',
      },
    );
  return text;
}

/** The database location with any password masked, for logs (secrets never reach logs). */
export function describeDatabase(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../open-store.ts';

/** A backend the contract suite runs against: SQLite always, PostgreSQL when GREENMFG_TEST_PG is set. */
export interface TestBackend {
  readonly name: 'sqlite' | 'postgres';
  /** Opens a fresh, empty, migrated store. */
  open(): Promise<Store & { location: string }>;
}

const sqlite: TestBackend = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'greenmfg-test-'));
    const location = join(dir, 'test.sqlite');
    const store = await openStore(location);
    return {
      ...store,
      location,
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

async function onPostgres(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let schemaSeq = 0;

/**
 * A fresh schema in the PostgreSQL test database for one store, so that test files running in
 * parallel never see each other's rows; the URL's search_path points the store at it.
 */
export async function freshPostgresSchema(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${schemaSeq++}`;
  await onPostgres(url, `CREATE SCHEMA ${schema}`);
  const sep = url.includes('?') ? '&' : '?';
  return {
    url: `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: () => onPostgres(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

const pgUrl = process.env.GREENMFG_TEST_PG;

const postgres: TestBackend | null = pgUrl
  ? {
      name: 'postgres',
      async open() {
        const fresh = await freshPostgresSchema(pgUrl);
        const store = await openStore(fresh.url);
        return {
          ...store,
          location: fresh.url,
          async close() {
            await store.close();
            await fresh.drop();
          },
        };
      },
    }
  : null;

/**
 * The registry database of one test that starts the real server or command line on `dataDir`: a
 * fresh PostgreSQL schema when GREENMFG_TEST_PG is set (so that the whole suite runs on PostgreSQL
 * in CI, each test apart from the others), otherwise the embedded SQLite file in the data directory.
 */
export async function testDatabaseUrl(dataDir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (pgUrl) return freshPostgresSchema(pgUrl);
  return { url: join(dataDir, 'greenmfg.sqlite'), drop: () => Promise.resolve() };
}

/** The backends for this run. */
export const testBackends: readonly TestBackend[] = postgres ? [sqlite, postgres] : [sqlite];

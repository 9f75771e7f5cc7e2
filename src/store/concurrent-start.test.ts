import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgresSchema } from './contract/test-backends.ts';
import { migrations } from './migrations/index.ts';
import { migrateToLatest, openDatabase, type DatabaseKind } from './open-database.ts';
import type { Database } from './schema.ts';

const run = promisify(execFile);
const pgUrl = process.env.GREENMFG_TEST_PG;
const names = Object.keys(migrations).sort();

/** Every table and column the schema holds, as `table.column type`, sorted. */
async function describeSchema(db: Kysely<Database>, kind: DatabaseKind): Promise<string[]> {
  if (kind === 'postgres') {
    const { rows } = await sql<{ c: string }>`
      select table_name || '.' || column_name || ' ' || data_type as c from information_schema.columns
      where table_schema = current_schema()`.execute(db);
    return rows.map((r) => r.c).sort();
  }
  const { rows } = await sql<{ c: string }>`
    select m.name || '.' || p.name || ' ' || p.type as c
    from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table'`.execute(db);
  return rows.map((r) => r.c).sort();
}

const migrateAt = join(import.meta.dirname, 'testing', 'migrate-at.ts');

/** Migrates `url` in a process of its own, starting at the wall-clock time `at`; the migrations it ran. */
async function migrateInProcess(url: string, at: number): Promise<string[]> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', migrateAt, url, String(at)]);
  return JSON.parse(stdout) as string[];
}

/** A fresh, empty database for each backend of this run, and a way to remove it. */
const fresh: { kind: DatabaseKind; make: () => Promise<{ url: string; drop: () => Promise<void> }> }[] = [
  {
    kind: 'sqlite',
    make: () => {
      const dir = mkdtempSync(join(tmpdir(), 'greenmfg-migrate-'));
      return Promise.resolve({
        url: join(dir, 'greenmfg.sqlite'),
        drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
      });
    },
  },
  ...(pgUrl ? [{ kind: 'postgres' as const, make: () => freshPostgresSchema(pgUrl) }] : []),
];

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe.each(fresh)('concurrent starts on $kind', { timeout: 120_000 }, ({ kind, make }) => {
  it('run each migration exactly once when several migrators start on one fresh database at once', async () => {
    const target = await make();
    const alone = await make();
    cleanups.push(target.drop, alone.drop);
    const opened = openDatabase(target.url);
    const single = openDatabase(alone.url);
    try {
      // Four processes (each with its own connection; on SQLite a process waits for a lock by
      // blocking, so they cannot share one) start together, about 3 s from now.
      const at = Date.now() + 3000;
      const ran = await Promise.all(Array.from({ length: 4 }, () => migrateInProcess(target.url, at)));
      // Between them the migrators ran every migration, and no migration twice.
      expect(ran.flat().sort()).toEqual(names);
      const db = opened.db;
      const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
      expect(rows.map((r) => r.name).sort()).toEqual(names);
      // The schema is the one a lone migrator builds, column for column.
      await migrateToLatest(single.db, kind);
      expect(await describeSchema(db, kind)).toEqual(await describeSchema(single.db, kind));
      expect(await migrateToLatest(db, kind)).toEqual([]);
    } finally {
      for (const o of [opened, single]) await o.close();
    }
  });
});

describe.skipIf(!pgUrl)('migrating while other schemas come and go (PostgreSQL)', () => {
  it('succeeds every time', { timeout: 120_000 }, async () => {
    const url = pgUrl ?? '';
    let stop = false;
    // Another tenant or test creating and dropping its schema, as the PostgreSQL suite does.
    const churn = (async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      for (let i = 0; !stop; i++) {
        const schema = `churn_${process.pid}_${i}`;
        await client.query(`create schema ${schema}; create table ${schema}.a (x int)`);
        await client.query(`drop schema ${schema} cascade`);
      }
      await client.end();
    })();
    try {
      for (let k = 0; k < 8; k++) {
        const target = await freshPostgresSchema(url);
        const { db, kind, close } = openDatabase(target.url);
        try {
          expect(await migrateToLatest(db, kind)).toEqual(names);
        } finally {
          await close();
          await target.drop();
        }
      }
    } finally {
      stop = true;
      await churn;
    }
  });
});

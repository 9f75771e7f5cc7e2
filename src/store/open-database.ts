import { Kysely, Migrator, sql } from 'kysely';
import { createPostgresDialect } from './backends/postgres.ts';
import { createSqliteDialect } from './backends/sqlite.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  readonly close: () => Promise<void>;
}

/** True when a database URL names PostgreSQL; anything else is a SQLite file path. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** How to open the database; `poolSize` is the most connections a PostgreSQL pool holds (SQLite has one). */
export interface OpenDatabaseOptions {
  readonly poolSize?: number;
}

/** Opens the registry database: PostgreSQL for a postgres URL, otherwise a SQLite file. */
export function openDatabase(location: string, options: OpenDatabaseOptions = {}): OpenDatabase {
  if (isPostgresUrl(location)) {
    // Kysely's destroy() ends the pool it was given.
    const db = new Kysely<Database>({
      dialect: createPostgresDialect(location, options.poolSize).dialect,
    });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const { dialect } = createSqliteDialect(location);
  const db = new Kysely<Database>({ dialect });
  return { db, kind: 'sqlite', close: () => db.destroy() };
}

/**
 * Runs `work` while holding a lock named `name` that every process on the same database (and, on
 * PostgreSQL, the same schema) shares, so that first-start work done by several servers starting at
 * once is done by one of them while the others wait, then find it done. On PostgreSQL it is a
 * session advisory lock held by one pooled connection while `work` uses the others; an embedded
 * SQLite file has one server (the data directory is locked), so `work` just runs.
 */
export async function runExclusively<T>(
  db: Kysely<Database>,
  kind: DatabaseKind,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  if (kind !== 'postgres') return work();
  return db.connection().execute(async (held) => {
    const key = sql`hashtext(current_schema() || ${`/${name}`})`;
    await sql`select pg_advisory_lock(${key})`.execute(held);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(held);
    }
  });
}

/**
 * Brings the schema up to date, running each migration once however many processes start at once.
 * On PostgreSQL Kysely's migrator holds an advisory lock and runs the pending migrations in one
 * transaction. Its SQLite adapter takes no lock (it assumes a single process), so there the whole
 * run is one BEGIN IMMEDIATE transaction: SQLite's write lock makes a second process wait
 * (busy_timeout) and then find the migrations done; SQLite's DDL is transactional, so a failed run
 * leaves nothing behind.
 */
export async function migrateToLatest(db: Kysely<Database>, kind: DatabaseKind): Promise<string[]> {
  if (kind === 'postgres') return runMigrator(db, kind);
  await sql`begin immediate`.execute(db);
  try {
    const ran = await runMigrator(db, kind);
    await sql`commit`.execute(db);
    return ran;
  } catch (e) {
    await sql`rollback`.execute(db);
    throw e;
  }
}

async function runMigrator(db: Kysely<Database>, kind: DatabaseKind): Promise<string[]> {
  const { error, results } = await (await createMigrator(db, kind)).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Kysely's migrator over greenmfg's migrations, its bookkeeping in the current schema. */
export async function createMigrator(db: Kysely<Database>, kind: DatabaseKind): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables across every schema it can see; name the current one
  // on PostgreSQL so that two schemas in one database (one per tenant or test) never mix them up.
  const schema =
    kind === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  return new Migrator({
    db,
    provider: migrationProvider,
    // Migrations from parallel branches get distinct names and may land in any order.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

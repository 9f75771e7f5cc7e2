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

/** Opens the registry database: PostgreSQL for a postgres URL, otherwise a SQLite file. */
export function openDatabase(location: string): OpenDatabase {
  if (isPostgresUrl(location)) {
    // Kysely's destroy() ends the pool it was given.
    const db = new Kysely<Database>({ dialect: createPostgresDialect(location).dialect });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const { dialect } = createSqliteDialect(location);
  const db = new Kysely<Database>({ dialect });
  return { db, kind: 'sqlite', close: () => db.destroy() };
}

/**
 * Brings the schema up to date. Kysely's migrator takes a lock (a table lock on PostgreSQL), so
 * concurrent starts run each migration once.
 */
export async function migrateToLatest(db: Kysely<Database>, kind: DatabaseKind): Promise<string[]> {
  // Kysely looks for its bookkeeping tables across every schema it can see; name the current one
  // on PostgreSQL so that two schemas in one database (one per tenant or test) never mix them up.
  const schema =
    kind === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    // Migrations from parallel branches get distinct names and may land in any order.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

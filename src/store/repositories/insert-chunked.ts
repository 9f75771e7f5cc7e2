import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Inserts rows in chunks that stay under both backends' bound-parameter limits
 * (SQLite 32,766; PostgreSQL 65,535).
 */
export async function insertChunked<T extends keyof Database>(
  db: Kysely<Database> | Transaction<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.max(1, Math.floor(30_000 / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot relate a generic table name to its row type, hence the cast.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
  }
}

import { PostgresDialect } from 'kysely';
import pg from 'pg';

/** The server-scale registry: a pooled PostgreSQL connection. */
export function createPostgresDialect(url: string, poolSize = 10): { dialect: PostgresDialect } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  return { dialect: new PostgresDialect({ pool }) };
}

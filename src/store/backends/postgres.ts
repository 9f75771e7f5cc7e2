import { PostgresDialect } from 'kysely';
import pg from 'pg';

/** Connections a pool holds when the configuration names no size (GREENMFG_DATABASE_POOL_SIZE). */
export const defaultPoolSize = 10;

/**
 * The server-scale registry: a pooled PostgreSQL connection. The pool opens connections as they
 * are needed, up to `poolSize`; a query beyond that waits for a free one.
 */
export function createPostgresDialect(url: string, poolSize = defaultPoolSize): { dialect: PostgresDialect } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  return { dialect: new PostgresDialect({ pool }) };
}

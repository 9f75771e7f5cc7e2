import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

/**
 * The embedded default: one SQLite file in the data directory. WAL lets CLI readers run beside a
 * serving process; foreign keys are off by default in SQLite and must be switched on per connection.
 */
export function createSqliteDialect(file: string): { dialect: SqliteDialect; close: () => void } {
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return { dialect: new SqliteDialect({ database }), close: () => database.close() };
}

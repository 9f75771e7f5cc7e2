import { sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { freshPostgresSchema } from './contract/test-backends.ts';
import { openDatabase } from './open-database.ts';

const pgUrl = process.env.GREENMFG_TEST_PG;

describe.skipIf(!pgUrl)('the PostgreSQL connection pool', () => {
  it.each([1, 3])('holds at most %i connections, however many queries wait', async (poolSize) => {
    const schema = await freshPostgresSchema(pgUrl ?? '');
    const { db, close } = openDatabase(schema.url, { poolSize });
    onTestFinished(async () => {
      await close();
      await schema.drop();
    });
    const pids = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const { rows } = await sql<{ pid: number }>`
          select pg_backend_pid() as pid from (select pg_sleep(0.2)) as s`.execute(db);
        return rows[0]?.pid;
      }),
    );
    expect(new Set(pids).size).toBe(poolSize);
  });
});

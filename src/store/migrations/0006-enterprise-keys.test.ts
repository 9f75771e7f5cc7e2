import { sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testBackends } from '../contract/test-backends.ts';
import { createMigrator, migrateToLatest, openDatabase } from '../open-database.ts';

describe.each(testBackends)('migration 0006 on $name', (backend) => {
  it('fills the enterprise key of meters registered before it from their factories', async () => {
    // A store opened by the backend is migrated; take it back to 0005 and forward again.
    const store = await backend.open();
    const { db, kind, close } = openDatabase(store.location);
    onTestFinished(async () => {
      await close();
      await store.close();
    });
    const migrator = await createMigrator(db, kind);
    expect((await migrator.migrateTo('0005-footprint-network')).error).toBeUndefined();
    await sql`insert into enterprises (id, name) values ('e1', '某钢铁有限公司')`.execute(db);
    await sql`insert into factories (id, name, list_region, batch, enterprise_id)
      values ('f1', '某钢铁有限公司一厂', '河北', '2021', 'e1')`.execute(db);
    for (const [id, key, factory] of [
      ['m1', 1, 'f1'],
      ['m2', 2, 'not-listed'],
    ] as const)
      await sql`insert into meters (id, key, factory_id, medium, unit, kind, utc_offset_minutes)
        values (${id}, ${key}, ${factory}, 'electricity', 'kWh', 'counter', 480)`.execute(db);
    expect(await migrateToLatest(db, kind)).toContain('0006-enterprise-keys');
    const { rows } = await sql<{
      id: string;
      enterprise_id: string | null;
    }>`select id, enterprise_id from meters order by id`.execute(db);
    expect(rows).toEqual([
      { id: 'm1', enterprise_id: 'e1' },
      { id: 'm2', enterprise_id: null },
    ]);
  });
});

// Every tenant-owned row carries its enterprise key (src/store/tenancy.ts, docs/ARCHITECTURE.md):
// over a programme as the first start leaves it (lists, simulated operating years, the demo supply
// network and its PACT footprints) plus meters, on every backend of the run.
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testMeter } from '../core/metering/test-meter.ts';
import { bootstrapOperatingData, bootstrapRegistry } from '../services/bootstrap.ts';
import { testBackends } from '../store/contract/test-backends.ts';
import { datasetFiles } from '../store/dataset-files.ts';
import { openDatabase, type OpenDatabase } from '../store/open-database.ts';
import type { Store } from '../store/open-store.ts';
import { enterpriseOwnedTables, sharedTables, unitOwnedTables } from '../store/tenancy.ts';
import { bootstrapFootprints } from './plugins/pact/start-pact.ts';

const source = datasetFiles(resolve(import.meta.dirname, '../../datasets'));

describe.each(testBackends)('enterprise keys on $name', { timeout: 240_000 }, (backend) => {
  let store: Store & { location: string };
  let raw: OpenDatabase;
  // Kysely's introspection lists the tables of every schema it sees; on PostgreSQL other tests'
  // schemas are there too, so keep the store's own.
  const ownTables = async () => {
    const schema =
      store.kind === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(raw.db)).rows[0]?.s
        : undefined;
    const tables = await raw.db.introspection.getTables({ withInternalKyselyTables: true });
    return tables.filter((t) => schema === undefined || t.schema === schema);
  };
  const count = async (query: ReturnType<typeof sql<{ n: number | string }>>) =>
    Number((await query.execute(raw.db)).rows[0]?.n);

  beforeAll(async () => {
    store = await backend.open();
    raw = openDatabase(store.location);
    await bootstrapRegistry({ source, ...store });
    await bootstrapOperatingData(store, 'tenancy');
    await bootstrapFootprints(store, source, () => undefined);
    const factories = await store.registry.listFactories({ page: 1, pageSize: 2 });
    for (const f of factories.items) {
      // The repository allocates the key; the rest of the test meter is the input.
      const { key, ...input } = testMeter({ id: `m-${f.id}`, factoryId: f.id });
      expect(key).toBe(1);
      await store.meters.add(input);
    }
  }, 240_000);
  afterAll(async () => {
    await raw.close();
    await store.close();
  });

  it('classifies every table of the schema exactly once', async () => {
    const tables = (await ownTables()).map((t) => t.name);
    const classified = [...enterpriseOwnedTables, ...unitOwnedTables, ...Object.keys(sharedTables)];
    expect(new Set(classified).size).toBe(classified.length);
    expect([...tables].sort()).toEqual([...classified].sort());
  });

  it.each([...enterpriseOwnedTables, ...unitOwnedTables])(
    '%s carries enterprise_id, naming an enterprise that exists',
    async (table) => {
      const columns = (await ownTables()).find((t) => t.name === table)?.columns ?? [];
      expect(columns.map((c) => c.name)).toContain('enterprise_id');
      expect(
        await count(sql`select count(*) as n from ${sql.table(table)} t
          where t.enterprise_id is not null
          and not exists (select 1 from enterprises e where e.id = t.enterprise_id)`),
      ).toBe(0);
    },
  );

  it.each(enterpriseOwnedTables)('%s has the key on every row', async (table) => {
    expect(await count(sql`select count(*) as n from ${sql.table(table)} where enterprise_id is null`)).toBe(
      0,
    );
  });

  it('has the key on every row of a listed unit that is not a park', async () => {
    for (const table of ['list_events', 'operating_years'] as const)
      expect(
        await count(sql`select count(*) as n from ${sql.table(table)}
          where enterprise_id is null and unit_kind <> 'park'`),
      ).toBe(0);
    expect(
      await count(sql`select count(*) as n from operating_years where enterprise_id is not null`),
    ).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from meters`)).toBe(2);
  });
});

import type { Kysely, Migration } from 'kysely';

/** Registry tables: code tables, enterprises and the four kinds of listed unit, with list events. */
export const registryMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('regions')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('parent_code', 'text')
      .addColumn('province_code', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('industries')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('parent_code', 'text')
      .execute();
    await db.schema
      .createTable('enterprises')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('region_code', 'text')
      .addColumn('province_code', 'text')
      .execute();

    const placement = <T extends Parameters<Kysely<unknown>['schema']['createTable']>[0]>(name: T) =>
      db.schema
        .createTable(name)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text')
        .addColumn('province_code', 'text')
        .addColumn('recommender', 'text')
        .addColumn('list_region', 'text', (c) => c.notNull())
        .addColumn('batch', 'text', (c) => c.notNull());

    await placement('factories')
      .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
      .addColumn('industry_code', 'text')
      .addColumn('industry_sector', 'text')
      .addColumn('evaluator', 'text')
      .addUniqueConstraint('factories_name_key', ['name'])
      .execute();
    await placement('parks')
      .addColumn('evaluator', 'text')
      .addUniqueConstraint('parks_name_key', ['name'])
      .execute();
    await placement('supply_chain_enterprises')
      .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
      .addColumn('evaluator', 'text')
      .addUniqueConstraint('supply_chain_enterprises_name_key', ['name'])
      .execute();
    await placement('products')
      .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
      .addColumn('model', 'text')
      .addColumn('category', 'text')
      .addColumn('evaluation_standard', 'text')
      .addColumn('highlights', 'text')
      .addColumn('recommending_body', 'text')
      .execute();
    await db.schema
      .createTable('park_members')
      .addColumn('park_id', 'text', (c) => c.notNull().references('parks.id'))
      .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
      .addColumn('since', 'text')
      .addPrimaryKeyConstraint('park_members_pk', ['park_id', 'enterprise_id'])
      .execute();
    await db.schema
      .createTable('supplier_relations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
      .addColumn('supplier_enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
      .addColumn('product_id', 'text', (c) => c.references('products.id'))
      .addColumn('since', 'text')
      .execute();
    await db.schema
      .createTable('list_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text')
      .addColumn('unit_kind', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('batch', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    for (const [table, column] of [
      ['factories', 'province_code'],
      ['factories', 'batch'],
      ['factories', 'enterprise_id'],
      ['parks', 'province_code'],
      ['supply_chain_enterprises', 'province_code'],
      ['products', 'province_code'],
      ['products', 'enterprise_id'],
      ['list_events', 'unit_id'],
      ['regions', 'province_code'],
    ] as const) {
      await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute();
    }
  },
  async down(db: Kysely<unknown>) {
    for (const t of [
      'list_events',
      'supplier_relations',
      'park_members',
      'products',
      'supply_chain_enterprises',
      'parks',
      'factories',
      'enterprises',
      'industries',
      'regions',
    ]) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
};

import type { Kysely, Migration } from 'kysely';

/** Supply-network model (products, processes at factories, inputs, co-products, background datasets) and published PACT footprints. */
export const footprintNetworkMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('fp_products')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('registry_product_id', 'text', (c) => c.references('products.id'))
      .addColumn('classification', 'text')
      .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('simulated', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('fp_processes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
      .addColumn('factory_id', 'text', (c) => c.references('factories.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('direct_emissions', 'double precision', (c) => c.notNull())
      .addColumn('data_source', 'text', (c) => c.notNull())
      .addColumn('dqr_technological', 'double precision', (c) => c.notNull())
      .addColumn('dqr_temporal', 'double precision', (c) => c.notNull())
      .addColumn('dqr_geographical', 'double precision', (c) => c.notNull())
      .addColumn('geography', 'text', (c) => c.notNull())
      .addColumn('reference_period_start', 'text', (c) => c.notNull())
      .addColumn('reference_period_end', 'text', (c) => c.notNull())
      .addColumn('allocation', 'text', (c) => c.notNull())
      .addColumn('simulated', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('fp_process_outputs')
      .addColumn('process_id', 'text', (c) => c.notNull().references('fp_processes.id'))
      .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
      .addColumn('product_id', 'text', (c) => c.notNull().unique().references('fp_products.id'))
      .addColumn('quantity', 'double precision', (c) => c.notNull())
      .addColumn('price', 'double precision')
      .addColumn('property', 'double precision')
      .addPrimaryKeyConstraint('fp_process_outputs_pk', ['process_id', 'product_id'])
      .execute();
    await db.schema
      .createTable('fp_datasets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('factor', 'double precision', (c) => c.notNull())
      .addColumn('data_source', 'text', (c) => c.notNull())
      .addColumn('dqr_technological', 'double precision', (c) => c.notNull())
      .addColumn('dqr_temporal', 'double precision', (c) => c.notNull())
      .addColumn('dqr_geographical', 'double precision', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('fp_process_inputs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('process_id', 'text', (c) => c.notNull().references('fp_processes.id'))
      .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
      .addColumn('product_id', 'text', (c) => c.references('fp_products.id'))
      .addColumn('dataset_id', 'text', (c) => c.references('fp_datasets.id'))
      .addColumn('amount', 'double precision', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('pact_footprints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
      .addColumn('product_id', 'text', (c) => c.notNull().references('fp_products.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created', 'text', (c) => c.notNull())
      .addColumn('footprint', 'double precision', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    for (const [table, column] of [
      ['fp_products', 'enterprise_id'],
      ['fp_processes', 'enterprise_id'],
      ['fp_process_inputs', 'process_id'],
      ['pact_footprints', 'product_id'],
    ] as const) {
      await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute();
    }
  },
  async down(db: Kysely<unknown>) {
    for (const t of [
      'pact_footprints',
      'fp_process_inputs',
      'fp_datasets',
      'fp_process_outputs',
      'fp_processes',
      'fp_products',
    ])
      await db.schema.dropTable(t).ifExists().execute();
  },
};

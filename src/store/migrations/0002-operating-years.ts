import type { Kysely, Migration } from 'kysely';

/** Operating data by unit and year (real or simulated), stored as a JSON document with its provenance. */
export const operatingYearsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('operating_years')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text')
      .addColumn('unit_kind', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('simulated', 'integer', (c) => c.notNull())
      .addColumn('seed', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addUniqueConstraint('operating_years_unit_year_key', ['unit_kind', 'unit_id', 'year'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('operating_years').ifExists().execute();
  },
};

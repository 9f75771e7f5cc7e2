import type { Kysely, Migration } from 'kysely';

/**
 * Meters, in the registry database beside the factories. `key` is the meter's compact integer id
 * in the telemetry store (4 bytes per reading instead of a text id).
 */
export const metersMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('meters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'integer', (c) => c.notNull().unique())
      .addColumn('factory_id', 'text', (c) => c.notNull())
      .addColumn('medium', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('interval_seconds', 'integer')
      .addColumn('rollover_at', 'double precision')
      .addColumn('utc_offset_minutes', 'integer', (c) => c.notNull())
      .addColumn('name', 'text')
      .execute();
    await db.schema.createIndex('meters_factory_idx').on('meters').column('factory_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('meters').ifExists().execute();
  },
};

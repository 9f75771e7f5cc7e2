import type { Kysely, Migration } from 'kysely';

/** Provincial and municipal listings of green factories (工信部节〔2024〕13号: three tiers). */
export const tierListingsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tier_listings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tier', 'text', (c) => c.notNull())
      .addColumn('factory_id', 'text', (c) => c.notNull().references('factories.id'))
      .addColumn('factory_name', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('listed_on', 'text', (c) => c.notNull())
      .addColumn('listed_by', 'text', (c) => c.notNull())
      .addColumn('removed_on', 'text')
      .addColumn('removal_trigger', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('tier_listings_tier_region')
      .on('tier_listings')
      .columns(['tier', 'region_code'])
      .execute();
    await db.schema
      .createIndex('tier_listings_factory')
      .on('tier_listings')
      .columns(['factory_id', 'tier'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('tier_listings').execute();
  },
};

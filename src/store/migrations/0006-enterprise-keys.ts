import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Meters are tenant-owned (a factory's meters are its enterprise's data) but carried only their
 * factory id: add `enterprise_id`, filled from the meter's factory, so that every tenant-owned row
 * carries its enterprise key (src/store/tenancy.ts). A meter bound to a factory the registry does
 * not list (the steel demo meter's plant is not a listed Chinese factory) has no enterprise: its key
 * stays null.
 */
export const enterpriseKeysMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('meters').addColumn('enterprise_id', 'text').execute();
    await sql`update meters set enterprise_id =
      (select f.enterprise_id from factories f where f.id = meters.factory_id)`.execute(db);
    await db.schema.createIndex('meters_enterprise_idx').on('meters').column('enterprise_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('meters_enterprise_idx').execute();
    await db.schema.alterTable('meters').dropColumn('enterprise_id').execute();
  },
};

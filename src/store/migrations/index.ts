import type { Migration, MigrationProvider } from 'kysely';
import { enterpriseKeysMigration } from './0006-enterprise-keys.ts';
import { footprintNetworkMigration } from './0005-footprint-network.ts';
import { registryMigration } from './0001-registry.ts';
import { metersMigration } from './0003-meters.ts';
import { operatingYearsMigration } from './0002-operating-years.ts';
import { workflowMigration } from './0004-workflow.ts';
import { tierListingsMigration } from './0007-tier-listings.ts';

/** Every migration, in order. Names never change once released. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-registry': registryMigration,
  '0002-operating-years': operatingYearsMigration,
  '0003-meters': metersMigration,
  '0004-workflow': workflowMigration,
  '0005-footprint-network': footprintNetworkMigration,
  '0006-enterprise-keys': enterpriseKeysMigration,
  '0007-tier-listings': tierListingsMigration,
};

/** A static provider: migrations are code, not files found at run time. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...migrations }),
};

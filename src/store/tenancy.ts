/**
 * Which tables hold tenant-owned rows, so that a Postgres-compatible distributed engine (Citus and
 * the like) can later distribute them by `enterprise_id` and keep each enterprise's rows together,
 * and which stay whole on every node or on the coordinator, and why. tenancy.test.ts holds every
 * table of the schema to exactly one of these lists and checks the keys in the rows.
 */

/** Rows that always belong to one enterprise: `enterprise_id` is set on every row. */
export const enterpriseOwnedTables = [
  'factories',
  'supply_chain_enterprises',
  'products',
  'park_members',
  'supplier_relations',
  'negative_list',
  'tier_listings',
  'fp_products',
  'fp_processes',
  'fp_process_outputs',
  'fp_process_inputs',
  'pact_footprints',
  // Null only for a meter on a factory the registry does not list (migration 0006).
  'meters',
] as const;

/**
 * Rows about a listed unit, whose owner is an enterprise or a park: `enterprise_id` is set unless
 * the unit is a park. Parks are run by park management committees (government bodies), not
 * enterprises; they and their rows are few (224 listed parks) and stay on the coordinator.
 */
export const unitOwnedTables = [
  'list_events',
  'operating_years',
  'declarations',
  'declaration_events',
  'evidence_files',
  'objections',
] as const;

/** Tables that are not distributed by enterprise, each with the reason. */
export const sharedTables: Readonly<Record<string, string>> = {
  enterprises: 'the tenants themselves: distributed by their own id, which is the enterprise key',
  regions: 'GB/T 2260 code table: reference data every node joins against',
  industries: 'GB/T 4754 code table: reference data every node joins against',
  parks: 'listed parks belong to no enterprise; few, read with every park membership',
  agencies: 'evaluation agencies serve many enterprises; programme-wide',
  accounts:
    'identity: looked up by e-mail at sign-in, before any tenant is known (enterprise users carry their enterprise_id as their scope)',
  sessions: 'identity: looked up by the hash of the session cookie, before any tenant is known',
  api_tokens:
    'identity: looked up by the hash of the token, before any tenant is known (carry the enterprise_id of their scope)',
  audit_log:
    'one hash chain over the whole programme; entries carry enterprise_id for filtering, but the chain cannot be split',
  audit_head: 'the head of that one chain',
  fp_datasets:
    'background emission factor datasets are shared (null enterprise_id); an enterprise-owned dataset carries its key',
  kysely_migration: 'migration bookkeeping',
  kysely_migration_lock: 'migration bookkeeping',
};

/**
 * The database schema as Kysely types: snake_case columns, converted to the camelCase domain
 * records in one place per repository (STYLE.md, habit 9).
 */
import type { FootprintTables } from './schema-footprint.ts';
import type { WorkflowTables } from './schema-workflow.ts';

export interface RegionsTable {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  province_code: string;
}

export interface IndustriesTable {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

export interface EnterprisesTable {
  id: string;
  name: string;
  region_code: string | null;
  province_code: string | null;
}

interface PlacementColumns {
  region_code: string | null;
  province_code: string | null;
  recommender: string | null;
  list_region: string;
}

export interface FactoriesTable extends PlacementColumns {
  id: string;
  enterprise_id: string;
  name: string;
  industry_code: string | null;
  industry_sector: string | null;
  evaluator: string | null;
  batch: string;
}

export interface ParksTable extends PlacementColumns {
  id: string;
  name: string;
  evaluator: string | null;
  batch: string;
}

export interface ParkMembersTable {
  park_id: string;
  enterprise_id: string;
  since: string | null;
}

export interface SupplyChainEnterprisesTable extends PlacementColumns {
  id: string;
  enterprise_id: string;
  name: string;
  evaluator: string | null;
  batch: string;
}

export interface ProductsTable extends PlacementColumns {
  id: string;
  enterprise_id: string;
  name: string;
  model: string | null;
  category: string | null;
  evaluation_standard: string | null;
  highlights: string | null;
  recommending_body: string | null;
  batch: string;
}

export interface SupplierRelationsTable {
  id: string;
  /** The customer: the tenant that owns the relation. */
  enterprise_id: string;
  supplier_enterprise_id: string;
  product_id: string | null;
  since: string | null;
}

export interface ListEventsTable {
  id: string;
  enterprise_id: string | null;
  unit_kind: string;
  unit_id: string;
  kind: string;
  batch: string;
  details: string;
}

export interface OperatingYearsTable {
  id: string;
  enterprise_id: string | null;
  unit_kind: string;
  unit_id: string;
  year: number;
  /** 1 when the data is simulated, 0 when reported (SQLite has no boolean). */
  simulated: number;
  seed: string | null;
  data: string;
}

export interface Database extends WorkflowTables, FootprintTables {
  regions: RegionsTable;
  industries: IndustriesTable;
  enterprises: EnterprisesTable;
  factories: FactoriesTable;
  parks: ParksTable;
  park_members: ParkMembersTable;
  supply_chain_enterprises: SupplyChainEnterprisesTable;
  products: ProductsTable;
  supplier_relations: SupplierRelationsTable;
  list_events: ListEventsTable;
  operating_years: OperatingYearsTable;
}

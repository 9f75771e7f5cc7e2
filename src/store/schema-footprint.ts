/**
 * Tables of the supply-network model and of published PACT footprints (issue 5). Every
 * tenant-owned row carries `enterprise_id`; background datasets with a null one are public data.
 */
export interface FpProductsTable {
  id: string;
  enterprise_id: string;
  name: string;
  unit: string;
  registry_product_id: string | null;
  classification: string | null;
  published: number;
  /** 1 for the demo network's rows: simulated figures, not reported data. */
  simulated: number;
}

export interface FpProcessesTable {
  id: string;
  enterprise_id: string;
  factory_id: string | null;
  name: string;
  direct_emissions: number;
  data_source: string;
  dqr_technological: number;
  dqr_temporal: number;
  dqr_geographical: number;
  geography: string;
  reference_period_start: string;
  reference_period_end: string;
  allocation: string;
  simulated: number;
}

export interface FpProcessOutputsTable {
  process_id: string;
  enterprise_id: string;
  product_id: string;
  quantity: number;
  price: number | null;
  property: number | null;
}

export interface FpProcessInputsTable {
  id: string;
  process_id: string;
  enterprise_id: string;
  product_id: string | null;
  dataset_id: string | null;
  amount: number;
}

export interface FpDatasetsTable {
  id: string;
  /** Null for public background data (OEFDB); the pulling enterprise for a supplier's PACT footprint. */
  enterprise_id: string | null;
  name: string;
  unit: string;
  factor: number;
  data_source: string;
  dqr_technological: number;
  dqr_temporal: number;
  dqr_geographical: number;
  origin: string;
}

export interface PactFootprintsTable {
  id: string;
  enterprise_id: string;
  product_id: string;
  status: string;
  created: string;
  footprint: number;
  body: string;
}

export interface FootprintTables {
  fp_products: FpProductsTable;
  fp_processes: FpProcessesTable;
  fp_process_outputs: FpProcessOutputsTable;
  fp_process_inputs: FpProcessInputsTable;
  fp_datasets: FpDatasetsTable;
  pact_footprints: PactFootprintsTable;
}

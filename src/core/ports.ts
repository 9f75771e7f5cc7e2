/**
 * What core needs from the outside world, as interfaces. Adapters in src/store implement them;
 * services receive only the ports each use case names (STYLE.md, habit 2).
 */
import type { Meter, MeterInput } from './metering/meter.ts';
import type { StoredFlag, TelemetryBatch } from './metering/telemetry-batch.ts';
import type {
  Enterprise,
  Factory,
  Industry,
  ListEvent,
  Park,
  ParkMember,
  Product,
  Region,
  SupplierRelation,
  SupplyChainEnterprise,
  UnitKind,
} from './registry/types.ts';

/** A clock, so that nothing in core or services reads the time by itself. */
export interface Clock {
  readonly now: () => Date;
}

/** One page of a list with the total count, for pagination everywhere. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export type SortOrder = 'asc' | 'desc';

/** A query over a list of units: free-text search, filters, sorting and a page. */
export interface UnitQuery {
  readonly q?: string;
  readonly provinceCode?: string;
  readonly batch?: string;
  readonly sort?: 'name' | 'batch' | 'province';
  readonly order?: SortOrder;
  readonly page: number;
  readonly pageSize: number;
}

export interface UnitsByKey {
  readonly factories: number;
  readonly supplyChainEnterprises: number;
  readonly parks: number;
  readonly products: number;
}

/** Headline counts of the programme, computed by the store from what is listed. */
export interface RegistryCounts extends UnitsByKey {
  readonly enterprises: number;
  readonly byProvince: readonly (UnitsByKey & { readonly provinceCode: string | null })[];
  readonly byBatch: readonly (UnitsByKey & { readonly batch: string })[];
}

/** Everything one import of the published lists writes, applied in one transaction. */
export interface ListImport {
  readonly enterprises: readonly Enterprise[];
  readonly factories: readonly Factory[];
  readonly parks: readonly Park[];
  readonly supplyChain: readonly SupplyChainEnterprise[];
  readonly products: readonly Product[];
  readonly events: readonly ListEvent[];
}

/** How many rows an import inserted, changed or left as they were. */
export interface ImportOutcome {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** The GB/T 2260 and GB/T 4754 code tables. */
export interface CodeTables {
  readonly replaceRegions: (regions: readonly Region[]) => Promise<void>;
  readonly replaceIndustries: (industries: readonly Industry[]) => Promise<void>;
  readonly allRegions: () => Promise<Region[]>;
  readonly listIndustries: (query: {
    readonly q?: string;
    readonly level?: Industry['level'];
    readonly page: number;
    readonly pageSize: number;
  }) => Promise<Page<Industry>>;
  readonly countRegions: () => Promise<number>;
}

/** The registry of listed units and their enterprises. */
export interface Registry {
  /** Upserts the records of a list import in one transaction: all of it or nothing. */
  readonly applyListImport: (data: ListImport) => Promise<ImportOutcome>;
  readonly counts: () => Promise<RegistryCounts>;
  readonly listFactories: (query: UnitQuery) => Promise<Page<Factory>>;
  readonly listParks: (query: UnitQuery) => Promise<Page<Park>>;
  readonly listSupplyChain: (query: UnitQuery) => Promise<Page<SupplyChainEnterprise>>;
  readonly listProducts: (query: UnitQuery) => Promise<Page<Product>>;
  readonly getFactory: (id: string) => Promise<Factory | undefined>;
  /** The factories among these ids (unknown ids are left out). */
  readonly getFactories: (ids: readonly string[]) => Promise<Factory[]>;
  readonly getPark: (id: string) => Promise<Park | undefined>;
  readonly getSupplyChain: (id: string) => Promise<SupplyChainEnterprise | undefined>;
  readonly getProduct: (id: string) => Promise<Product | undefined>;
  readonly getEnterprise: (id: string) => Promise<Enterprise | undefined>;
  readonly eventsOf: (kind: UnitKind, unitId: string) => Promise<ListEvent[]>;
  readonly addParkMember: (member: ParkMember) => Promise<void>;
  readonly parkMembers: (parkId: string) => Promise<ParkMember[]>;
  readonly addSupplierRelation: (relation: SupplierRelation) => Promise<void>;
  readonly suppliersOf: (customerEnterpriseId: string) => Promise<SupplierRelation[]>;
}

/** Read access to the shipped datasets (or a user's replacement files), by path relative to their root. */
export interface TextSource {
  readonly readText: (path: string) => Promise<string>;
  readonly describe: (path: string) => string;
}

/** One unit's operating data for one year, reported or simulated, with its provenance. */
export interface OperatingYearRecord {
  readonly id: string;
  readonly enterpriseId: string | null;
  readonly unitKind: 'factory' | 'park';
  readonly unitId: string;
  readonly year: number;
  readonly simulated: boolean;
  readonly seed: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Operating data by unit and year. */
export interface OperatingYears {
  readonly count: () => Promise<number>;
  /** Replaces every simulated year with these records, in one transaction. */
  readonly replaceAll: (records: readonly OperatingYearRecord[]) => Promise<void>;
  readonly ofUnit: (
    unitKind: OperatingYearRecord['unitKind'],
    unitId: string,
  ) => Promise<OperatingYearRecord[]>;
  readonly allOfKind: (
    unitKind: OperatingYearRecord['unitKind'],
    year: number,
  ) => Promise<{ readonly unitId: string; readonly data: Readonly<Record<string, unknown>> }[]>;
}

/** The registered meters (kept in the registry database beside the factories). */
export interface Meters {
  /** Registers a meter and assigns its telemetry key; a taken id is a GM_CONFLICT. */
  readonly add: (meter: MeterInput) => Promise<Meter>;
  readonly all: () => Promise<Meter[]>;
}

/** The stored readings of some meters, sorted by timestamp. */
export type StoredSeries = Map<number, { readonly ts: Uint32Array; readonly values: Float64Array }>;

/** One rollup row as stored: a sum of partial rows per (grain, meter, bucket). */
export interface RollupRow {
  readonly grain: number;
  readonly meter: number;
  readonly bucket: number;
  readonly sum: number;
  readonly n: number;
}

/**
 * The telemetry store: readings and rollup parts of every meter, in a column store (DuckDB embedded;
 * ClickHouse to follow, issue 9). It holds no product rules: dedupe, rollup arithmetic and flags are
 * decided in core and handed over as one batch; `commit` returns only once the batch is durable.
 */
export interface Telemetry {
  readonly kind: string;
  /** Keys of the meters that have at least one stored reading. */
  readonly meterKeysWithReadings: () => Promise<Set<number>>;
  readonly loadSeries: (meterKeys: readonly number[]) => Promise<StoredSeries>;
  /** Day and month rollups (parts summed), of all meters or of the given ones. */
  readonly loadRollups: (meterKeys?: readonly number[]) => Promise<RollupRow[]>;
  /** Stores new readings, rollup parts and flags atomically and durably. */
  readonly commit: (batch: TelemetryBatch) => Promise<void>;
  readonly readings: (
    meterKey: number,
    fromTs: number,
    toTs: number,
  ) => Promise<{ ts: number; value: number }[]>;
  /** Summed rollup parts of one meter and grain over buckets from..to inclusive. */
  readonly rollupRange: (meterKey: number, grain: number, from: number, to: number) => Promise<RollupRow[]>;
  readonly flags: (meterKey: number, fromTs: number, toTs: number) => Promise<StoredFlag[]>;
  /** Bytes the store occupies on disk (0 in memory). */
  readonly sizeOnDisk: () => Promise<number>;
  readonly close: () => Promise<void>;
}

// Accounts, sessions, tokens, declarations, negative list, audit log (issue 6).
export type * from './workflow/workflow-ports.ts';

export type {
  FootprintNetworkRepository,
  IdSource,
  PactFootprintRepository,
  PactPartner,
  PactTransport,
  PublishedFootprint,
  StoredDataset,
} from './footprint/footprint-ports.ts';

/**
 * Registry entities of the programme: the listed units (green factories, green supply chain
 * management enterprises, green industrial parks, green-design products), the enterprises behind
 * them, and the code tables they are classified by (GB/T 2260 regions, GB/T 4754-2017 industries).
 * Every tenant-owned record carries its enterprise id so that a national deployment can later be
 * sharded by enterprise (PRODUCT.md, "Scale").
 */

export type RegionLevel = 'province' | 'prefecture' | 'county';

/** A GB/T 2260 administrative division; codes are normalised to six digits (e.g. "440300"). */
export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
  readonly provinceCode: string;
}

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

/** A GB/T 4754-2017 node: section letter, or 2/3/4-digit division, group and class codes. */
export interface Industry {
  readonly code: string;
  readonly name: string;
  readonly level: IndustryLevel;
  readonly parentCode: string | null;
}

/** The four kinds of listed unit, with the word used for each everywhere (docs/glossary.md). */
export type UnitKind = 'factory' | 'supply_chain' | 'park' | 'product';

export const unitKinds: readonly UnitKind[] = ['factory', 'supply_chain', 'park', 'product'];

/** A list batch: the numbered batches 1-5 (2017-2020) and the annual lists from 2021 on. */
export interface Batch {
  readonly code: string;
  readonly ordinal: number;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly published: string;
  readonly notice: string | null;
  readonly tag: 'C' | 'S' | 'U';
}

/** Where a listed unit sits: its finest known GB/T 2260 code, its province, and who recommended it. */
export interface Placement {
  readonly regionCode: string | null;
  readonly provinceCode: string | null;
  /** The recommending unit as the list spells it, canonicalised (a province, a separately planned city, or the XPCC). */
  readonly recommender: string | null;
  /** The region cell exactly as it appears in the published list. */
  readonly listRegion: string;
}

export interface Enterprise {
  readonly id: string;
  readonly name: string;
  readonly regionCode: string | null;
  readonly provinceCode: string | null;
}

export interface Factory extends Placement {
  readonly id: string;
  readonly enterpriseId: string;
  readonly name: string;
  readonly industryCode: string | null;
  /** The industry cell as the list spells it (filled only for the early batches). */
  readonly industrySector: string | null;
  readonly evaluator: string | null;
  readonly batch: string;
}

export interface Park extends Placement {
  readonly id: string;
  readonly name: string;
  readonly evaluator: string | null;
  readonly batch: string;
}

export interface SupplyChainEnterprise extends Placement {
  readonly id: string;
  readonly enterpriseId: string;
  readonly name: string;
  readonly evaluator: string | null;
  readonly batch: string;
}

export interface Product extends Placement {
  readonly id: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly name: string;
  readonly model: string | null;
  readonly category: string | null;
  readonly evaluationStandard: string | null;
  readonly highlights: string | null;
  readonly recommendingBody: string | null;
  readonly batch: string;
}

export interface ParkMember {
  readonly parkId: string;
  readonly enterpriseId: string;
  readonly since: string | null;
}

export interface SupplierRelation {
  readonly id: string;
  readonly customerEnterpriseId: string;
  readonly supplierEnterpriseId: string;
  readonly productId: string | null;
  readonly since: string | null;
}

/** List membership is stored as events, not a flag (domain.md §10). */
export type ListEventKind = 'listed' | 'renamed' | 'removed';

export interface ListEvent {
  readonly id: string;
  readonly unitKind: UnitKind;
  readonly unitId: string;
  readonly kind: ListEventKind;
  readonly batch: string;
  readonly details: Readonly<Record<string, unknown>>;
}

import { parseInstant } from './instant.ts';

/**
 * PACT Technical Specifications v3 (API 3.0.x) data model, as far as greenmfg produces and
 * consumes it: the ProductFootprint with its `pcf`, the list filters of `GET /3/footprints`, and
 * how a footprint matches them. Amounts are decimal strings, as the specification requires.
 */

/** A PACT v3 ProductFootprint; fields greenmfg does not use pass through untouched. */
export interface ProductFootprintV3 {
  readonly id: string;
  readonly specVersion: string;
  readonly created: string;
  readonly status: 'Active' | 'Deprecated';
  readonly validityPeriodStart?: string;
  readonly validityPeriodEnd?: string;
  readonly companyName: string;
  readonly companyIds: readonly string[];
  readonly productDescription: string;
  readonly productIds: readonly string[];
  readonly productClassifications?: readonly string[];
  readonly productNameCompany: string;
  readonly comment?: string;
  readonly pcf: PcfV3;
  readonly [extra: string]: unknown;
}

/** The carbon footprint part of a ProductFootprint (a subset of the specification's fields is typed). */
export interface PcfV3 {
  readonly declaredUnitOfMeasurement: string;
  readonly declaredUnitAmount: string;
  readonly pcfExcludingBiogenicUptake: string;
  readonly referencePeriodStart: string;
  readonly referencePeriodEnd: string;
  readonly geographyCountry?: string;
  readonly geographyCountrySubdivision?: string;
  readonly geographyRegionOrSubregion?: string;
  readonly primaryDataShare?: string;
  readonly [extra: string]: unknown;
}

/**
 * The filters of `GET /3/footprints` (PACT v3, "Action ListFootprints"): values of one filter are
 * alternatives (OR), different filters must all hold (AND). Dates stay text: an unparseable date
 * matches nothing, which is what the conformance suite expects of bogus values (200, empty data).
 */
export interface PactFilter {
  readonly productId?: readonly string[];
  readonly companyId?: readonly string[];
  readonly geography?: readonly string[];
  readonly classification?: readonly string[];
  readonly status?: readonly string[];
  readonly validOn?: string;
  readonly validAfter?: string;
  readonly validBefore?: string;
}

/** The names of the list filters, for parsing query strings and event data. */
export const pactFilterNames = [
  'productId',
  'companyId',
  'geography',
  'classification',
  'status',
  'validOn',
  'validAfter',
  'validBefore',
] as const;

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/**
 * The validity period of a footprint in epoch milliseconds: its own start and end when given,
 * else [referencePeriodEnd, referencePeriodEnd + 3 years] (PACT v3, "validityPeriodStart"/"End").
 */
export function validityOf(pf: ProductFootprintV3): { start: number; end: number } {
  const referenceEnd = parseInstant(pf.pcf.referencePeriodEnd);
  const start = pf.validityPeriodStart === undefined ? referenceEnd : parseInstant(pf.validityPeriodStart);
  const end =
    pf.validityPeriodEnd === undefined ? referenceEnd + 3 * YEAR_MS : parseInstant(pf.validityPeriodEnd);
  return { start, end };
}

const anyOf = (wanted: readonly string[] | undefined, have: readonly (string | undefined)[]): boolean =>
  wanted === undefined || wanted.some((w) => have.includes(w));

/** True when a footprint satisfies every given filter (OR within a filter, AND across filters). */
export function matchesPactFilter(pf: ProductFootprintV3, filter: PactFilter): boolean {
  if (!anyOf(filter.productId, pf.productIds)) return false;
  if (!anyOf(filter.companyId, pf.companyIds)) return false;
  if (!anyOf(filter.classification, pf.productClassifications ?? [])) return false;
  if (!anyOf(filter.status, [pf.status])) return false;
  const geography = [
    pf.pcf.geographyCountry,
    pf.pcf.geographyCountrySubdivision,
    pf.pcf.geographyRegionOrSubregion,
  ];
  if (!anyOf(filter.geography, geography)) return false;
  if (filter.validOn !== undefined || filter.validAfter !== undefined || filter.validBefore !== undefined) {
    const { start, end } = validityOf(pf);
    if (filter.validOn !== undefined) {
      const t = parseInstant(filter.validOn);
      if (!(t >= start && t <= end)) return false;
    }
    if (filter.validAfter !== undefined) {
      const t = parseInstant(filter.validAfter);
      if (!(start > t)) return false;
    }
    if (filter.validBefore !== undefined) {
      const t = parseInstant(filter.validBefore);
      if (!(end < t)) return false;
    }
  }
  return true;
}

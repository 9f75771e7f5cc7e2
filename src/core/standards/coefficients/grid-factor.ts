import { GmError, validationError } from '../../errors.ts';
import { gridFactors } from './grid-factors.ts';
import type {
  GridFactor,
  GridFactorPurpose,
  GridFactorScope,
  GridLevel,
  GridRegion,
} from './grid-factors.ts';
import { provinceGridRegions } from './province-grid-regions.ts';

/** What a caller asks for: a data year, a purpose, optionally a scope and a GB/T 2260 region code. */
export interface GridFactorQuery {
  readonly year: number;
  readonly purpose: GridFactorPurpose;
  /** Defaults to 'average'. */
  readonly scope?: GridFactorScope;
  /** GB/T 2260 code of the province (2 digits) or of any area in it (6 digits). */
  readonly regionCode?: string;
}

/** The factor a lookup settled on, and why, so that results can state it. */
export interface GridFactorResolution {
  readonly factor: GridFactor;
  readonly level: GridLevel;
  /** True when the factor is at the level asked for (provincial when a region code was given). */
  readonly exact: boolean;
  /** One sentence naming the factor used and, on fallback, why. */
  readonly explanation: string;
  /** True when the factor is [U] or the [U] province-to-grid mapping was used to find it. */
  readonly usesUnverified: boolean;
}

function describe(factor: GridFactor): string {
  const where =
    factor.level === 'provincial'
      ? `province ${factor.provinceCode ?? '?'}`
      : factor.level === 'regional'
        ? `${factor.gridRegion ?? '?'} grid`
        : 'national';
  const when =
    factor.forEmissionsYear !== undefined
      ? `for ${factor.forEmissionsYear} emissions`
      : factor.year !== undefined
        ? `data year ${factor.year}`
        : 'no data year';
  return `${factor.purpose} ${where} ${factor.scope} factor, ${when} (${factor.value} ${factor.unit}; ${factor.id})`;
}

function provinceOf(regionCode: string): string {
  if (!/^\d{2}(\d{4})?$/.test(regionCode)) {
    throw validationError(
      [{ field: 'regionCode', message: 'must be a GB/T 2260 code of 2 or 6 digits', value: regionCode }],
      'grid factor query',
    );
  }
  return regionCode.slice(0, 2);
}

function notFound(query: GridFactorQuery, why: string): GmError {
  const available = gridFactors.filter((f) => f.purpose === query.purpose).map((f) => f.id);
  return new GmError('GM_COEFFICIENT_NOT_FOUND', `No grid factor: ${why}`, { query, available });
}

function resolved(
  factor: GridFactor,
  exact: boolean,
  reason: string | undefined,
  mappingUsed = false,
): GridFactorResolution {
  return {
    factor,
    level: factor.level,
    exact,
    explanation: `used ${describe(factor)}${reason === undefined ? '' : ` because ${reason}`}`,
    usesUnverified: !factor.verified || mappingUsed,
  };
}

/**
 * Finds the grid CO2 factor for a year and purpose (domain.md §6.2). Statistical averages fall back
 * explicitly from province to its regional grid to national, within the same data year (never to
 * another year), and the result says which factor was used and why; carbon-market defaults match the
 * emissions year they are set for, else their data year.
 */
export function gridFactor(query: GridFactorQuery): GridFactorResolution {
  const { year, purpose } = query;
  const scope = query.scope ?? 'average';
  if (!Number.isInteger(year)) {
    throw validationError(
      [{ field: 'year', message: 'must be an integer year', value: year }],
      'grid factor query',
    );
  }
  const province = query.regionCode === undefined ? undefined : provinceOf(query.regionCode);
  const candidates = gridFactors.filter((f) => f.purpose === purpose && f.scope === scope);

  if (purpose === 'carbon-market') {
    const factor =
      candidates.find((f) => f.forEmissionsYear === year) ??
      candidates.find((f) => f.forEmissionsYear === undefined && f.year === year);
    if (factor === undefined) {
      throw notFound(query, `no carbon-market default set for ${year} in domain.md §6.2; choose one by id`);
    }
    const reason = province === undefined ? undefined : 'carbon-market defaults are national only';
    return resolved(factor, province === undefined, reason);
  }

  const nationalFactor = candidates.find((f) => f.level === 'national' && f.year === year);
  if (province === undefined) {
    if (nationalFactor === undefined)
      throw notFound(query, `no ${purpose} national ${scope} factor for data year ${year}`);
    return resolved(nationalFactor, true, undefined);
  }

  const provincialFactor = candidates.find(
    (f) => f.level === 'provincial' && f.provinceCode === province && f.year === year,
  );
  if (provincialFactor !== undefined) return resolved(provincialFactor, true, undefined);

  const missing =
    purpose === 'statistical' && scope === 'average'
      ? `no provincial value for ${province} in ${year}`
      : `${purpose} ${scope} factors exist only at national level`;
  const gridRegion: GridRegion | undefined = provinceGridRegions.regions[province];
  if (gridRegion !== undefined) {
    const regionalFactor = candidates.find(
      (f) => f.level === 'regional' && f.gridRegion === gridRegion && f.year === year,
    );
    if (regionalFactor !== undefined) {
      return resolved(
        regionalFactor,
        false,
        `${missing}; province ${province} mapped to the ${gridRegion} grid by the unverified province-to-grid table`,
        true,
      );
    }
  }
  if (nationalFactor === undefined)
    throw notFound(
      query,
      `no ${purpose} ${scope} factor for province ${province}, its grid or the nation in ${year}`,
    );
  const noRegional =
    gridRegion === undefined
      ? `no regional-grid mapping for province ${province}`
      : `no ${gridRegion} grid value for ${year}`;
  return resolved(nationalFactor, false, `${missing} and ${noRegional}`);
}

/** Returns the grid factor with the given id (for a project that fixes its factor explicitly). */
export function gridFactorById(id: string): GridFactor {
  const factor = gridFactors.find((f) => f.id === id);
  if (factor === undefined) {
    throw new GmError('GM_COEFFICIENT_NOT_FOUND', `No grid factor with id "${id}"`, {
      id,
      available: gridFactors.map((f) => f.id),
    });
  }
  return factor;
}

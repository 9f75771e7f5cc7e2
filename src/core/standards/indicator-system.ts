import type { Sourced, Tag } from './sourced.ts';
import { deepFreeze } from './deep-freeze.ts';
import { standardKey } from './standard-key.ts';
import { GmError } from '../errors.ts';

/** What kind of unit a standard evaluates. */
export type SubjectKind = 'factory' | 'park' | 'supply-chain' | 'product';

/** L1 = first-level indicator (a group), L2/L3 = the indicators under it. */
export type IndicatorLevel = 'L1' | 'L2' | 'L3';

/** forward (正向) = higher is better; reverse (逆向) = lower is better (GB/T 36132-2025 4.4). */
export type Direction = 'forward' | 'reverse';

/** quantitative (定量) indicators are computed from facts; qualitative (定性) ones are assessed. */
export type Nature = 'quantitative' | 'qualitative';

/**
 * The formulas the evaluation layer implements (src/core/evaluation/formula-catalog.ts); a standard
 * refers to them by id so that data cannot name a formula that does not exist.
 */
export type FormulaId =
  | 'ratio'
  | 'percentShare'
  | 'unitProductEnergy'
  | 'energyPerOutputValue'
  | 'carbonIntensity'
  | 'renewableShare'
  | 'materialIntensity'
  | 'waterIntensity'
  | 'waterReuseRate'
  | 'solidWasteUtilisationRate'
  | 'pollutantIntensity'
  | 'capacityPerLandArea'
  | 'outputPerLandArea'
  | 'buildingCoefficient'
  | 'plotRatio'
  | 'retrofitInvestmentShare'
  | 'annualReductionRate'
  | 'pollutantElasticity';

/**
 * A unit, or a placeholder resolved from the subject's energy quota row at plan time:
 * `@quota` (the row's unit, e.g. kgce/t), `@quota.numerator` (kgce), `@quota.denominator` (t).
 */
export type UnitSpec = string;

/** One fact a measure reads, with the unit it must be given in. */
export interface FactRef {
  readonly fact: string;
  readonly unit: UnitSpec;
}

/**
 * How an indicator's value is obtained: a fact given directly, a formula over facts, or an
 * assessment (a qualitative indicator: a boolean, or the assessed fraction in [0, 1]).
 */
export type Measure =
  | { readonly kind: 'fact'; readonly fact: string; readonly unit: UnitSpec }
  | { readonly kind: 'formula'; readonly formula: FormulaId; readonly inputs: readonly FactRef[] }
  | { readonly kind: 'assessment'; readonly fact: string };

/**
 * Where the lead and baseline values come from: fixed in the standard (either may be null when the
 * source gives none), the subject's energy quota row (GB/T 36132-2025 Annex C: lead = grade 1,
 * baseline = grade 2), or the subject's water-use quota (lead = advanced, baseline = general value).
 */
export type Reference =
  | {
      readonly kind: 'fixed';
      readonly lead: Sourced<number> | null;
      readonly baseline: Sourced<number> | null;
    }
  | {
      readonly kind: 'energy-quota';
      readonly lead: 1 | 2 | 3;
      readonly baseline: 1 | 2 | 3;
      readonly source: string;
      readonly tag: Tag;
    }
  | { readonly kind: 'water-quota'; readonly source: string; readonly tag: Tag };

/** One band of the banded ("range") method: from `position` (0 = baseline, 1 = lead) upward, `score`. */
export interface ScoreBand {
  readonly position: number;
  readonly score: number;
}

/**
 * How a value becomes a 0-100 score: linear interpolation between baseline and lead (GB/T 36132-2025
 * clause 5), the banded alternative, the park green-index ratio to the lead value (capped), a pass/fail
 * check against a reference value (green-design products), or 100 x an assessed fraction.
 */
export type Scoring =
  | { readonly method: 'linear' }
  | { readonly method: 'banded'; readonly bands: readonly ScoreBand[] }
  | { readonly method: 'ratio-to-lead'; readonly cap: Sourced<number> }
  | { readonly method: 'meets-reference' }
  | { readonly method: 'assessment' };

/** A declarative applicability condition over the subject, compiled to a closure at plan time. */
export type Applicability =
  | { readonly op: 'eq'; readonly attr: string; readonly value: string | number | boolean }
  | { readonly op: 'in'; readonly attr: string; readonly values: readonly (string | number)[] }
  | { readonly op: 'has'; readonly what: 'energyQuota' | 'waterQuota' }
  | { readonly op: 'not'; readonly of: Applicability }
  | { readonly op: 'all'; readonly of: readonly Applicability[] }
  | { readonly op: 'any'; readonly of: readonly Applicability[] };

/** Which saving an improvement of this indicator yields: energy (tce) or carbon (tCO2e). */
export interface SavingsSpec {
  readonly kind: 'energy' | 'carbon';
  /**
   * The fact holding the production volume the intensity is per (product quantity or output value).
   * Intensity x volume is converted to tonnes from the numerator of the indicator's unit (kgce, kgCO2:
   * x 0.001; tce, tCO2: x 1); other numerators (kWh, kgoe) need a conversion coefficient and get no figure.
   */
  readonly volumeFact: string;
}

/** An indicator record, with the fields domain.md §10 suggests. */
export interface IndicatorDef {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly level: IndicatorLevel;
  /** Code of the first-level group the indicator belongs to. */
  readonly group: string;
  readonly direction: Direction;
  readonly nature: Nature;
  readonly unit: UnitSpec;
  /** Clause of the formula, e.g. "GB/T 36132-2025 B.10"; null when the value is given or assessed. */
  readonly formulaRef: string | null;
  readonly measure: Measure;
  readonly reference: Reference;
  /** Overrides the system's default scoring. */
  readonly scoring?: Scoring;
  /** Points out of the system total (100), or null where the source gives none. */
  readonly weight: Sourced<number> | null;
  readonly mandatory: boolean;
  readonly applicability?: Applicability;
  /** Statistical forms or documents that evidence the value (B204-1, 205-1, 基101, ...). */
  readonly evidence: readonly string[];
  readonly savings?: SavingsSpec;
  readonly source: string;
  readonly tag: Tag;
  readonly note?: string;
}

/** A first-level indicator (group) with its weight in points, null where the source gives none. */
export interface GroupDef {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly weight: Sourced<number> | null;
}

/** How a gate (a basic requirement, pass/fail and not scored) is checked. */
export type GateCheck =
  | { readonly kind: 'fact-true'; readonly fact: string }
  | {
      readonly kind: 'threshold';
      readonly fact: string;
      readonly unit: string;
      readonly op: '>' | '>=' | '<' | '<=';
      readonly value: Sourced<number>;
    };

/** A basic requirement: a veto that is not scored. */
export interface GateDef {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly check: GateCheck;
  readonly applicability?: Applicability;
  readonly source: string;
  readonly tag: Tag;
}

/**
 * The standard's pass rule: none defined (the caller must say what score it aims at), a minimum
 * weighted total, or every indicator at or better than its reference value (green-design products).
 */
export type PassRule =
  | { readonly kind: 'none'; readonly note: string }
  | { readonly kind: 'min-total'; readonly mark: Sourced<number> }
  | { readonly kind: 'all-meet'; readonly source: string; readonly tag: Tag };

/** A named band of the weighted total (e.g. star ratings), from `min` upward. */
export interface RatingBand {
  readonly min: Sourced<number>;
  readonly label: string;
}

/** An indicator system edition: gates, groups, indicators, scoring and pass rule, as immutable data. */
export interface IndicatorSystem {
  readonly kind: 'indicator-system';
  readonly id: string;
  readonly version: string;
  readonly key: string;
  readonly title: string;
  readonly titleZh: string;
  readonly subject: SubjectKind;
  readonly source: string;
  readonly tag: Tag;
  readonly groups: readonly GroupDef[];
  readonly gates: readonly GateDef[];
  readonly indicators: readonly IndicatorDef[];
  readonly defaultScoring: Scoring;
  readonly passRule: PassRule;
  readonly ratingBands: readonly RatingBand[];
  readonly notes: readonly string[];
}

/** The fields a data file writes; `kind` and `key` are derived. */
export type IndicatorSystemInput = Omit<IndicatorSystem, 'kind' | 'key' | 'ratingBands'> & {
  readonly ratingBands?: readonly RatingBand[];
};

/** Checks an indicator system's internal consistency and returns it deep-frozen under its `id@version` key. */
export function defineIndicatorSystem(input: IndicatorSystemInput): IndicatorSystem {
  const problems: string[] = [];
  const groupCodes = new Set(input.groups.map((g) => g.code));
  const seen = new Set<string>();
  for (const ind of input.indicators) {
    if (seen.has(ind.code)) problems.push(`duplicate indicator code ${ind.code}`);
    seen.add(ind.code);
    if (!groupCodes.has(ind.group)) problems.push(`${ind.code}: unknown group ${ind.group}`);
    if (ind.nature === 'qualitative' && ind.measure.kind !== 'assessment') {
      problems.push(`${ind.code}: a qualitative indicator is measured by assessment`);
    }
    if (ind.weight !== null && !(ind.weight.value >= 0)) problems.push(`${ind.code}: negative weight`);
    if (ind.reference.kind === 'fixed') {
      const { lead, baseline } = ind.reference;
      if (lead && baseline) {
        const wrongWay =
          ind.direction === 'forward' ? lead.value < baseline.value : lead.value > baseline.value;
        if (wrongWay)
          problems.push(
            `${ind.code}: lead value is worse than the baseline for a ${ind.direction} indicator`,
          );
      }
    }
  }
  for (const gate of input.gates) {
    if (seen.has(gate.code)) problems.push(`duplicate code ${gate.code}`);
    seen.add(gate.code);
  }
  if (problems.length > 0) {
    throw new GmError(
      'GM_INTERNAL',
      `Indicator system ${input.id}@${input.version} is inconsistent: ${problems.join('; ')}`,
      {
        problems,
      },
    );
  }
  return deepFreeze({
    ...input,
    kind: 'indicator-system' as const,
    key: standardKey(input.id, input.version),
    ratingBands: input.ratingBands ?? [],
  });
}

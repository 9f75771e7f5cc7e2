import type { Applicability } from '../standards/indicator-system.ts';

/** The kinds of support the programme's policy system uses (fiscal, tax, financial, preferential). */
export type PolicyKind =
  | 'award-or-subsidy'
  | 'tax-credit-or-deduction'
  | 'green-loan-or-interest-subsidy'
  | 'bond-eligibility'
  | 'procurement-preference'
  | 'energy-or-land-preference';

export const policyKinds: readonly PolicyKind[] = [
  'award-or-subsidy',
  'tax-credit-or-deduction',
  'green-loan-or-interest-subsidy',
  'bond-eligibility',
  'procurement-preference',
  'energy-or-land-preference',
];

export type PolicyLevel = 'national' | 'provincial' | 'municipal';

/**
 * A condition over a unit's policy facts. The attribute tests (eq, in, not, all, any) are the
 * evaluation engine's applicability conditions and compile with its compiler; numeric thresholds
 * (gte, lte) are added here because support often turns on a measured figure.
 */
export type PolicyCondition =
  | Exclude<Applicability, { op: 'has' } | { op: 'not' } | { op: 'all' } | { op: 'any' }>
  | { readonly op: 'gte' | 'lte'; readonly attr: string; readonly value: number }
  | { readonly op: 'not'; readonly of: PolicyCondition }
  | { readonly op: 'all'; readonly of: readonly PolicyCondition[] }
  | { readonly op: 'any'; readonly of: readonly PolicyCondition[] };

/** One named eligibility requirement; an instrument's requirements must all hold. */
export interface EligibilityRule {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly condition: PolicyCondition;
  /**
   * Whether a unit can act to meet it (a saving, a grade) or not (its region, its industry).
   * Only actionable misses count towards "nearly qualifies".
   */
  readonly actionable: boolean;
}

/** How much support an instrument gives, where its text sets an amount (10^4 yuan). */
export type AmountFormula =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'per-unit'; readonly attr: string; readonly rate: number; readonly cap?: number };

/** A support instrument as versioned data, with its source, tag and validity. */
export interface PolicyInstrument {
  readonly id: string;
  readonly version: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly issuer: string;
  readonly documentNumber: string | null;
  readonly level: PolicyLevel;
  /** Six-digit GB/T 2260 code for provincial and municipal instruments. */
  readonly regionCode: string | null;
  readonly kind: PolicyKind;
  readonly eligibility: readonly EligibilityRule[];
  readonly amount: AmountFormula | null;
  /** Inclusive ISO dates; null `validTo` means no end was published. */
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly source: string;
  readonly tag: 'C' | 'S' | 'U';
  readonly verified: boolean;
  /** True for example instruments that no authority issued: shown as such, never as a real policy. */
  readonly illustrative: boolean;
}

/** The key an instrument is cited by: `id@version`. */
export const instrumentKey = (i: Pick<PolicyInstrument, 'id' | 'version'>): string => `${i.id}@${i.version}`;

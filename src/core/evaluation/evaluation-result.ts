/** One indicator's outcome: its value, score, points and the gap to its lead value. */
export interface IndicatorResult {
  readonly code: string;
  readonly nameEn: string;
  readonly group: string;
  readonly unit: string;
  readonly value: number;
  /** 'no-reference-value' when the standard gives no lead/baseline to score against. */
  readonly status: 'scored' | 'no-reference-value';
  readonly score: number | null;
  readonly weight: number | null;
  /** weight × score / 100, or null when unscored or unweighted. */
  readonly points: number | null;
  readonly lead: number | null;
  readonly baseline: number | null;
  /** How far the value is short of the lead value in the improving direction; 0 at or better; null without a lead. */
  readonly gapToLead: number | null;
  readonly reason: string | null;
  readonly usesUnverified: boolean;
}

/** One basic requirement's outcome. */
export interface GateResult {
  readonly code: string;
  readonly nameEn: string;
  readonly passed: boolean;
}

/** Points of a first-level group. */
export interface GroupResult {
  readonly code: string;
  readonly nameEn: string;
  readonly points: number;
  readonly weight: number;
  /** False when an indicator of the group that carries weight could not be scored. */
  readonly complete: boolean;
}

/**
 * Whether the subject passes: 'pass' / 'fail' against the standard's pass rule; 'undetermined'
 * when unscored indicators could still change the answer; 'no-pass-mark' when the standard defines none.
 */
export interface PassOutcome {
  readonly status: 'pass' | 'fail' | 'undetermined' | 'no-pass-mark';
  readonly passMark: number | null;
  readonly reason: string;
}

/** The result of evaluating one subject under one standard edition, reproducible from its facts hash. */
export interface EvaluationResult {
  /** `id@version` of the standard used. */
  readonly standard: string;
  /** FNV-1a 64 of the canonical JSON of the facts used and the subject. */
  readonly factsHash: string;
  readonly gates: readonly GateResult[];
  readonly gatesPassed: boolean;
  readonly indicators: readonly IndicatorResult[];
  readonly groups: readonly GroupResult[];
  readonly notApplicable: readonly { readonly code: string; readonly reason: string }[];
  /** The weighted total (points out of totalWeight), or null if a weighted indicator is unscored or nothing is weighted. */
  readonly total: number | null;
  readonly scoredPoints: number;
  /** Weight of the indicators that could not be scored: the total lies in [scoredPoints, scoredPoints + unscoredWeight]. */
  readonly unscoredWeight: number;
  readonly totalWeight: number;
  readonly pass: PassOutcome;
  readonly rating: string | null;
  readonly usesUnverified: boolean;
  readonly unverified: readonly string[];
  readonly warnings: readonly string[];
}

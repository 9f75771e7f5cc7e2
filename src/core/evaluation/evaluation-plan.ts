import type { GateDef, IndicatorDef, IndicatorSystem, Scoring } from '../standards/indicator-system.ts';
import type { Sourced } from '../standards/sourced.ts';
import type { Subject } from './subject.ts';

/** How a fact must be given: a finite number, a fraction in [0, 1] (or a boolean), or a boolean. */
export type FactKind = 'number' | 'fraction' | 'boolean';

/** One fact an evaluation needs, with its unit and the indicators or gates that use it. */
export interface FactSpec {
  readonly key: string;
  readonly unit: string;
  readonly kind: FactKind;
  readonly usedBy: readonly string[];
}

/** An applicable indicator, with references resolved for the subject and closures compiled. */
export interface PlannedIndicator {
  readonly def: IndicatorDef;
  readonly code: string;
  readonly unit: string;
  readonly lead: Sourced<number> | null;
  readonly baseline: Sourced<number> | null;
  /** Points, or null when the standard gives none (the indicator is then reported but not counted). */
  readonly weight: number | null;
  readonly scoring: Scoring;
  readonly factKeys: readonly string[];
  /** Computes the indicator value from the fact slots (plan.facts order). */
  readonly compute: (slots: ArrayLike<number>) => number;
  /** Scores a value in [0, 100], or null when there is no reference value to score against. */
  readonly score: ((value: number) => number) | null;
  /** Why the indicator cannot be scored, when `score` is null. */
  readonly noScoreReason: string | null;
  /** Multiplier from value × volume to tce or tCO2e, when the indicator yields savings. */
  readonly savings: {
    readonly kind: 'energy' | 'carbon';
    readonly volumeSlot: number;
    readonly toTonnes: number;
  } | null;
  readonly usesUnverified: boolean;
}

/** An applicable gate with its compiled check. */
export interface PlannedGate {
  readonly def: GateDef;
  readonly code: string;
  readonly check: (slots: ArrayLike<number>) => boolean;
  readonly usesUnverified: boolean;
}

/** Which indicators apply to a subject under a standard edition and which facts they need. */
export interface EvaluationPlan {
  readonly standard: IndicatorSystem;
  /** `id@version` of the standard. */
  readonly standardKey: string;
  readonly subject: Subject;
  /** Facts needed, sorted by key; this order is the slot order of the compiled closures. */
  readonly facts: readonly FactSpec[];
  readonly gates: readonly PlannedGate[];
  readonly indicators: readonly PlannedIndicator[];
  readonly notApplicable: readonly { readonly code: string; readonly reason: string }[];
  readonly passMark: Sourced<number> | null;
  /** Sum of the weights of the applicable indicators (points). */
  readonly totalWeight: number;
  readonly usesUnverified: boolean;
  /** The unverified values the plan uses, described. */
  readonly unverified: readonly string[];
  /** Things the result may be off by (corrections the quota standard has but this package does not encode). */
  readonly warnings: readonly string[];
  /** Canonical JSON of the subject, part of every facts hash. */
  readonly subjectCanonical: string;
  /**
   * FNV-1a 64 state after the plan's constant text `{"facts":[sorted fact keys],"subject":…}` and a
   * newline; evaluate() continues it with the fact values, so each evaluation hashes only its values.
   */
  readonly hashSeed: readonly [number, number];
}

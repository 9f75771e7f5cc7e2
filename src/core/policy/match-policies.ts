import {
  compilePolicyCondition,
  describePolicyCondition,
  type PolicyFacts,
} from './compile-policy-condition.ts';
import { instrumentKey, type AmountFormula, type PolicyInstrument } from './policy-instrument.ts';

/** Whether a unit qualifies, nearly qualifies (only actionable requirements missing), or not. */
export type MatchStatus = 'qualifies' | 'nearly' | 'not-eligible' | 'not-in-force';

/** One requirement as it stood for the unit. */
export interface RuleOutcome {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly condition: string;
  readonly met: boolean;
  readonly actionable: boolean;
}

/** How one unit stands against one instrument, and why. */
export interface PolicyMatch {
  readonly instrument: string;
  readonly status: MatchStatus;
  readonly rules: readonly RuleOutcome[];
  /** The requirements still missing (empty when the unit qualifies). */
  readonly missing: readonly RuleOutcome[];
  /** Estimated support in 10^4 yuan, where the instrument sets an amount and the unit qualifies. */
  readonly amount: number | null;
  readonly illustrative: boolean;
  readonly verified: boolean;
}

/** A catalog compiled once: every requirement a closure, ready to match many units. */
export interface CompiledCatalog {
  readonly instruments: readonly PolicyInstrument[];
  readonly match: (facts: PolicyFacts, onDate: string) => PolicyMatch[];
  /**
   * The population path: for one date, a function giving each instrument's status and amount for
   * a unit without building the reasons (matchUnit gives those for one unit).
   */
  readonly statusesOn: (
    onDate: string,
  ) => (facts: PolicyFacts) => { readonly status: MatchStatus; readonly amount: number | null }[];
}

/** At most this many actionable requirements may be missing for a unit to "nearly" qualify. */
export const nearlyLimit = 2;

/** Tells whether an instrument is in force on a date; partial dates ("2024-01") cover their month. */
export function inForce(
  instrument: Pick<PolicyInstrument, 'validFrom' | 'validTo'>,
  onDate: string,
): boolean {
  if (onDate.slice(0, instrument.validFrom.length) < instrument.validFrom) return false;
  return instrument.validTo === null || onDate.slice(0, instrument.validTo.length) <= instrument.validTo;
}

/** The support an amount formula gives for a unit's facts (10^4 yuan), or null when it sets none. */
export function amountFor(formula: AmountFormula | null, facts: PolicyFacts): number | null {
  if (!formula) return null;
  switch (formula.kind) {
    case 'fixed':
      return formula.value;
    case 'per-unit': {
      const base = facts[formula.attr];
      if (typeof base !== 'number' || !Number.isFinite(base)) return null;
      const raw = base * formula.rate;
      return formula.cap === undefined ? raw : Math.min(raw, formula.cap);
    }
  }
}

/**
 * Compiles a catalog so that matching a unit runs plain closures: for each instrument, the status
 * (qualifies, nearly with the actionable requirements missing, not eligible, not in force), the
 * reasons requirement by requirement, and the estimated amount.
 */
export function compileCatalog(instruments: readonly PolicyInstrument[]): CompiledCatalog {
  const compiled = instruments.map((instrument) => ({
    instrument,
    key: instrumentKey(instrument),
    rules: instrument.eligibility.map((rule) => ({
      rule,
      test: compilePolicyCondition(rule.condition),
      text: describePolicyCondition(rule.condition),
    })),
  }));
  return {
    instruments,
    statusesOn(onDate) {
      const live = compiled.map((c) => ({ ...c, inForce: inForce(c.instrument, onDate) }));
      return (facts) =>
        live.map(({ instrument, rules, inForce: valid }) => {
          if (!valid) return { status: 'not-in-force' as const, amount: null };
          let missing = 0;
          let onlyActionable = true;
          for (const { rule, test } of rules) {
            if (test(facts)) continue;
            missing++;
            if (!rule.actionable) onlyActionable = false;
          }
          if (missing === 0)
            return { status: 'qualifies' as const, amount: amountFor(instrument.amount, facts) };
          return {
            status:
              onlyActionable && missing <= nearlyLimit ? ('nearly' as const) : ('not-eligible' as const),
            amount: null,
          };
        });
    },
    match(facts, onDate) {
      return compiled.map(({ instrument, key, rules }): PolicyMatch => {
        const outcomes = rules.map(({ rule, test, text }) => ({
          id: rule.id,
          zh: rule.zh,
          en: rule.en,
          condition: text,
          met: test(facts),
          actionable: rule.actionable,
        }));
        const missing = outcomes.filter((o) => !o.met);
        const base = {
          instrument: key,
          rules: outcomes,
          missing,
          illustrative: instrument.illustrative,
          verified: instrument.verified,
        };
        if (!inForce(instrument, onDate)) return { ...base, status: 'not-in-force', amount: null };
        if (missing.length === 0)
          return { ...base, status: 'qualifies', amount: amountFor(instrument.amount, facts) };
        const nearly = missing.every((m) => m.actionable) && missing.length <= nearlyLimit;
        return { ...base, status: nearly ? 'nearly' : 'not-eligible', amount: null };
      });
    },
  };
}

// The least change to pass: which indicator improvements reach the pass mark (or a caller's target)
// at the smallest cost, where cost = Σ |Δv| / |v₀| over the changed indicators (the relative change;
// when v₀ = 0 the denominator is the scoring span |lead − baseline|, since a relative change from
// zero is undefined).
//
// Under linear scoring an indicator gains nothing until it reaches its baseline (a "dead" cost),
// then gains points at a constant rate per unit of cost up to its lead value. For a fixed set S of
// indicators whose dead cost is paid, filling the linear segments in order of points per cost is
// optimal (a fractional knapsack); the search enumerates every S among the indicators that are
// below their baseline (exact up to 16 of them) and otherwise adds them greedily by points per
// total cost (not guaranteed optimal; the result says which method ran). Unscored indicators (no
// reference value) count zero, so the answer suffices whatever their score turns out to be.
// Indicators scored by bands or by the park ratio are not moved.
import type { EvaluationPlan, PlannedIndicator } from './evaluation-plan.ts';
import type { EvaluationResult } from './evaluation-result.ts';
import type { Facts } from './evaluate.ts';
import { evaluate, evaluateIndicatorValues } from './evaluate.ts';

/** The cost measure, stated in every answer. */
export const LEAST_CHANGE_COST =
  'sum over changed indicators of |new − current| / |current| (scoring span when current = 0)';

const EXACT_LIMIT = 16;
// Allocations aim MARGIN points above the need so that rounding cannot leave an answer a hair short;
// a shortfall within TOLERANCE (> MARGIN) still counts, which covers a target equal to the maximum.
const MARGIN = 1e-9;
const TOLERANCE = 1e-8;

/** One indicator improvement of a least-change answer. */
export interface IndicatorChange {
  readonly code: string;
  readonly unit: string;
  readonly from: number;
  readonly to: number;
  readonly relativeChange: number;
  readonly scoreFrom: number;
  readonly scoreTo: number;
  /** Energy saved in tce a year at the current production volume, for energy-intensity indicators. */
  readonly savingsTce: number | null;
  /** CO₂ saved in tCO2e at the current volume, for carbon-intensity indicators. */
  readonly savingsTco2e: number | null;
}

/** The smallest set of indicator improvements that reaches the target, with its cost and savings. */
export interface LeastChange {
  readonly status: 'already-passes' | 'found' | 'infeasible' | 'no-target';
  readonly standard: string;
  readonly target: number | null;
  readonly costMeasure: string;
  readonly cost: number;
  readonly method: 'exhaustive' | 'greedy';
  readonly changes: readonly IndicatorChange[];
  /** Scored points after the changes (unscored indicators count zero). */
  readonly projectedPoints: number;
  /** Basic requirements that fail: no indicator improvement can make up for them. */
  readonly gatesToFix: readonly string[];
  readonly savings: { readonly tce: number; readonly tco2e: number };
  readonly notes: readonly string[];
}

/** Options: a target score (required when the standard has no pass mark) and indicators that may not change. */
export interface LeastChangeOptions {
  readonly target?: number;
  readonly exclude?: readonly string[];
}

interface Candidate {
  readonly ind: PlannedIndicator;
  readonly v0: number;
  readonly s0: number;
  readonly weight: number;
  /** Position scale: value at position p is base + p · (top − base). */
  readonly base: number;
  readonly top: number;
  readonly denom: number;
  /** Cost before any linear gain (reaching the baseline, or the lead for a step). */
  readonly dead: number;
  /** Points gained on paying the dead cost (a step indicator). */
  readonly jump: number;
  readonly linGain: number;
  readonly linCost: number;
}

function candidateOf(ind: PlannedIndicator, v0: number, s0: number, unweighted: number): Candidate | null {
  const w = ind.weight ?? unweighted;
  if (w <= 0 || s0 >= 100) return null;
  let base: number;
  let top: number;
  if (ind.scoring.method === 'assessment') {
    [base, top] = ind.def.direction === 'forward' ? [0, 1] : [1, 0];
  } else if (ind.scoring.method === 'linear' || ind.scoring.method === 'meets-reference') {
    if (!ind.lead) return null;
    top = ind.lead.value;
    base = ind.scoring.method === 'linear' && ind.baseline ? ind.baseline.value : top;
  } else return null;
  const span = Math.abs(top - base);
  const denom = v0 !== 0 ? Math.abs(v0) : span !== 0 ? span : Math.abs(top) || 1;
  if (span === 0)
    return {
      ind,
      v0,
      s0,
      weight: w,
      base,
      top,
      denom,
      dead: Math.abs(top - v0) / denom,
      jump: w,
      linGain: 0,
      linCost: 0,
    };
  const p0 = (v0 - base) / (top - base);
  if (p0 <= 0)
    return {
      ind,
      v0,
      s0,
      weight: w,
      base,
      top,
      denom,
      dead: Math.abs(base - v0) / denom,
      jump: 0,
      linGain: w,
      linCost: span / denom,
    };
  return {
    ind,
    v0,
    s0,
    weight: w,
    base,
    top,
    denom,
    dead: 0,
    jump: 0,
    linGain: w * (1 - s0 / 100),
    linCost: Math.abs(top - v0) / denom,
  };
}

interface Allocation {
  readonly cost: number;
  readonly gains: Map<Candidate, number>;
}

/** Fills the linear segments of `pool` by points per cost after paying the dead costs of `paid`. */
function fill(free: readonly Candidate[], paid: readonly Candidate[], need: number): Allocation | null {
  let cost = 0;
  let left = need;
  const gains = new Map<Candidate, number>();
  for (const c of paid) {
    cost += c.dead;
    left -= c.jump;
    gains.set(c, c.jump);
  }
  const pool = [...free, ...paid]
    .filter((c) => c.linGain > 0)
    .sort((a, b) => b.linGain / b.linCost - a.linGain / a.linCost);
  for (const c of pool) {
    if (left <= 0) break;
    const g = Math.min(c.linGain, left);
    cost += (g / c.linGain) * c.linCost;
    gains.set(c, (gains.get(c) ?? 0) + g);
    left -= g;
  }
  return left > TOLERANCE ? null : { cost, gains };
}

/** Finds the cheapest indicator improvements (cost = sum of relative changes) that lift a failing subject to the target. */
export function leastChangeToPass(
  plan: EvaluationPlan,
  facts: Facts,
  options: LeastChangeOptions = {},
): LeastChange {
  const result = evaluate(plan, facts);
  const rule = plan.standard.passRule;
  const target = options.target ?? (rule.kind === 'min-total' ? rule.mark.value : null);
  const gatesToFix = result.gates.filter((g) => !g.passed).map((g) => g.code);
  const notes: string[] = [];
  if (result.unscoredWeight > 0)
    notes.push(`${result.unscoredWeight} points of unscored indicators are counted as zero.`);
  const answer = (
    status: LeastChange['status'],
    changes: IndicatorChange[],
    cost: number,
    method: LeastChange['method'],
    points: number,
  ): LeastChange => ({
    status,
    standard: plan.standardKey,
    target,
    costMeasure: LEAST_CHANGE_COST,
    cost,
    method,
    changes,
    projectedPoints: points,
    gatesToFix,
    savings: {
      tce: changes.reduce((s, c) => s + (c.savingsTce ?? 0), 0),
      tco2e: changes.reduce((s, c) => s + (c.savingsTco2e ?? 0), 0),
    },
    notes,
  });

  const exclude = new Set(options.exclude ?? []);
  const candidates: Candidate[] = [];
  plan.indicators.forEach((ind, k) => {
    const r = result.indicators[k];
    if (!r || r.score === null || exclude.has(ind.code)) return;
    // Under the all-meet rule weights do not matter: every indicator must reach its reference.
    const c = candidateOf(ind, r.value, r.score, rule.kind === 'all-meet' ? 100 : 0);
    if (c) candidates.push(c);
  });

  let chosen: Allocation | null = null;
  let method: LeastChange['method'] = 'exhaustive';
  if (rule.kind === 'all-meet' && options.target === undefined) {
    // Every indicator must reach its reference value: no choice to make.
    if (result.indicators.every((r) => r.score === null || r.score >= 100))
      return answer('already-passes', [], 0, method, result.scoredPoints);
    const gains = new Map<Candidate, number>();
    let cost = 0;
    for (const c of candidates) {
      gains.set(c, c.jump + c.linGain);
      cost += c.dead + c.linCost;
    }
    const movable = new Set(candidates.map((c) => c.ind.code));
    const stuck = result.indicators.filter((r) => r.score !== null && r.score < 100 && !movable.has(r.code));
    if (stuck.length > 0) {
      notes.push(`cannot move: ${stuck.map((r) => r.code).join(', ')}`);
      return answer('infeasible', [], 0, method, result.scoredPoints);
    }
    chosen = { cost, gains };
  } else {
    if (target === null) {
      notes.push(`${plan.standardKey} defines no pass mark: pass options.target.`);
      return answer('no-target', [], 0, method, result.scoredPoints);
    }
    const need = target - result.scoredPoints;
    if (need <= 0) return answer('already-passes', [], 0, method, result.scoredPoints);
    const needed = need + MARGIN;
    const free = candidates.filter((c) => c.dead === 0);
    const dead = candidates.filter((c) => c.dead > 0);
    if (dead.length <= EXACT_LIMIT) {
      for (let mask = 0; mask < 1 << dead.length; mask++) {
        const paid = dead.filter((_, i) => (mask & (1 << i)) !== 0);
        const a = fill(free, paid, needed);
        if (a && (!chosen || a.cost < chosen.cost - 1e-12)) chosen = a;
      }
    } else {
      method = 'greedy';
      const order = [...dead].sort(
        (a, b) => (b.jump + b.linGain) / (b.dead + b.linCost) - (a.jump + a.linGain) / (a.dead + a.linCost),
      );
      for (let n = 0; n <= order.length && !chosen; n++) chosen = fill(free, order.slice(0, n), needed);
    }
    if (!chosen) {
      notes.push(`even with every movable indicator at its lead value the target ${target} is out of reach.`);
      return answer('infeasible', [], 0, method, result.scoredPoints);
    }
  }

  const changes: IndicatorChange[] = [];
  const newValues: Record<string, number> = {};
  result.indicators.forEach((r) => (newValues[r.code] = r.value));
  for (const [c, gain] of chosen.gains) {
    if (gain <= 0 && c.dead === 0) continue;
    let to: number;
    if (c.linGain === 0) to = c.top;
    else {
      const p0 = Math.max(0, (c.v0 - c.base) / (c.top - c.base));
      const p = Math.min(1, p0 + (gain - c.jump) / c.weight);
      to = c.base + p * (c.top - c.base);
    }
    newValues[c.ind.code] = to;
    const scoreTo = c.ind.score ? c.ind.score(to) : c.s0;
    const saved = c.ind.savings
      ? (c.v0 - to) * (slotValue(plan, facts, c.ind.savings.volumeSlot) ?? 0) * c.ind.savings.toTonnes
      : null;
    changes.push({
      code: c.ind.code,
      unit: c.ind.unit,
      from: c.v0,
      to,
      relativeChange: Math.abs(to - c.v0) / c.denom,
      scoreFrom: c.s0,
      scoreTo,
      savingsTce: c.ind.savings?.kind === 'energy' ? saved : null,
      savingsTco2e: c.ind.savings?.kind === 'carbon' ? saved : null,
    });
  }
  changes.sort((a, b) => a.code.localeCompare(b.code));
  const after = evaluateIndicatorValues(plan, newValues);
  const cost = changes.reduce((s, c) => s + c.relativeChange, 0);
  return answer('found', changes, cost, method, after.scoredPoints);
}

function slotValue(plan: EvaluationPlan, facts: Facts, slot: number): number | null {
  const spec = plan.facts[slot];
  if (!spec) return null;
  const v = facts[spec.key];
  const n = typeof v === 'object' && v !== null ? v.value : v;
  return typeof n === 'number' ? n : null;
}

/** Applies a least-change answer's new values to a result's indicator values and re-scores them (a check, and a what-if preview). */
export function applyChanges(
  plan: EvaluationPlan,
  result: EvaluationResult,
  changes: readonly IndicatorChange[],
): EvaluationResult {
  const values: Record<string, number> = {};
  for (const r of result.indicators) values[r.code] = r.value;
  for (const c of changes) values[c.code] = c.to;
  return evaluateIndicatorValues(plan, values);
}

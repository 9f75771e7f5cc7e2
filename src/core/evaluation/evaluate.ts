// evaluate(plan, facts): validate every fact (an error per field, never a silent zero), run the
// compiled closures, and assemble the result with the standard key and a hash of the facts used.
import { validationError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';
import type { EvaluationPlan, FactSpec } from './evaluation-plan.ts';
import type {
  EvaluationResult,
  GateResult,
  GroupResult,
  IndicatorResult,
  PassOutcome,
} from './evaluation-result.ts';
import { fnv1a64, fnv1a64Digest, fnv1a64UpdateNumbers } from './facts-hash.ts';

/** A fact as given: a number or boolean in the unit the plan states, or an object carrying its unit. */
export type FactValue = number | boolean | { readonly value: number | boolean; readonly unit?: string };

/** Facts by key (the keys of plan.facts; others are ignored and not hashed). */
export type Facts = Readonly<Record<string, FactValue | undefined>>;

/** Reads one fact as the number the compiled rules use (booleans 1 / 0), adding an issue naming the field when it is malformed. */
export function readFact(spec: FactSpec, given: FactValue | undefined, issues: FieldIssue[]): number {
  if (given === undefined) {
    issues.push({
      field: spec.key,
      message: `missing (${spec.kind} in ${spec.unit}, used by ${spec.usedBy.join(', ')})`,
    });
    return NaN;
  }
  let v: unknown = given;
  if (typeof given === 'object' && given !== null) {
    if (given.unit !== undefined && given.unit !== spec.unit) {
      issues.push({
        field: spec.key,
        message: `wrong unit: expected ${spec.unit}, got ${given.unit}`,
        value: given.unit,
      });
      return NaN;
    }
    v = given.value;
  }
  switch (spec.kind) {
    case 'number':
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      issues.push({
        field: spec.key,
        message: typeof v === 'number' ? 'not a finite number' : `expected a number in ${spec.unit}`,
        value: v,
      });
      return NaN;
    case 'fraction':
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'number' && v >= 0 && v <= 1) return v;
      issues.push({
        field: spec.key,
        message: 'expected true/false or an assessed fraction in [0, 1]',
        value: v,
      });
      return NaN;
    case 'boolean':
      if (typeof v === 'boolean') return v ? 1 : 0;
      issues.push({ field: spec.key, message: 'expected true or false', value: v });
      return NaN;
  }
}

/** Lists every problem with the facts for a plan (missing, wrong unit, NaN, wrong type), without evaluating. */
export function checkFacts(plan: EvaluationPlan, facts: Facts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const spec of plan.facts) readFact(spec, facts[spec.key], issues);
  return issues;
}

/** Evaluates facts under a plan; malformed facts throw one GM_VALIDATION error listing every field. */
export function evaluate(plan: EvaluationPlan, facts: Facts): EvaluationResult {
  const issues: FieldIssue[] = [];
  const n = plan.facts.length;
  const slots = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const spec = plan.facts[i] as FactSpec;
    slots[i] = readFact(spec, facts[spec.key], issues);
  }
  if (issues.length > 0) throw validationError(issues, 'facts');
  const values = new Float64Array(plan.indicators.length);
  for (let k = 0; k < plan.indicators.length; k++) {
    const ind = plan.indicators[k];
    if (ind === undefined) continue;
    const v = ind.compute(slots);
    if (!Number.isFinite(v)) {
      issues.push({
        field: `indicator.${ind.code}`,
        message: `value is not finite from ${ind.factKeys.join(', ')} (a zero denominator?)`,
        value: v,
      });
    }
    values[k] = v;
  }
  if (issues.length > 0) throw validationError(issues, 'facts');
  const gates = plan.gates.map((g) => g.check(slots));
  // The plan's seed continued with the fact values as numbers (facts-hash.ts, fnv1a64UpdateNumbers).
  const hash = fnv1a64Digest(fnv1a64UpdateNumbers([plan.hashSeed[0], plan.hashSeed[1]], slots));
  return assembleResult(plan, values, gates, hash);
}

/**
 * Scores given indicator values (by code) and gate outcomes directly, for what-if previews and the
 * least-change search; gates not given count as passed. The hash covers the values given.
 */
export function evaluateIndicatorValues(
  plan: EvaluationPlan,
  indicatorValues: Readonly<Record<string, number>>,
  gateOutcomes: Readonly<Record<string, boolean>> = {},
): EvaluationResult {
  const issues: FieldIssue[] = [];
  const values = new Float64Array(plan.indicators.length);
  plan.indicators.forEach((ind, k) => {
    const v = indicatorValues[ind.code];
    if (v === undefined || !Number.isFinite(v))
      issues.push({ field: `indicator.${ind.code}`, message: 'missing or not finite', value: v });
    else values[k] = v;
  });
  if (issues.length > 0) throw validationError(issues, 'indicator values');
  const gates = plan.gates.map((g) => gateOutcomes[g.code] ?? true);
  const sorted = Object.keys(indicatorValues).sort();
  const text = `{"indicatorValues":{${sorted.map((k) => `${JSON.stringify(k)}:${String(indicatorValues[k])}`).join(',')}},"subject":${plan.subjectCanonical}}`;
  return assembleResult(plan, values, gates, fnv1a64(text));
}

/** Builds the object result of one evaluation from its indicator values, gate outcomes and facts hash. */
export function assembleResult(
  plan: EvaluationPlan,
  values: Float64Array,
  gateOutcomes: readonly boolean[],
  factsHash: string,
): EvaluationResult {
  const gates: GateResult[] = plan.gates.map((g, i) => ({
    code: g.code,
    nameEn: g.def.nameEn,
    passed: gateOutcomes[i] === true,
  }));
  const gatesPassed = gateOutcomes.every((g) => g);
  let scoredPoints = 0;
  let unscoredWeight = 0;
  let anyUnscored = false;
  let allMeet = true;
  const groupPoints = new Map<string, { points: number; weight: number; complete: boolean }>();
  const indicators: IndicatorResult[] = plan.indicators.map((ind, k) => {
    const value = values[k] as number;
    const score = ind.score ? ind.score(value) : null;
    const w = ind.weight;
    const points = score !== null && w !== null ? (w * score) / 100 : null;
    const g = groupPoints.get(ind.def.group) ?? { points: 0, weight: 0, complete: true };
    if (score === null) {
      anyUnscored = true;
      if (w !== null && w > 0) {
        unscoredWeight += w;
        g.complete = false;
      }
    } else if (score < 100) allMeet = false;
    if (points !== null) {
      scoredPoints += points;
      g.points += points;
    }
    g.weight += w ?? 0;
    groupPoints.set(ind.def.group, g);
    const lead = ind.lead?.value ?? null;
    const dir = ind.def.direction;
    return {
      code: ind.code,
      nameEn: ind.def.nameEn,
      group: ind.def.group,
      unit: ind.unit,
      value,
      status: score === null ? 'no-reference-value' : 'scored',
      score,
      weight: w,
      points,
      lead,
      baseline: ind.baseline?.value ?? null,
      gapToLead:
        lead === null || ind.def.nature === 'qualitative'
          ? null
          : Math.max(0, dir === 'forward' ? lead - value : value - lead),
      reason: ind.noScoreReason,
      usesUnverified: ind.usesUnverified,
    };
  });
  const groups: GroupResult[] = plan.standard.groups
    .filter((g) => groupPoints.has(g.code))
    .map((g) => {
      const p = groupPoints.get(g.code) ?? { points: 0, weight: 0, complete: true };
      return { code: g.code, nameEn: g.nameEn, points: p.points, weight: p.weight, complete: p.complete };
    });
  const total = plan.totalWeight > 0 && unscoredWeight === 0 ? scoredPoints : null;
  const pass = passOutcome(
    plan,
    gatesPassed,
    gates,
    total,
    scoredPoints,
    unscoredWeight,
    anyUnscored,
    allMeet,
  );
  // A rating is given when the lowest and highest possible totals fall in the same band.
  const bandOf = (x: number): string | null =>
    plan.standard.ratingBands.find((b) => x >= b.min.value)?.label ?? null;
  const low = bandOf(scoredPoints);
  const rating = plan.totalWeight > 0 && low === bandOf(scoredPoints + unscoredWeight) ? low : null;
  return {
    standard: plan.standardKey,
    factsHash,
    gates,
    gatesPassed,
    indicators,
    groups,
    notApplicable: plan.notApplicable,
    total,
    scoredPoints,
    unscoredWeight,
    totalWeight: plan.totalWeight,
    pass,
    rating,
    usesUnverified: plan.usesUnverified,
    unverified: plan.unverified,
    warnings: plan.warnings,
  };
}

function passOutcome(
  plan: EvaluationPlan,
  gatesPassed: boolean,
  gates: readonly GateResult[],
  total: number | null,
  scoredPoints: number,
  unscoredWeight: number,
  anyUnscored: boolean,
  allMeet: boolean,
): PassOutcome {
  const rule = plan.standard.passRule;
  const passMark = rule.kind === 'min-total' ? rule.mark.value : null;
  if (!gatesPassed) {
    const failed = gates.filter((g) => !g.passed).map((g) => g.code);
    return { status: 'fail', passMark, reason: `basic requirement(s) not met: ${failed.join(', ')}` };
  }
  switch (rule.kind) {
    case 'none':
      return { status: 'no-pass-mark', passMark: null, reason: rule.note };
    case 'all-meet':
      if (!allMeet)
        return { status: 'fail', passMark: null, reason: 'an indicator does not meet its reference value' };
      if (anyUnscored)
        return { status: 'undetermined', passMark: null, reason: 'an indicator has no reference value' };
      return {
        status: 'pass',
        passMark: null,
        reason: 'every basic requirement and every indicator reference value is met',
      };
    case 'min-total': {
      const mark = rule.mark.value;
      if (plan.totalWeight === 0) {
        return {
          status: 'undetermined',
          passMark: mark,
          reason: `${plan.standardKey} defines no indicator weights, so no total can be computed`,
        };
      }
      if (total !== null) {
        return total >= mark
          ? { status: 'pass', passMark: mark, reason: `total ${round(total)} ≥ ${mark}` }
          : { status: 'fail', passMark: mark, reason: `total ${round(total)} < ${mark}` };
      }
      if (scoredPoints >= mark)
        return { status: 'pass', passMark: mark, reason: `scored points alone reach ${mark}` };
      if (scoredPoints + unscoredWeight < mark) {
        return {
          status: 'fail',
          passMark: mark,
          reason: `even full marks on unscored indicators stay below ${mark}`,
        };
      }
      return {
        status: 'undetermined',
        passMark: mark,
        reason: `total lies in [${round(scoredPoints)}, ${round(scoredPoints + unscoredWeight)}]`,
      };
    }
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

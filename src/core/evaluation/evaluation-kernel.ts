// The plan flattened for the hot path: fact kinds, weights and flags in typed arrays, the compiled
// closures in plain arrays, and the pass rule as numbers, so that evaluating one subject touches no
// strings, no objects and allocates nothing. Built once per plan and cached.
//
// The batch loop itself is compiled per plan (compileBatchRunner): the plan's structure becomes
// straight-line code over local numbers, with the formula and score closures called from call sites
// that each see one target, so the JIT inlines them and no intermediate double is boxed. Only
// integers (slot and indicator indexes) and finite numbers (weights, thresholds, the pass mark, the
// hash seed) are written into the generated source; formulas and scores are passed in as the
// closures plan() compiled. Where code generation is not allowed (a browser page whose Content
// Security Policy forbids it), the same loop runs over the closure arrays instead.
import { formulaCatalog } from './formula-catalog.ts';
import type { FormulaId } from '../standards/indicator-system.ts';
import type { EvaluationPlan } from './evaluation-plan.ts';

/** Fact kinds as numbers: 0 = finite number, 1 = fraction in [0, 1], 2 = boolean (1 / 0). */
export const FACT_NUMBER = 0;
export const FACT_FRACTION = 1;
export const FACT_BOOLEAN = 2;

/** Pass rules as numbers: 0 = none, 1 = minimum total, 2 = every indicator meets its reference. */
export const RULE_NONE = 0;
export const RULE_MIN_TOTAL = 1;
export const RULE_ALL_MEET = 2;

/** A plan flattened into typed arrays and closure arrays for the allocation-free evaluation loop. */
export interface EvaluationKernel {
  readonly nFacts: number;
  readonly nIndicators: number;
  readonly nGates: number;
  readonly kinds: Uint8Array;
  readonly computes: readonly ((slots: Float64Array) => number)[];
  /** Score closures; an indicator without a reference value gets one returning NaN. */
  readonly scorers: readonly ((value: number) => number)[];
  readonly scored: Uint8Array;
  /** Points of each indicator, 0 when the standard gives none. */
  readonly weights: Float64Array;
  readonly gates: readonly ((slots: Float64Array) => boolean)[];
  readonly rule: number;
  readonly passMark: number;
  readonly totalWeight: number;
  /** Weight of the weighted indicators that cannot be scored (a property of the plan, not the facts). */
  readonly unscoredWeight: number;
  readonly anyUnscored: boolean;
  readonly hashSeedHi: number;
  readonly hashSeedLo: number;
  /** The batch loop, generated for this plan, or the generic closure loop when generation is not allowed. */
  readonly run: BatchRunner;
  readonly generated: boolean;
}

/** The batch loop: evaluates `count` subjects from packed slots into the output arrays; returns how many were malformed. */
export type BatchRunner = (slots: Float64Array, count: number, out: BatchOutputs) => number;

/** The typed arrays a batch writes into (see evaluate-batch.ts, BatchBuffers). */
export interface BatchOutputs {
  readonly values: Float64Array;
  readonly scores: Float64Array;
  readonly scoredPoints: Float64Array;
  readonly totals: Float64Array;
  readonly gatesPassed: Uint8Array;
  readonly gateBits: Uint32Array;
  readonly status: Uint8Array;
  readonly hashHi: Uint32Array;
  readonly hashLo: Uint32Array;
}

/** Outcome codes of a batch evaluation, one byte per subject. */
export const BATCH_PASS = 0;
export const BATCH_FAIL = 1;
export const BATCH_UNDETERMINED = 2;
export const BATCH_NO_PASS_MARK = 3;
/** The subject's facts were malformed; nothing else in its row is meaningful. */
export const BATCH_INVALID = 4;

const unscorable = (): number => NaN;
const cache = new WeakMap<EvaluationPlan, EvaluationKernel>();

/** The flattened kernel of a plan, compiled on first use and cached for the plan's lifetime. */
export function kernelOf(plan: EvaluationPlan): EvaluationKernel {
  const cached = cache.get(plan);
  if (cached) return cached;
  const kinds = new Uint8Array(plan.facts.length);
  plan.facts.forEach((f, i) => {
    kinds[i] = f.kind === 'number' ? FACT_NUMBER : f.kind === 'fraction' ? FACT_FRACTION : FACT_BOOLEAN;
  });
  const n = plan.indicators.length;
  const scored = new Uint8Array(n);
  const weights = new Float64Array(n);
  let unscoredWeight = 0;
  let anyUnscored = false;
  plan.indicators.forEach((ind, k) => {
    scored[k] = ind.score ? 1 : 0;
    weights[k] = ind.weight ?? 0;
    if (!ind.score) {
      anyUnscored = true;
      if (ind.weight !== null && ind.weight > 0) unscoredWeight += ind.weight;
    }
  });
  const rule = plan.standard.passRule;
  const base = {
    nFacts: plan.facts.length,
    nIndicators: n,
    nGates: plan.gates.length,
    kinds,
    computes: plan.indicators.map((i) => i.compute as (s: Float64Array) => number),
    scorers: plan.indicators.map((i) => i.score ?? unscorable),
    scored,
    weights,
    gates: plan.gates.map((g) => g.check as (s: Float64Array) => boolean),
    rule: rule.kind === 'none' ? RULE_NONE : rule.kind === 'min-total' ? RULE_MIN_TOTAL : RULE_ALL_MEET,
    passMark: rule.kind === 'min-total' ? rule.mark.value : NaN,
    totalWeight: plan.totalWeight,
    unscoredWeight,
    anyUnscored,
    hashSeedHi: plan.hashSeed[0],
    hashSeedLo: plan.hashSeed[1],
  };
  const generatedRun = allowGeneration ? compileBatchRunner(plan, base) : null;
  const kernel: EvaluationKernel = {
    ...base,
    run: generatedRun ?? ((slots, count, out) => runGeneric(base, slots, count, out)),
    generated: generatedRun !== null,
  };
  cache.set(plan, kernel);
  return kernel;
}

let allowGeneration = true;

/** Switches per-plan code generation off (or on again) for plans compiled afterwards; tests compare both loops. */
export function setKernelGeneration(allowed: boolean): void {
  allowGeneration = allowed;
}

type KernelBase = Omit<EvaluationKernel, 'run' | 'generated'>;

// One shared 8-byte scratch: a Float64 written through one view is read back as two 32-bit words.
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

/** The generic batch loop over the closure arrays (the reference the generated loop must match). */
function runGeneric(k: KernelBase, slots: Float64Array, count: number, out: BatchOutputs): number {
  const nf = k.nFacts;
  const ni = k.nIndicators;
  const ng = k.nGates;
  const { kinds, computes, scorers, scored, weights, gates, rule, passMark, totalWeight, unscoredWeight } = k;
  const { values, scores, scoredPoints, totals, gatesPassed, gateBits, status, hashHi, hashLo } = out;
  const row = new Float64Array(nf);
  let invalid = 0;
  subjects: for (let i = 0; i < count; i++) {
    const base = i * nf;
    // Validate and hash in one pass: FNV-1a 64 over 32-bit words (facts-hash.ts, fnv1a64UpdateNumbers).
    let hi = k.hashSeedHi;
    let lo = k.hashSeedLo;
    for (let j = 0; j < nf; j++) {
      const v = slots[base + j] as number;
      const kind = kinds[j];
      if (
        kind === FACT_NUMBER
          ? v - v !== 0
          : kind === FACT_FRACTION
            ? !(v >= 0 && v <= 1)
            : kind === FACT_BOOLEAN && v !== 0 && v !== 1
      ) {
        status[i] = BATCH_INVALID;
        invalid++;
        continue subjects;
      }
      row[j] = v;
      scratch[0] = v + 0;
      lo = (lo ^ (words[LOW] as number)) >>> 0;
      let p = lo * 0x1b3;
      hi = (Math.imul(hi, 0x1b3) + (lo << 8) + ((p / 0x100000000) >>> 0)) >>> 0;
      lo = p >>> 0;
      lo = (lo ^ (words[HIGH] as number)) >>> 0;
      p = lo * 0x1b3;
      hi = (Math.imul(hi, 0x1b3) + (lo << 8) + ((p / 0x100000000) >>> 0)) >>> 0;
      lo = p >>> 0;
    }
    const o = i * ni;
    let points = 0;
    let allMeet = true;
    for (let q = 0; q < ni; q++) {
      const v = (computes[q] as (s: Float64Array) => number)(row);
      if (v - v !== 0) {
        status[i] = BATCH_INVALID;
        invalid++;
        continue subjects;
      }
      values[o + q] = v;
      const s = (scorers[q] as (x: number) => number)(v);
      scores[o + q] = s;
      if (scored[q] === 1) {
        points += ((weights[q] as number) * s) / 100;
        if (s < 100) allMeet = false;
      }
    }
    hashHi[i] = hi;
    hashLo[i] = lo;
    let bits = 0;
    let passed = true;
    for (let g = 0; g < ng; g++) {
      if ((gates[g] as (s: Float64Array) => boolean)(row)) bits |= g < 32 ? 1 << g : 0;
      else passed = false;
    }
    gateBits[i] = bits >>> 0;
    gatesPassed[i] = passed ? 1 : 0;
    scoredPoints[i] = points;
    const total = totalWeight > 0 && unscoredWeight === 0 ? points : NaN;
    totals[i] = total;
    status[i] = outcome(k, passed, allMeet, points, total, rule, passMark, totalWeight, unscoredWeight);
  }
  return invalid;
}

// Mirrors passOutcome() in evaluate.ts with numbers instead of objects.
function outcome(
  k: KernelBase,
  passed: boolean,
  allMeet: boolean,
  points: number,
  total: number,
  rule: number,
  passMark: number,
  totalWeight: number,
  unscoredWeight: number,
): number {
  if (!passed) return BATCH_FAIL;
  if (rule === RULE_NONE) return BATCH_NO_PASS_MARK;
  if (rule === RULE_ALL_MEET) return !allMeet ? BATCH_FAIL : k.anyUnscored ? BATCH_UNDETERMINED : BATCH_PASS;
  if (totalWeight === 0) return BATCH_UNDETERMINED;
  if (total === total) return total >= passMark ? BATCH_PASS : BATCH_FAIL;
  if (points >= passMark) return BATCH_PASS;
  if (points + unscoredWeight < passMark) return BATCH_FAIL;
  return BATCH_UNDETERMINED;
}

/**
 * Formulas written out as expressions over slot variables, operation for operation as their
 * functions in formulas/ (the tests compare the generated loop with evaluate(), which calls the
 * functions); a formula not listed here is called.
 */
export const inlineFormulas: Partial<Record<FormulaId, (...a: string[]) => string>> = {
  ratio: (a, b) => `${a} / ${b}`,
  percentShare: (a, b) => `(${a} / ${b}) * 100`,
  unitProductEnergy: (a, b) => `${a} / ${b}`,
  energyPerOutputValue: (a, b) => `${a} / ${b}`,
  carbonIntensity: (a, b) => `${a} / ${b}`,
  renewableShare: (a, b) => `(${a} / ${b}) * 100`,
  materialIntensity: (a, b) => `${a} / ${b}`,
  waterIntensity: (a, b) => `${a} / ${b}`,
  waterReuseRate: (reused, fresh) => `(${reused} / (${fresh} + ${reused})) * 100`,
  solidWasteUtilisationRate: (u, g, st) => `(${u} / (${g} + ${st})) * 100`,
  pollutantIntensity: (a, b) => `${a} / ${b}`,
  capacityPerLandArea: (a, b) => `${a} / ${b}`,
  outputPerLandArea: (a, b) => `${a} / ${b}`,
  retrofitInvestmentShare: (a, b) => `(${a} / ${b}) * 100`,
};

/**
 * The score of indicator q as an expression: linear and assessment scoring written out with the
 * plan's numbers, operation for operation as scoreLinear / positionBetween / scoreAssessment in
 * scoring.ts (so results are bit-identical); other methods call the closure plan() compiled.
 */
function scoreExpression(ind: EvaluationPlan['indicators'][number], q: number): string {
  const v = `v${q}`;
  const forward = ind.def.direction === 'forward';
  const lead = ind.lead?.value;
  const baseline = ind.baseline?.value;
  if (ind.scoring.method === 'linear' && lead !== undefined && baseline !== undefined) {
    const better = forward ? `${v} >= ${lit(lead)}` : `${v} <= ${lit(lead)}`;
    const span =
      lead === baseline
        ? '0'
        : `((p = (${v} - ${lit(baseline)}) / (${lit(lead)} - ${lit(baseline)})) <= 0 ? 0 : p >= 1 ? 1 : p)`;
    return `(${better} ? 1 : ${span}) * 100`;
  }
  if (ind.scoring.method === 'assessment') {
    const f = `(${v} <= 0 ? 0 : ${v} >= 1 ? 1 : ${v})`;
    return forward ? `${f} * 100` : `(1 - ${f}) * 100`;
  }
  return `S${q}(${v})`;
}

/** A finite number or an integer as a source literal; anything else is refused (nothing else enters generated code). */
function lit(x: number): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`not a finite number: ${String(x)}`);
  // String() round-trips a double exactly; parenthesised so that a negative literal is safe anywhere.
  return `(${String(x)})`;
}

/**
 * Generates the batch loop of one plan as straight-line code, or returns null when the environment
 * forbids code generation or the plan has a measure the generator does not know.
 */
function compileBatchRunner(plan: EvaluationPlan, k: KernelBase): BatchRunner | null {
  try {
    return generate(plan, k);
  } catch {
    return null;
  }
}

function generate(plan: EvaluationPlan, k: KernelBase): BatchRunner {
  const nf = k.nFacts;
  const ni = k.nIndicators;
  const slot = new Map(plan.facts.map((f, j) => [f.key, j]));
  const r = (key: string): string => {
    const j = slot.get(key);
    if (j === undefined) throw new RangeError(`fact ${key} has no slot`);
    return `r${j}`;
  };
  const fns: ((...a: number[]) => number)[] = [];
  const src: string[] = [];
  src.push('"use strict";');
  for (let q = 0; q < ni; q++) src.push(`const S${q} = S[${q}];`);
  const exprs: string[] = [];
  for (const ind of plan.indicators) {
    const m = ind.def.measure;
    if (m.kind === 'formula') {
      const args = m.inputs.map((i) => r(i.fact));
      const inline = inlineFormulas[m.formula];
      if (inline && args.length === inline.length) {
        exprs.push(`(${inline(...args)})`);
        continue;
      }
      fns.push(formulaCatalog[m.formula].fn);
      src.push(`const F${fns.length - 1} = F[${fns.length - 1}];`);
      exprs.push(`F${fns.length - 1}(${m.inputs.map((i) => r(i.fact)).join(', ')})`);
    } else exprs.push(r(m.fact));
  }
  src.push(
    'return function run(slots, count, out) {',
    'const values = out.values, scores = out.scores, scoredPoints = out.scoredPoints, totals = out.totals;',
    'const gatesPassed = out.gatesPassed, gateBits = out.gateBits, status = out.status, hashHi = out.hashHi, hashLo = out.hashLo;',
    'let invalid = 0;',
    'for (let i = 0; i < count; i++) {',
    `const b = i * ${lit(nf)};`,
  );
  for (let j = 0; j < nf; j++) src.push(`const r${j} = slots[b + ${lit(j)}];`);
  const checks = plan.facts.map((f, j) =>
    f.kind === 'number'
      ? `r${j} - r${j} !== 0`
      : f.kind === 'fraction'
        ? `!(r${j} >= 0 && r${j} <= 1)`
        : `(r${j} !== 0 && r${j} !== 1)`,
  );
  if (checks.length > 0)
    src.push(`if (${checks.join(' || ')}) { status[i] = ${BATCH_INVALID}; invalid++; continue; }`);
  src.push(`let hi = ${lit(k.hashSeedHi)}, lo = ${lit(k.hashSeedLo)}, p = 0;`);
  const mix = (w: number): string =>
    `lo = (lo ^ W[${w}]) >>> 0; p = lo * 435; hi = (Math.imul(hi, 435) + (lo << 8) + ((p / 4294967296) >>> 0)) >>> 0; lo = p >>> 0;`;
  for (let j = 0; j < nf; j++) src.push(`X[0] = r${j} + 0;`, mix(LOW), mix(HIGH));
  plan.indicators.forEach((_, q) => src.push(`const v${q} = ${exprs[q] ?? 'NaN'};`));
  if (ni > 0)
    src.push(
      `if (${plan.indicators.map((_, q) => `v${q} - v${q} !== 0`).join(' || ')}) { status[i] = ${BATCH_INVALID}; invalid++; continue; }`,
    );
  src.push(
    `hashHi[i] = hi; hashLo[i] = lo;`,
    `const o = i * ${lit(ni)};`,
    'let points = 0; let allMeet = true;',
  );
  plan.indicators.forEach((ind, q) => {
    src.push(`values[o + ${lit(q)}] = v${q};`);
    if (!ind.score) {
      src.push(`scores[o + ${lit(q)}] = NaN;`);
      return;
    }
    src.push(
      `const s${q} = ${scoreExpression(ind, q)}; scores[o + ${lit(q)}] = s${q}; if (s${q} < 100) allMeet = false;`,
    );
    if (ind.weight !== null) src.push(`points += (${lit(ind.weight)} * s${q}) / 100;`);
  });
  src.push('let bits = 0; let passed = true;');
  plan.gates.forEach((g, n) => {
    const c = g.def.check;
    if (c.kind === 'threshold' && !['>', '>=', '<', '<='].includes(c.op))
      throw new RangeError(`operator ${c.op}`);
    const test = c.kind === 'fact-true' ? `${r(c.fact)} === 1` : `${r(c.fact)} ${c.op} ${lit(c.value.value)}`;
    src.push(`if (${test}) { bits |= ${n < 32 ? lit(2 ** n) : '0'}; } else passed = false;`);
  });
  src.push('gateBits[i] = bits >>> 0; gatesPassed[i] = passed ? 1 : 0; scoredPoints[i] = points;');
  const hasTotal = k.totalWeight > 0 && k.unscoredWeight === 0;
  src.push(`const total = ${hasTotal ? 'points' : 'NaN'}; totals[i] = total;`);
  // The pass rule, folded with the plan's constants (passOutcome() in evaluate.ts).
  let decide: string;
  if (k.rule === RULE_NONE) decide = `${BATCH_NO_PASS_MARK}`;
  else if (k.rule === RULE_ALL_MEET)
    decide = `!allMeet ? ${BATCH_FAIL} : ${k.anyUnscored ? BATCH_UNDETERMINED : BATCH_PASS}`;
  else if (k.totalWeight === 0) decide = `${BATCH_UNDETERMINED}`;
  else if (hasTotal) decide = `total >= ${lit(k.passMark)} ? ${BATCH_PASS} : ${BATCH_FAIL}`;
  else
    decide = `points >= ${lit(k.passMark)} ? ${BATCH_PASS} : points + ${lit(k.unscoredWeight)} < ${lit(k.passMark)} ? ${BATCH_FAIL} : ${BATCH_UNDETERMINED}`;
  src.push(`status[i] = !passed ? ${BATCH_FAIL} : ${decide};`, '}', 'return invalid;', '};');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see the header: only numbers enter the source
  const factory = new Function('F', 'S', 'X', 'W', src.join('\n')) as (
    f: readonly ((...a: number[]) => number)[],
    s: readonly ((v: number) => number)[],
    x: Float64Array,
    w: Uint32Array,
  ) => BatchRunner;
  return factory(fns, k.scorers, scratch, words);
}

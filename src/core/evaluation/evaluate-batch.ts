// The batch path of the engine: many subjects under one plan, facts packed as numbers into one
// Float64Array (row i = subject i, columns in plan.facts order), results written into preallocated
// typed arrays. The per-subject object result (the same one evaluate() returns) is built only when
// asked for, with result(i).
import type { FieldIssue } from '../errors.ts';
import { validationError } from '../errors.ts';
import type { EvaluationPlan } from './evaluation-plan.ts';
import type { EvaluationResult, PassOutcome } from './evaluation-result.ts';
import { assembleResult, readFact } from './evaluate.ts';
import type { Facts } from './evaluate.ts';
import { BATCH_INVALID, kernelOf } from './evaluation-kernel.ts';
import { fnv1a64Digest } from './facts-hash.ts';

export {
  BATCH_FAIL,
  BATCH_INVALID,
  BATCH_NO_PASS_MARK,
  BATCH_PASS,
  BATCH_UNDETERMINED,
} from './evaluation-kernel.ts';

const statusNames: readonly (PassOutcome['status'] | 'invalid')[] = [
  'pass',
  'fail',
  'undetermined',
  'no-pass-mark',
  'invalid',
];

/** Preallocated output arrays for up to `capacity` subjects of one plan; reusable across batches. */
export interface BatchBuffers {
  readonly capacity: number;
  /** Indicator values, row-major (subject × indicator). */
  readonly values: Float64Array;
  /** Scores 0-100, NaN where the indicator has no reference value. */
  readonly scores: Float64Array;
  readonly scoredPoints: Float64Array;
  /** Weighted total, NaN when the standard's total cannot be computed (see EvaluationResult.total). */
  readonly totals: Float64Array;
  readonly gatesPassed: Uint8Array;
  /** Bit g set when gate g passed (plans with up to 32 gates; more are checked but not recorded here). */
  readonly gateBits: Uint32Array;
  readonly status: Uint8Array;
  readonly hashHi: Uint32Array;
  readonly hashLo: Uint32Array;
}

/** Allocates the output arrays for `capacity` subjects of a plan. */
export function createBatchBuffers(plan: EvaluationPlan, capacity: number): BatchBuffers {
  const n = plan.indicators.length;
  return {
    capacity,
    values: new Float64Array(capacity * n),
    scores: new Float64Array(capacity * n),
    scoredPoints: new Float64Array(capacity),
    totals: new Float64Array(capacity),
    gatesPassed: new Uint8Array(capacity),
    gateBits: new Uint32Array(capacity),
    status: new Uint8Array(capacity),
    hashHi: new Uint32Array(capacity),
    hashLo: new Uint32Array(capacity),
  };
}

/** A batch's outputs with lazy per-subject views. */
export interface BatchEvaluation extends BatchBuffers {
  readonly plan: EvaluationPlan;
  readonly count: number;
  readonly slots: Float64Array;
  /** Number of subjects whose facts were malformed. */
  readonly invalid: number;
  readonly statusOf: (i: number) => PassOutcome['status'] | 'invalid';
  readonly factsHash: (i: number) => string;
  /** What is wrong with subject i's facts (empty when it evaluated). */
  readonly issues: (i: number) => FieldIssue[];
  /** The full result of subject i, equal to evaluate(plan, facts of i); malformed facts throw GM_VALIDATION. */
  readonly result: (i: number) => EvaluationResult;
}

/**
 * Evaluates `count` subjects under one plan from packed fact slots (booleans as 1 / 0), writing
 * values, scores, totals, pass outcomes and facts hashes into the buffers; a subject with malformed
 * facts gets BATCH_INVALID and the others are unaffected.
 */
export function evaluateBatch(
  plan: EvaluationPlan,
  slots: Float64Array,
  count: number,
  buffers: BatchBuffers = createBatchBuffers(plan, count),
): BatchEvaluation {
  const k = kernelOf(plan);
  const nf = k.nFacts;
  const ni = k.nIndicators;
  if (buffers.capacity < count)
    throw new RangeError(`buffers hold ${buffers.capacity} subjects, not ${count}`);
  if (slots.length < count * nf) throw new RangeError(`slots hold fewer than ${count} × ${nf} facts`);
  const invalid = k.run(slots, count, buffers);
  const { status, values } = buffers;
  const factsHash = (i: number): string => fnv1a64Digest([buffers.hashHi[i] ?? 0, buffers.hashLo[i] ?? 0]);
  const issues = (i: number): FieldIssue[] => issuesOfRow(plan, slots, i);
  return {
    ...buffers,
    plan,
    count,
    slots,
    invalid,
    statusOf: (i) => statusNames[status[i] ?? BATCH_INVALID] ?? 'invalid',
    factsHash,
    issues,
    result: (i) => {
      if (status[i] === BATCH_INVALID) throw validationError(issues(i), `facts of subject ${i}`);
      const v = values.slice(i * ni, (i + 1) * ni);
      const gateOutcomes = plan.gates.map((g) => g.check(slots.subarray(i * nf, (i + 1) * nf)));
      return assembleResult(plan, v, gateOutcomes, factsHash(i));
    },
  };
}

function issuesOfRow(plan: EvaluationPlan, slots: Float64Array, i: number): FieldIssue[] {
  const k = kernelOf(plan);
  const row = slots.slice(i * k.nFacts, (i + 1) * k.nFacts);
  const issues: FieldIssue[] = [];
  plan.facts.forEach((spec, j) => {
    const v = row[j] as number;
    if (spec.kind === 'number' && !Number.isFinite(v))
      issues.push({ field: spec.key, message: `missing or not a finite number (${spec.unit})`, value: v });
    else if (spec.kind === 'fraction' && !(v >= 0 && v <= 1))
      issues.push({
        field: spec.key,
        message: 'expected true/false or an assessed fraction in [0, 1]',
        value: v,
      });
    else if (spec.kind === 'boolean' && v !== 0 && v !== 1)
      issues.push({ field: spec.key, message: 'expected true or false', value: v });
  });
  if (issues.length > 0) return issues;
  plan.indicators.forEach((ind) => {
    const v = ind.compute(row);
    if (!Number.isFinite(v))
      issues.push({
        field: `indicator.${ind.code}`,
        message: `value is not finite from ${ind.factKeys.join(', ')} (a zero denominator?)`,
        value: v,
      });
  });
  return issues;
}

/**
 * Packs one subject's facts into row `row` of a slot array in the plan's fact order (booleans as
 * 1 / 0); returns the problems found, each naming its field, and leaves NaN in a malformed slot.
 */
export function packFacts(
  plan: EvaluationPlan,
  facts: Facts,
  slots: Float64Array,
  row: number,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const base = row * plan.facts.length;
  plan.facts.forEach((spec, j) => {
    slots[base + j] = readFact(spec, facts[spec.key], issues);
  });
  return issues;
}

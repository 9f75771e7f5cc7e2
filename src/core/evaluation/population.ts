// A whole population under one standard edition: subjects grouped by what their plan depends on
// (kind, attributes, quota rows), one plan per group, facts packed and evaluated in batches.
import type { FieldIssue } from '../errors.ts';
import type { IndicatorSystem } from '../standards/indicator-system.ts';
import type { Facts } from './evaluate.ts';
import type { BatchEvaluation } from './evaluate-batch.ts';
import { createBatchBuffers, evaluateBatch, packFacts } from './evaluate-batch.ts';
import type { EvaluationPlan } from './evaluation-plan.ts';
import type { EvaluationResult, PassOutcome } from './evaluation-result.ts';
import { canonicalJson } from './facts-hash.ts';
import { plan } from './plan.ts';
import type { Subject } from './subject.ts';

/** One member of a population: an id to report it by, its subject and its facts. */
export interface PopulationEntry {
  readonly id: string;
  readonly name?: string;
  /** The peer group (industry) for percentiles. */
  readonly group?: string;
  readonly subject: Subject;
  readonly facts: Facts;
}

/** One member's outcome in numbers; the full result is available from the population's resultOf(). */
export interface PopulationOutcome {
  readonly id: string;
  readonly status: PassOutcome['status'] | 'invalid';
  readonly total: number | null;
  readonly scoredPoints: number;
  /** Points that could be scored (weights of the indicators with a reference value). */
  readonly attainable: number;
  /** scoredPoints as a percentage of attainable, comparable across editions; null when nothing is scored. */
  readonly normalised: number | null;
  readonly factsHash: string | null;
  /** Every problem with the member's facts or subject, each naming the field (empty when it evaluated). */
  readonly issues: readonly FieldIssue[];
}

/** A population evaluated under one edition. */
export interface PopulationEvaluation {
  readonly standard: string;
  readonly outcomes: readonly PopulationOutcome[];
  /** The full result of a member (as evaluate() gives it), or null for an invalid one. */
  readonly resultOf: (id: string) => EvaluationResult | null;
}

const subjectKey = (s: Subject): string =>
  canonicalJson({
    kind: s.kind,
    attributes: s.attributes,
    energyQuota: s.energyQuota
      ? { row: s.energyQuota.row.key, corrections: s.energyQuota.corrections }
      : undefined,
    waterQuota: s.waterQuota
      ? { unit: s.waterQuota.unit, advanced: s.waterQuota.advanced, general: s.waterQuota.general }
      : undefined,
  });

/**
 * Evaluates every member under one edition: one plan per distinct subject, facts packed into slots
 * and run through the batch engine; members whose subject or facts are malformed are reported with
 * their issues and do not stop the others. `onProgress` is told the members done so far.
 */
export function evaluatePopulation(
  standard: IndicatorSystem,
  entries: readonly PopulationEntry[],
  onProgress?: (done: number, total: number) => void,
): PopulationEvaluation {
  const groups = new Map<
    string,
    { plan: EvaluationPlan | null; planIssues: FieldIssue[]; members: number[] }
  >();
  entries.forEach((e, i) => {
    const key = subjectKey(e.subject);
    let g = groups.get(key);
    if (!g) {
      let p: EvaluationPlan | null = null;
      const planIssues: FieldIssue[] = [];
      try {
        p = plan(standard, e.subject);
      } catch (error) {
        const details = (error as { details?: { issues?: FieldIssue[] } }).details;
        planIssues.push(...(details?.issues ?? [{ field: 'subject', message: (error as Error).message }]));
      }
      g = { plan: p, planIssues, members: [] };
      groups.set(key, g);
    }
    g.members.push(i);
  });
  const outcomes: PopulationOutcome[] = new Array<PopulationOutcome>(entries.length);
  const where = new Map<string, { batch: BatchEvaluation; row: number }>();
  let done = 0;
  for (const g of groups.values()) {
    if (!g.plan) {
      for (const i of g.members) outcomes[i] = invalidOutcome(entries[i] as PopulationEntry, g.planIssues);
      done += g.members.length;
      onProgress?.(done, entries.length);
      continue;
    }
    const p = g.plan;
    const n = g.members.length;
    const slots = new Float64Array(n * p.facts.length);
    const packIssues = g.members.map((i, row) =>
      packFacts(p, (entries[i] as PopulationEntry).facts, slots, row),
    );
    const batch = evaluateBatch(p, slots, n, createBatchBuffers(p, n));
    const attainable = p.indicators.reduce(
      (s, ind) => s + (ind.score && ind.weight !== null ? ind.weight : 0),
      0,
    );
    g.members.forEach((i, row) => {
      const e = entries[i] as PopulationEntry;
      const issues = packIssues[row] ?? [];
      const status = batch.statusOf(row);
      if (status === 'invalid' || issues.length > 0) {
        outcomes[i] = invalidOutcome(e, issues.length > 0 ? issues : batch.issues(row));
        return;
      }
      const points = batch.scoredPoints[row] ?? 0;
      const total = batch.totals[row] ?? NaN;
      outcomes[i] = {
        id: e.id,
        status,
        total: Number.isNaN(total) ? null : total,
        scoredPoints: points,
        attainable,
        normalised: attainable > 0 ? (100 * points) / attainable : null,
        factsHash: batch.factsHash(row),
        issues: [],
      };
      where.set(e.id, { batch, row });
    });
    done += n;
    onProgress?.(done, entries.length);
  }
  return {
    standard: standard.key,
    outcomes,
    resultOf: (id) => {
      const w = where.get(id);
      return w ? w.batch.result(w.row) : null;
    },
  };
}

const invalidOutcome = (e: PopulationEntry, issues: readonly FieldIssue[]): PopulationOutcome => ({
  id: e.id,
  status: 'invalid',
  total: null,
  scoredPoints: 0,
  attainable: 0,
  normalised: null,
  factsHash: null,
  issues,
});

/** How a member moved between two editions. */
export type Movement = 'rises' | 'falls' | 'unchanged' | 'not-comparable';

/** One member of an impact report. */
export interface ImpactRow {
  readonly id: string;
  readonly from: PopulationOutcome;
  readonly to: PopulationOutcome;
  readonly movement: Movement;
  /** Change of the normalised score (to − from), null when either is missing. */
  readonly delta: number | null;
  readonly newlyPasses: boolean;
  readonly newlyFails: boolean;
}

/** Who passes, fails, rises or falls when a population moves from one edition to another. */
export interface ImpactReport {
  readonly from: string;
  readonly to: string;
  readonly members: number;
  /** Counts by status under each edition. */
  readonly statusFrom: Readonly<Record<PopulationOutcome['status'], number>>;
  readonly statusTo: Readonly<Record<PopulationOutcome['status'], number>>;
  /** Counts by (from status -> to status). */
  readonly transitions: Readonly<Record<string, number>>;
  readonly newlyPasses: number;
  readonly newlyFails: number;
  readonly rises: number;
  readonly falls: number;
  readonly unchanged: number;
  readonly notComparable: number;
  readonly rows: readonly ImpactRow[];
  readonly method: string;
}

const statuses = ['pass', 'fail', 'undetermined', 'no-pass-mark', 'invalid'] as const;

/** Scores closer than this (in normalised points) count as unchanged, so that rounding noise is not a movement. */
export const IMPACT_TOLERANCE = 1e-9;

/**
 * Compares a population's evaluations under two editions member by member (matched by id): status
 * transitions, newly passing / failing members, and rises or falls of the normalised score.
 */
export function impactReport(from: PopulationEvaluation, to: PopulationEvaluation): ImpactReport {
  const toById = new Map(to.outcomes.map((o) => [o.id, o]));
  const count = (): Record<PopulationOutcome['status'], number> =>
    Object.fromEntries(statuses.map((s) => [s, 0])) as Record<PopulationOutcome['status'], number>;
  const statusFrom = count();
  const statusTo = count();
  const transitions: Record<string, number> = {};
  const rows: ImpactRow[] = [];
  let newlyPasses = 0;
  let newlyFails = 0;
  const moves: Record<Movement, number> = { rises: 0, falls: 0, unchanged: 0, 'not-comparable': 0 };
  for (const a of from.outcomes) {
    const b = toById.get(a.id);
    if (!b) continue;
    statusFrom[a.status]++;
    statusTo[b.status]++;
    const t = `${a.status} -> ${b.status}`;
    transitions[t] = (transitions[t] ?? 0) + 1;
    const delta = a.normalised !== null && b.normalised !== null ? b.normalised - a.normalised : null;
    const movement: Movement =
      delta === null
        ? 'not-comparable'
        : delta > IMPACT_TOLERANCE
          ? 'rises'
          : delta < -IMPACT_TOLERANCE
            ? 'falls'
            : 'unchanged';
    moves[movement]++;
    const np = a.status !== 'pass' && b.status === 'pass';
    const nf = a.status === 'pass' && b.status === 'fail';
    if (np) newlyPasses++;
    if (nf) newlyFails++;
    rows.push({ id: a.id, from: a, to: b, movement, delta, newlyPasses: np, newlyFails: nf });
  }
  return {
    from: from.standard,
    to: to.standard,
    members: rows.length,
    statusFrom,
    statusTo,
    transitions,
    newlyPasses,
    newlyFails,
    rises: moves.rises,
    falls: moves.falls,
    unchanged: moves.unchanged,
    notComparable: moves['not-comparable'],
    rows,
    method:
      'Members are matched by id. Rises and falls compare the normalised score: scored points as a percentage of the points that edition can score for the member (indicators without a reference value are left out), since editions weigh different indicators.',
  };
}

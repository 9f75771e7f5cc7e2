// What-if rescoring of a factory's evaluation in the browser.
//
// Which engine path this uses: NOT the core plan. plan(standard, subject) needs the factory's
// subject (energy/water quota bindings with their corrections and attributes), which is built on
// the server from operating data the console does not receive, so wiring it here was impractical.
// Instead the indicator values are rescored with the core scoring functions (src/core/evaluation/
// scoring.ts) over the lead and baseline values the API returned, using the scoring method and
// direction of the same standard edition (result.standard) from the core standards registry.
// Weights, gates and unscored indicators are taken as the API returned them; value changes do not
// move them.
import type { EvaluationResult, IndicatorResult } from '../../../../src/core/evaluation/evaluation-result.ts';
import {
  scoreAssessment,
  scoreBanded,
  scoreLinear,
  scoreMeetsReference,
  scoreRatioToLead,
} from '../../../../src/core/evaluation/scoring.ts';
import { standardRegistry } from '../../../../src/core/standards/standard-registry.ts';

export interface WhatIfIndicator {
  readonly code: string;
  readonly value: number;
  readonly score: number | null;
  readonly points: number | null;
}

export interface WhatIfResult {
  readonly indicators: readonly WhatIfIndicator[];
  /** The new total, or null when the stored result had unscored weight (no total). */
  readonly total: number | null;
  readonly scoredPoints: number;
  /** pass / fail against the pass mark when there is one and the basic requirements were met. */
  readonly pass: 'pass' | 'fail' | null;
}

/** Why a typed value cannot be used: empty or not a number. */
export type ValueProblem = 'empty' | 'not-a-number';

/** Reads a typed value: a finite number, or the problem with it. */
export function parseValue(text: string): number | ValueProblem {
  const s = text.trim();
  if (s === '') return 'empty';
  const v = Number(s);
  return Number.isFinite(v) ? v : 'not-a-number';
}

/** Scores one indicator value as the core plan would, over the API's lead and baseline values. */
function scoreOne(ind: IndicatorResult, value: number, standardKey: string): number | null {
  if (ind.status !== 'scored') return null;
  const system = standardRegistry.indicatorSystem(standardKey);
  const def = system.indicators.find((d) => d.code === ind.code);
  if (!def) return null;
  const scoring = def.scoring ?? system.defaultScoring;
  const dir = def.direction;
  const lead = ind.lead;
  const baseline = ind.baseline;
  switch (scoring.method) {
    case 'assessment':
      return scoreAssessment(value, dir);
    case 'linear':
      return lead === null || baseline === null ? null : scoreLinear(value, lead, baseline, dir);
    case 'banded':
      return lead === null || baseline === null
        ? null
        : scoreBanded(value, lead, baseline, dir, scoring.bands);
    case 'ratio-to-lead':
      return lead === null ? null : scoreRatioToLead(value, lead, dir, scoring.cap.value);
    case 'meets-reference':
      return lead === null ? null : scoreMeetsReference(value, lead, dir);
  }
}

/** Rescores the stored result with new values by indicator code (codes not given keep their value). */
export function rescore(r: EvaluationResult, values: Readonly<Record<string, number>>): WhatIfResult {
  let scoredPoints = 0;
  const indicators = r.indicators.map((ind) => {
    const value = values[ind.code] ?? ind.value;
    const score = scoreOne(ind, value, r.standard);
    const points = score !== null && ind.weight !== null ? (ind.weight * score) / 100 : null;
    if (points !== null) scoredPoints += points;
    return { code: ind.code, value, score, points };
  });
  const total = r.total === null ? null : scoredPoints;
  const pass =
    r.pass.passMark === null || total === null || !r.gatesPassed
      ? null
      : total >= r.pass.passMark
        ? 'pass'
        : 'fail';
  return { indicators, total, scoredPoints, pass };
}

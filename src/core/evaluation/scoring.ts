// Scoring functions (GB/T 36132-2025 clause 5; MIIT 2016 park GI). Each maps an indicator value to
// a score in [0, 100]; which side is "better" is given by the direction.
import type { Direction, ScoreBand } from '../standards/indicator-system.ts';

/**
 * Linear interpolation between baseline (0) and lead (100) (GB/T 36132-2025 clause 5): at or better
 * than the lead value, 100; worse than the baseline, 0; in between, linear. When lead equals
 * baseline the score is a step: 100 at or better than the lead, else 0.
 */
export function scoreLinear(value: number, lead: number, baseline: number, direction: Direction): number {
  const position = positionBetween(value, lead, baseline, direction);
  return position * 100;
}

/**
 * Where a value sits between baseline (0) and lead (1), clamped to [0, 1], in the improving direction.
 */
export function positionBetween(value: number, lead: number, baseline: number, direction: Direction): number {
  const better = direction === 'forward' ? value >= lead : value <= lead;
  if (better) return 1;
  if (lead === baseline) return 0;
  const p = (value - baseline) / (lead - baseline);
  return p <= 0 ? 0 : p >= 1 ? 1 : p;
}

/**
 * The banded ("range") alternative of clause 5: the score of the highest band whose position
 * (0 = baseline, 1 = lead) the value reaches; at or better than the lead it is always 100.
 */
export function scoreBanded(
  value: number,
  lead: number,
  baseline: number,
  direction: Direction,
  bands: readonly ScoreBand[],
): number {
  const position = positionBetween(value, lead, baseline, direction);
  if (position >= 1) return 100;
  let score = 0;
  for (const band of bands) if (position >= band.position && band.score > score) score = band.score;
  return score;
}

/**
 * Green-index normalisation of the MIIT 2016 park scheme: value ÷ lead (forward) or lead ÷ value
 * (reverse), capped (Zhejiang 2022 [C]; cap from Liaoning DB21/T 3662-2022 [S]), times 100.
 * A reverse indicator at or below zero is at its best.
 */
export function scoreRatioToLead(value: number, lead: number, direction: Direction, cap: number): number {
  let r: number;
  if (direction === 'forward') r = lead > 0 ? value / lead : value >= lead ? cap : 0;
  else r = value <= 0 ? cap : lead / value;
  if (!(r > 0)) return 0;
  return (r >= cap ? cap : r) * (100 / cap);
}

/** Pass/fail against a reference value (green-design products): 100 at or better than it, else 0. */
export function scoreMeetsReference(value: number, reference: number, direction: Direction): number {
  return (direction === 'forward' ? value >= reference : value <= reference) ? 100 : 0;
}

/** A qualitative indicator: 100 × the assessed fraction (forward), or 100 × (1 − fraction) for a reverse one. */
export function scoreAssessment(fraction: number, direction: Direction): number {
  const f = fraction <= 0 ? 0 : fraction >= 1 ? 1 : fraction;
  return (direction === 'forward' ? f : 1 - f) * 100;
}

import { validationError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';
import { solveTransposed } from './solve.ts';
import type { SolvePlan } from './solve-plan.ts';

/** Per-process data for footprints: direct emissions per unit output, data origin, data quality. */
export interface FootprintInput {
  /** Direct emissions (e.g. kgCO2e) per unit output of each process, background datasets included. */
  readonly emissions: ArrayLike<number>;
  /** 1 (or true) where the process uses primary (supplier-specific) data. */
  readonly primary?: ArrayLike<number | boolean>;
  /** Data-quality ratings per dimension (e.g. PACT's technological, temporal, geographical DQR). */
  readonly dataQuality?: Readonly<Record<string, ArrayLike<number>>>;
}

/** Per product: the footprint, the share of it from primary data, and propagated data quality. */
export interface FootprintResult {
  /** Cradle-to-gate footprint per unit of each product: h = (I - A)^-T b. */
  readonly footprint: Float64Array;
  /** Fraction of the footprint from primary-data processes; NaN where the footprint is 0. */
  readonly primaryShare: Float64Array;
  /** Contribution-weighted average rating per dimension; NaN where no process contributes. */
  readonly dataQuality: Readonly<Record<string, Float64Array>>;
}

/**
 * Computes product footprints with their primary-data share and data quality, each as one more
 * right-hand side of the same plan. Process j contributes b_j L[j][k] to product k's footprint
 * (L = (I - A)^-1), so the share from a set S is (b restricted to S)^T L e_k / h_k.
 *
 * Data quality weights by |b_j| L[j][k], not b_j: a credit (negative emission) still counts as
 * data used, and signed weights could push an average outside the rating scale. The weights are
 * non-negative only when L is, which holds for A >= 0 with spectral radius below 1.
 */
export function computeFootprints(plan: SolvePlan, input: FootprintInput): FootprintResult {
  const n = plan.size;
  const issues: FieldIssue[] = [];
  if (input.primary !== undefined && input.primary.length !== n) {
    issues.push({
      field: 'primary',
      message: `has ${input.primary.length} values but there are ${n} processes`,
    });
  }
  for (const [name, ratings] of Object.entries(input.dataQuality ?? {})) {
    if (ratings.length !== n)
      issues.push({
        field: `dataQuality.${name}`,
        message: `has ${ratings.length} values but there are ${n} processes`,
      });
    else {
      for (let k = 0; k < n; k++) {
        if (!Number.isFinite(ratings[k])) {
          issues.push({
            field: `dataQuality.${name}`,
            message: 'must be a finite number',
            row: k,
            value: ratings[k],
          });
          break;
        }
      }
    }
  }
  if (issues.length > 0) throw validationError(issues, 'footprint input');

  const footprint = solveTransposed(plan, input.emissions);
  const primaryShare = new Float64Array(n).fill(Number.NaN);
  if (input.primary !== undefined) {
    const primary = input.primary;
    const masked = Float64Array.from({ length: n }, (_, k) => (primary[k] ? input.emissions[k]! : 0));
    const fromPrimary = solveTransposed(plan, masked);
    for (let k = 0; k < n; k++) if (footprint[k] !== 0) primaryShare[k] = fromPrimary[k]! / footprint[k]!;
  } else {
    for (let k = 0; k < n; k++) if (footprint[k] !== 0) primaryShare[k] = 0;
  }

  const dataQuality: Record<string, Float64Array> = {};
  const entries = Object.entries(input.dataQuality ?? {});
  if (entries.length > 0) {
    const weights = Float64Array.from({ length: n }, (_, k) => Math.abs(input.emissions[k]!));
    const total = solveTransposed(plan, weights);
    for (const [name, ratings] of entries) {
      const weighted = solveTransposed(
        plan,
        Float64Array.from({ length: n }, (_, k) => weights[k]! * ratings[k]!),
      );
      dataQuality[name] = Float64Array.from({ length: n }, (_, k) =>
        total[k] === 0 ? Number.NaN : weighted[k]! / total[k]!,
      );
    }
  }
  return { footprint, primaryShare, dataQuality };
}

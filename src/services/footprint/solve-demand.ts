import { GmError, isGmError } from '../../core/errors.ts';
import { parseMatrixMarket } from '../../core/footprint/matrix-market.ts';
import { planSolve } from '../../core/footprint/solve-plan.ts';
import type { SolvePlanOptions, SolvePlanStats } from '../../core/footprint/solve-plan.ts';
import { solveDemand } from '../../core/footprint/solve.ts';
import { sparseMatrixFromTriplets } from '../../core/footprint/sparse-matrix.ts';
import { parseVectorText } from '../../core/footprint/vector-text.ts';

/** Which of the two inputs a validation error is about, so an edge can name the file. */
export type SolveDemandInputName = 'technosphere' | 'demand';

/** The texts of a technosphere (Matrix Market) and a demand vector (one value per line). */
export interface SolveDemandTextInput {
  readonly technosphere: string;
  readonly demand: string;
  readonly options?: SolvePlanOptions;
}

/** The total outputs x = (I - A)^-1 d and how the plan decomposed the network. */
export interface SolveDemandTextResult {
  readonly outputs: Float64Array;
  readonly stats: SolvePlanStats;
}

function tagInput<T>(input: SolveDemandInputName, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isGmError(error) && error.code === 'GM_VALIDATION') {
      throw new GmError(error.code, `${input}: ${error.message}`, { ...error.details, input });
    }
    throw error;
  }
}

/**
 * Solves a technosphere given as text for a demand given as text: the use case behind
 * `greenmfg footprint solve`. Validation errors carry `details.input` naming the offending text
 * and issues with 1-based line numbers; a singular I - A raises GM_SINGULAR.
 */
export function solveDemandFromText(input: SolveDemandTextInput): SolveDemandTextResult {
  const parsed = tagInput('technosphere', () => parseMatrixMarket(input.technosphere));
  if (parsed.rows !== parsed.cols) {
    throw new GmError(
      'GM_VALIDATION',
      `technosphere: must be square, got ${parsed.rows} rows x ${parsed.cols} columns`,
      {
        input: 'technosphere',
        issues: [
          {
            field: 'size',
            message: `must be square, got ${parsed.rows} x ${parsed.cols}`,
            row: parsed.sizeLine,
          },
        ],
      },
    );
  }
  const demand = tagInput('demand', () => parseVectorText(input.demand, 'demand'));
  if (demand.length !== parsed.rows) {
    throw new GmError(
      'GM_VALIDATION',
      `demand: has ${demand.length} values but the technosphere has ${parsed.rows} rows`,
      {
        input: 'demand',
        issues: [
          {
            field: 'demand',
            message: `has ${demand.length} values but the technosphere has ${parsed.rows} rows`,
          },
        ],
      },
    );
  }
  const matrix = tagInput('technosphere', () => sparseMatrixFromTriplets(parsed));
  const plan = planSolve(matrix, input.options ?? {});
  return { outputs: solveDemand(plan, demand), stats: plan.stats };
}

import { validationError } from '../errors.ts';
import { solveDenseLu, solveDenseLuTransposed } from './dense-lu.ts';
import { solveGmres } from './gmres.ts';
import { singularError } from './solve-plan.ts';
import type { ComponentBlock, SolvePlan } from './solve-plan.ts';
import type { CompressedMatrix } from './sparse-matrix.ts';

function checkVector(plan: SolvePlan, v: ArrayLike<number>, field: string): void {
  if (v.length !== plan.size) {
    throw validationError(
      [{ field, message: `has ${v.length} values but the technosphere has ${plan.size} rows` }],
      field,
    );
  }
  for (let k = 0; k < v.length; k++) {
    if (!Number.isFinite(v[k]))
      throw validationError([{ field, message: 'must be a finite number', row: k, value: v[k] }], field);
  }
}

/**
 * Solves the block of one component: `rhs` holds its local right-hand side, and the solution is
 * written to `x` at the block's processes (original indices).
 */
function solveBlock(
  plan: SolvePlan,
  block: ComponentBlock,
  rhs: Float64Array,
  x: Float64Array,
  transposed: boolean,
): void {
  const { start, size } = block;
  const order = plan.components.order;
  if (block.kind === 'dense') {
    const work = new Float64Array(size);
    if (transposed) solveDenseLuTransposed(block.factors, rhs, 0, work);
    else solveDenseLu(block.factors, rhs, 0, work);
    for (let r = 0; r < size; r++) x[order[start + r]!] = rhs[r]!;
    return;
  }
  const matrix = transposed ? block.localTransposed : block.local;
  const y = new Float64Array(size);
  // Start from the Jacobi step D^-1 r: for a supply network (spectral radius of A below 1) it
  // already captures the direct requirement and saves a few restarts.
  for (let k = 0; k < size; k++) y[k] = rhs[k]! * block.inverseDiagonal[k]!;
  const outcome = solveGmres(matrix, rhs, y, block.inverseDiagonal, plan.limits);
  if (!outcome.converged) {
    throw singularError(
      plan.components,
      block.component,
      `GMRES did not converge in ${outcome.iterations} iterations`,
      {
        iterations: outcome.iterations,
        residual: outcome.residual,
      },
    );
  }
  for (let r = 0; r < size; r++) x[order[start + r]!] = y[r]!;
}

/**
 * One pass over the components in the given direction. Process i's value is
 * rhs_i + sum_k values[k] * x[indices[k]] over its row (x) or column (h) of A, and every term is
 * either from a component already solved or from i's own component, whose values are still 0 in
 * the fresh output vector: so the sum needs no filter, and a singleton's self-loop drops out
 * until the division by 1 - A[i][i]. Blocks then solve for their processes together.
 */
function sweep(
  plan: SolvePlan,
  m: CompressedMatrix,
  rhsOf: ArrayLike<number>,
  forwards: boolean,
  transposed: boolean,
): Float64Array {
  const { components, inverseDiagonal, blockOf, blocks } = plan;
  const { order, start, count } = components;
  const { pointers, indices, values } = m;
  const x = new Float64Array(plan.size);
  for (let step = 0; step < count; step++) {
    const c = forwards ? step : count - 1 - step;
    const from = start[c]!;
    const b = blockOf[c]!;
    if (b < 0) {
      const i = order[from]!;
      let s = rhsOf[i]!;
      const end = pointers[i + 1]!;
      for (let k = pointers[i]!; k < end; k++) s += values[k]! * x[indices[k]!]!;
      x[i] = s * inverseDiagonal[i]!;
      continue;
    }
    const size = start[c + 1]! - from;
    const rhs = new Float64Array(size);
    for (let r = 0; r < size; r++) {
      const i = order[from + r]!;
      let s = rhsOf[i]!;
      for (let k = pointers[i]!; k < pointers[i + 1]!; k++) s += values[k]! * x[indices[k]!]!;
      rhs[r] = s;
    }
    solveBlock(plan, blocks[b]!, rhs, x, transposed);
  }
  return x;
}

/**
 * Solves x = (I - A)^-1 f: the total output of every process needed to deliver the final demand
 * f, reusing the plan. Written as x = f + A x, process i's output depends on the outputs of the
 * processes j that consume product i (A[i][j] != 0); those come earlier in the plan's order.
 */
export function solveDemand(plan: SolvePlan, demand: ArrayLike<number>): Float64Array {
  checkVector(plan, demand, 'demand');
  return sweep(plan, plan.matrix.byRow, demand, true, false);
}

/**
 * Solves h = (I - A)^-T b, i.e. h^T = b^T (I - A)^-1: with b the direct emissions per unit output
 * of each process, h is the cradle-to-gate footprint per unit of each product. h_j = b_j +
 * sum_i A[i][j] h_i runs over the same plan in reverse component order.
 */
export function solveTransposed(plan: SolvePlan, direct: ArrayLike<number>): Float64Array {
  checkVector(plan, direct, 'emissions');
  return sweep(plan, plan.matrix.byColumn, direct, false, true);
}

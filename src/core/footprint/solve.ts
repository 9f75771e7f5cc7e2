import { validationError } from '../errors.ts';
import { solveDenseLu, solveDenseLuTransposed } from './dense-lu.ts';
import { solveGmres } from './gmres.ts';
import { singularError } from './solve-plan.ts';
import type { ComponentBlock, SolvePlan } from './solve-plan.ts';

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

/** Solves the block of one component in place on `v` (position space), whose slice holds the right-hand side. */
function solveBlock(plan: SolvePlan, block: ComponentBlock, v: Float64Array, transposed: boolean): void {
  const { start, size } = block;
  if (block.kind === 'dense') {
    const work = new Float64Array(size);
    if (transposed) solveDenseLuTransposed(block.factors, v, start, work);
    else solveDenseLu(block.factors, v, start, work);
    return;
  }
  const matrix = transposed ? block.localTransposed : block.local;
  const rhs = v.slice(start, start + size);
  const x = new Float64Array(size);
  // Start from the Jacobi step D^-1 r: for a supply network (spectral radius of A below 1) it
  // already captures the direct requirement and saves a few restarts.
  for (let k = 0; k < size; k++) x[k] = rhs[k]! * block.inverseDiagonal[k]!;
  const outcome = solveGmres(matrix, rhs, x, block.inverseDiagonal, plan.limits);
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
  v.set(x, start);
}

/**
 * Solves x = (I - A)^-1 f: the total output of every process needed to deliver the final demand
 * f, reusing the plan. Written as x = f + A x, process i's output depends on the outputs of the
 * processes j that consume product i (A[i][j] != 0); those come earlier in the plan's order.
 */
export function solveDemand(plan: SolvePlan, demand: ArrayLike<number>): Float64Array {
  checkVector(plan, demand, 'demand');
  const { components, external, inverseDiagonal, blockOf, blocks } = plan;
  const { order, start } = components;
  const { pointers, indices, values } = external;
  const v = new Float64Array(plan.size);
  for (let c = 0; c < components.count; c++) {
    const from = start[c]!;
    const to = start[c + 1]!;
    for (let p = from; p < to; p++) {
      let s = demand[order[p]!]!;
      for (let k = pointers[p]!; k < pointers[p + 1]!; k++) s += values[k]! * v[indices[k]!]!;
      v[p] = s;
    }
    const b = blockOf[c]!;
    if (b < 0) v[from]! *= inverseDiagonal[from]!;
    else solveBlock(plan, blocks[b]!, v, false);
  }
  return scatter(plan, v);
}

/**
 * Solves h = (I - A)^-T b, i.e. h^T = b^T (I - A)^-1: with b the direct emissions per unit output
 * of each process, h is the cradle-to-gate footprint per unit of each product. h_j = b_j +
 * sum_i A[i][j] h_i runs over the same plan in reverse component order.
 */
export function solveTransposed(plan: SolvePlan, direct: ArrayLike<number>): Float64Array {
  checkVector(plan, direct, 'emissions');
  const { components, externalTransposed, inverseDiagonal, blockOf, blocks } = plan;
  const { order, start } = components;
  const { pointers, indices, values } = externalTransposed;
  const v = new Float64Array(plan.size);
  for (let c = components.count - 1; c >= 0; c--) {
    const from = start[c]!;
    const to = start[c + 1]!;
    for (let p = from; p < to; p++) {
      let s = direct[order[p]!]!;
      for (let k = pointers[p]!; k < pointers[p + 1]!; k++) s += values[k]! * v[indices[k]!]!;
      v[p] = s;
    }
    const b = blockOf[c]!;
    if (b < 0) v[from]! *= inverseDiagonal[from]!;
    else solveBlock(plan, blocks[b]!, v, true);
  }
  return scatter(plan, v);
}

function scatter(plan: SolvePlan, v: Float64Array): Float64Array {
  const out = new Float64Array(plan.size);
  const { order } = plan.components;
  for (let p = 0; p < plan.size; p++) out[order[p]!] = v[p]!;
  return out;
}

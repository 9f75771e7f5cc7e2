import { GmError, validationError } from '../errors.ts';
import { factorDenseLu } from './dense-lu.ts';
import type { DenseLu } from './dense-lu.ts';
import { solveGmres } from './gmres.ts';
import type { IterationLimits } from './gmres.ts';
import { transposeCompressed } from './sparse-matrix.ts';
import type { CompressedMatrix, SparseMatrix } from './sparse-matrix.ts';
import { findStronglyConnectedComponents } from './strongly-connected-components.ts';
import type { Components } from './strongly-connected-components.ts';

/** Tuning of the solve plan; the defaults suit supply networks of up to a few hundred thousand processes. */
export interface SolvePlanOptions {
  /** Components up to this many processes are factorised densely (O(k^3) once, O(k^2) per solve). */
  readonly denseLimit?: number;
  /** Relative residual at which the iterative solve of a large component stops. */
  readonly tolerance?: number;
  /** Iteration cap per large component and right-hand side; exceeding it raises GM_SINGULAR. */
  readonly maxIterations?: number;
  /** GMRES restart length (Krylov basis size; memory is (restart + 1) * component size doubles). */
  readonly restart?: number;
}

/** A strongly connected component of more than one process, with what its solve needs. */
export type ComponentBlock =
  | {
      readonly kind: 'dense';
      readonly component: number;
      /** The component's processes are `components.order[start .. start + size)`, local index r = position - start. */
      readonly start: number;
      readonly size: number;
      readonly factors: DenseLu;
    }
  | {
      readonly kind: 'iterative';
      readonly component: number;
      readonly start: number;
      readonly size: number;
      /** A restricted to the component, rows and columns as local positions. */
      readonly local: CompressedMatrix;
      /** The same block transposed, for the footprint (transposed) system. */
      readonly localTransposed: CompressedMatrix;
      readonly inverseDiagonal: Float64Array;
    };

/** Counts that describe a plan, for logs and benchmarks. */
export interface SolvePlanStats {
  readonly components: number;
  readonly singletons: number;
  readonly selfLoops: number;
  readonly denseBlocks: number;
  readonly iterativeBlocks: number;
  readonly largestComponent: number;
}

/**
 * Everything about I - A that does not depend on the right-hand side: the component order,
 * 1 / (1 - A[i][i]) for acyclic processes, LU factors of small components and the local matrices
 * of large ones. The entries between components are not copied: a solve walks the technosphere's
 * own rows (or columns) in component order, which costs one pass and makes planning O(n + nnz)
 * with small constants (see solve.ts for why no entry needs to be filtered).
 */
export interface SolvePlan {
  readonly size: number;
  /** The technosphere the plan was made for; a solve reads its rows (x) or columns (h). */
  readonly matrix: SparseMatrix;
  readonly components: Components;
  /** 1 / (1 - A[i][i]) for each process i alone in its component; 0 for processes inside a block. */
  readonly inverseDiagonal: Float64Array;
  readonly blocks: readonly ComponentBlock[];
  /** Index into `blocks` for each component, or -1 for a singleton. */
  readonly blockOf: Int32Array;
  readonly limits: IterationLimits;
  readonly stats: SolvePlanStats;
}

/** Builds the GM_SINGULAR error for one component, naming its first processes (0-based). */
export function singularError(
  components: Components,
  component: number,
  reason: string,
  extra: Record<string, unknown> = {},
): GmError {
  const from = components.start[component]!;
  const to = components.start[component + 1]!;
  const nodes = Array.from(components.order.subarray(from, Math.min(to, from + 10))).sort((a, b) => a - b);
  const list = nodes.join(', ') + (to - from > nodes.length ? ', ...' : '');
  return new GmError(
    'GM_SINGULAR',
    `I - A is singular: ${reason} (component of ${to - from} processes, 0-based ${list})`,
    {
      component,
      size: to - from,
      processes: nodes,
      ...extra,
    },
  );
}

/** A deterministic, well-spread right-hand side: almost surely not in the range of a singular M. */
function probeVector(size: number): Float64Array {
  const v = new Float64Array(size);
  let s = 0x9e3779b9;
  for (let k = 0; k < size; k++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    v[k] = 0.5 + s / 0x100000000;
  }
  return v;
}

/**
 * Plans the solve of (I - A) x = f for a square technosphere A: strongly connected components,
 * dependency-first order, and per component the cheapest exact-enough method. Raises GM_SINGULAR
 * when a component is singular (a zero pivot, 1 - A[i][i] = 0, or an iterative probe that does
 * not converge), so a plan that exists can be trusted for any right-hand side.
 */
export function planSolve(matrix: SparseMatrix, options: SolvePlanOptions = {}): SolvePlan {
  if (matrix.rows !== matrix.cols) {
    throw validationError(
      [{ field: 'technosphere', message: `must be square, got ${matrix.rows} x ${matrix.cols}` }],
      'technosphere',
    );
  }
  const n = matrix.rows;
  const denseLimit = options.denseLimit ?? 64;
  const limits: IterationLimits = {
    tolerance: options.tolerance ?? 1e-12,
    maxIterations: options.maxIterations ?? 2000,
    restart: options.restart ?? 40,
  };
  const { byRow } = matrix;
  const components = findStronglyConnectedComponents(n, byRow.pointers, byRow.indices);
  const { order, start } = components;
  const count = components.count;

  // Diagonal of A in one sequential pass over the rows (a self-loop: a process using its own output).
  const inverseDiagonal = new Float64Array(n);
  const { pointers, indices, values } = byRow;
  for (let i = 0; i < n; i++) {
    let aii = 0;
    const end = pointers[i + 1]!;
    for (let k = pointers[i]!; k < end; k++) {
      if (indices[k] === i) {
        aii = values[k]!;
        break;
      }
    }
    inverseDiagonal[i] = aii;
  }

  const blockOf = new Int32Array(count).fill(-1);
  const blocks: ComponentBlock[] = [];
  let selfLoops = 0;
  let largestComponent = 0;
  let denseBlocks = 0;
  // Local index of each process of the block being built; only block members are ever written.
  const local = new Int32Array(n);
  for (let c = 0; c < count; c++) {
    const from = start[c]!;
    const size = start[c + 1]! - from;
    if (size === 1) {
      const i = order[from]!;
      const aii = inverseDiagonal[i]!;
      if (aii !== 0) selfLoops++;
      const pivot = 1 - aii;
      // 1 - a_ii cancels catastrophically as a_ii -> 1; below a few ulps the unit is consumed by itself.
      if (Math.abs(pivot) <= 4 * Number.EPSILON * Math.max(1, Math.abs(aii))) {
        throw singularError(components, c, `process ${i} consumes ${aii} of its own output per unit`);
      }
      inverseDiagonal[i] = 1 / pivot;
      continue;
    }
    if (size > largestComponent) largestComponent = size;
    for (let r = 0; r < size; r++) {
      const i = order[from + r]!;
      local[i] = r;
      inverseDiagonal[i] = 0;
    }
    const block = localBlock(byRow, components, c, local);
    blockOf[c] = blocks.length;
    if (size <= denseLimit) {
      denseBlocks++;
      blocks.push(planDense(block, components, c));
    } else blocks.push(planIterative(block, components, c, limits));
  }
  if (largestComponent === 0 && n > 0) largestComponent = 1;
  const stats: SolvePlanStats = {
    components: count,
    singletons: count - blocks.length - selfLoops,
    selfLoops,
    denseBlocks,
    iterativeBlocks: blocks.length - denseBlocks,
    largestComponent,
  };
  return { size: n, matrix, components, inverseDiagonal, blocks, blockOf, limits, stats };
}

/** A restricted to component c, rows and columns as local indices (`local` holds them for the members). */
function localBlock(
  byRow: CompressedMatrix,
  components: Components,
  c: number,
  local: Int32Array,
): CompressedMatrix {
  const { order, start, componentOf } = components;
  const from = start[c]!;
  const size = start[c + 1]! - from;
  let nnz = 0;
  for (let r = 0; r < size; r++) {
    const i = order[from + r]!;
    nnz += byRow.pointers[i + 1]! - byRow.pointers[i]!;
  }
  const pointers = new Int32Array(size + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let out = 0;
  for (let r = 0; r < size; r++) {
    const i = order[from + r]!;
    for (let k = byRow.pointers[i]!; k < byRow.pointers[i + 1]!; k++) {
      const j = byRow.indices[k]!;
      if (componentOf[j] !== c) continue;
      indices[out] = local[j]!;
      values[out++] = byRow.values[k]!;
    }
    pointers[r + 1] = out;
  }
  return { pointers, indices: indices.subarray(0, out), values: values.subarray(0, out) };
}

function planDense(local: CompressedMatrix, components: Components, c: number): ComponentBlock {
  const from = components.start[c]!;
  const size = local.pointers.length - 1;
  const m = new Float64Array(size * size);
  for (let r = 0; r < size; r++) {
    m[r * size + r] = 1;
    for (let k = local.pointers[r]!; k < local.pointers[r + 1]!; k++)
      m[r * size + local.indices[k]!]! -= local.values[k]!;
  }
  const factors = factorDenseLu(m, size);
  if (factors === undefined) throw singularError(components, c, 'zero pivot in the dense LU of a cycle');
  return { kind: 'dense', component: c, start: from, size, factors };
}

function planIterative(
  local: CompressedMatrix,
  components: Components,
  c: number,
  limits: IterationLimits,
): ComponentBlock {
  const from = components.start[c]!;
  const size = local.pointers.length - 1;
  const inverseDiagonal = new Float64Array(size);
  for (let r = 0; r < size; r++) {
    let d = 1;
    for (let k = local.pointers[r]!; k < local.pointers[r + 1]!; k++)
      if (local.indices[k] === r) d -= local.values[k]!;
    // A zero diagonal of I - A is legal in a non-singular block; Jacobi scaling just skips that row.
    inverseDiagonal[r] = d === 0 ? 1 : 1 / d;
  }
  // Iterative methods cannot see singularity directly; a probe with a generic right-hand side
  // converges if and only if M is (numerically) non-singular, so a bad network fails at plan time.
  const probe = probeVector(size);
  const x = new Float64Array(size);
  const outcome = solveGmres(local, probe, x, inverseDiagonal, limits);
  if (!outcome.converged) {
    throw singularError(
      components,
      c,
      `GMRES did not converge in ${outcome.iterations} iterations (relative residual ${outcome.residual.toExponential(2)})`,
      {
        iterations: outcome.iterations,
        residual: outcome.residual,
      },
    );
  }
  const localTransposed = transposeCompressed(local, size);
  return { kind: 'iterative', component: c, start: from, size, local, localTransposed, inverseDiagonal };
}

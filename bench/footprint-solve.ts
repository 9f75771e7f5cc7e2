// Benchmark of the footprint solver on a generated supply network (issue 5, items 2 and 7).
// Run: npx tsx bench/footprint-solve.ts [--n 200000] [--seed 7] [--repeats 10]
// Prints plan time, solve time, the same solve by a named baseline (Jacobi / power-series
// iteration x_{k+1} = f + A x_k to the same tolerance) and the ratio, for two networks: small
// cycles only, and small cycles plus one 20,000-process cycle (the GMRES path).
import { generateNetwork } from './supply-network.ts';
import { planSolve } from '../src/core/footprint/solve-plan.ts';
import { solveDemand, solveTransposed } from '../src/core/footprint/solve.ts';
import { multiplySparse, nonZeroCount } from '../src/core/footprint/sparse-matrix.ts';
import type { SparseMatrix } from '../src/core/footprint/sparse-matrix.ts';

function flag(name: string, fallback: number): number {
  const k = process.argv.indexOf(`--${name}`);
  const value = k >= 0 ? Number(process.argv[k + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

/** The named baseline: Jacobi / power-series iteration x_{k+1} = f + A x_k (Leontief's series). */
function solveJacobi(
  matrix: SparseMatrix,
  f: Float64Array,
  tolerance: number,
): { x: Float64Array; iterations: number } {
  let x: Float64Array = Float64Array.from(f);
  for (let iterations = 1; iterations <= 100_000; iterations++) {
    const next = multiplySparse(matrix, x, f);
    let change = 0;
    let size = 0;
    for (let k = 0; k < next.length; k++) {
      change = Math.max(change, Math.abs(next[k]! - x[k]!));
      size = Math.max(size, Math.abs(next[k]!));
    }
    x = next;
    if (change <= tolerance * size) return { x, iterations };
  }
  throw new Error('Jacobi did not converge');
}

function time<T>(run: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = run();
  return { value, ms: performance.now() - t0 };
}

function maxRelativeDifference(a: Float64Array, b: Float64Array): number {
  let scale = 0;
  let diff = 0;
  for (let k = 0; k < a.length; k++) {
    scale = Math.max(scale, Math.abs(b[k]!));
    diff = Math.max(diff, Math.abs(a[k]! - b[k]!));
  }
  return diff / scale;
}

const n = flag('n', 200_000);
const seed = flag('seed', 7);
const repeats = flag('repeats', 10);
const tolerance = 1e-12;
console.log(`footprint-solve: n = ${n}, seed ${seed}, tolerance ${tolerance}, node ${process.version}`);
for (const bigCycle of [0, 20_000]) {
  const built = time(() => generateNetwork(n, bigCycle, seed));
  const { matrix, demand, emissions } = built.value;
  const plan = time(() => planSolve(matrix, { tolerance }));
  const first = time(() => solveDemand(plan.value, demand));
  // Median of repeated solves with the same plan: the many-right-hand-sides case, and robust to a
  // shared machine's noise.
  const runs = Array.from({ length: repeats }, () => time(() => solveDemand(plan.value, demand)).ms).sort(
    (a, b) => a - b,
  );
  const meanSolve = runs[Math.floor(repeats / 2)]!;
  const footprint = time(() => solveTransposed(plan.value, emissions));
  const jacobi = time(() => solveJacobi(matrix, demand, tolerance));
  const s = plan.value.stats;
  console.log(`\n${bigCycle === 0 ? 'small cycles only' : `small cycles + one ${bigCycle}-process cycle`}`);
  console.log(`  network     ${nonZeroCount(matrix)} non-zeros, generated in ${built.ms.toFixed(0)} ms`);
  console.log(
    `  plan        ${plan.ms.toFixed(1)} ms: ${s.components} components, ${s.singletons} acyclic, ${s.selfLoops} self-loops, ` +
      `${s.denseBlocks} dense LU, ${s.iterativeBlocks} GMRES, largest ${s.largestComponent}`,
  );
  console.log(
    `  solve       first ${first.ms.toFixed(1)} ms, median of ${repeats} more ${meanSolve.toFixed(1)} ms`,
  );
  console.log(`  footprint   transposed solve ${footprint.ms.toFixed(1)} ms`);
  console.log(
    `  baseline    Jacobi x = f + A x: ${jacobi.ms.toFixed(1)} ms, ${jacobi.value.iterations} iterations`,
  );
  console.log(
    `  ratio       baseline / solve ${(jacobi.ms / meanSolve).toFixed(1)}x (first solve ${(jacobi.ms / first.ms).toFixed(1)}x, ` +
      `plan + first solve ${(jacobi.ms / (plan.ms + first.ms)).toFixed(2)}x)`,
  );
  console.log(
    `  agreement   max |x - x_jacobi| / max |x| = ${maxRelativeDifference(first.value, jacobi.value.x).toExponential(2)}`,
  );
}

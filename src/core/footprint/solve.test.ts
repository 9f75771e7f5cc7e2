import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GmError } from '../errors.ts';
import { planSolve } from './solve-plan.ts';
import { solveDemand, solveTransposed } from './solve.ts';
import { sparseMatrixFromTriplets } from './sparse-matrix.ts';
import { solveDenseReference, toDense } from './testing/dense-reference.ts';
import { arbitraryNetwork } from './testing/random-network.ts';

function matrix(n: number, entries: readonly (readonly [number, number, number])[]) {
  return sparseMatrixFromTriplets({
    rows: n,
    cols: n,
    rowIndex: entries.map((e) => e[0]),
    colIndex: entries.map((e) => e[1]),
    values: entries.map((e) => e[2]),
  });
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, relative = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  let scale = 0;
  for (let k = 0; k < expected.length; k++) scale = Math.max(scale, Math.abs(expected[k]!));
  for (let k = 0; k < expected.length; k++) {
    expect(Math.abs(actual[k]! - expected[k]!)).toBeLessThanOrEqual(relative * scale + 1e-280); // the floor ignores values near underflow
  }
}

function catchError(run: () => unknown): GmError {
  try {
    run();
  } catch (error) {
    if (error instanceof GmError) return error;
    throw error;
  }
  throw new Error('expected a GmError');
}

describe('solveDemand and solveTransposed, worked by hand', () => {
  it('solves a 2x2 cycle: steel (0) needs 0.5 kWh, electricity (1) needs 0.1 steel', () => {
    // A = [[0, 0.1], [0.5, 0]], f = [1, 0]. x0 = 1 + 0.1 x1 and x1 = 0.5 x0, so x0 = 1 + 0.05 x0:
    // x0 = 1 / 0.95 = 1.0526315789..., x1 = 0.5 / 0.95 = 0.5263157894...
    const plan = planSolve(
      matrix(2, [
        [0, 1, 0.1],
        [1, 0, 0.5],
      ]),
    );
    expect(plan.stats).toMatchObject({ components: 1, denseBlocks: 1 });
    const x = solveDemand(plan, [1, 0]);
    expect(x[0]).toBeCloseTo(1 / 0.95, 15);
    expect(x[1]).toBeCloseTo(0.5 / 0.95, 15);
    // Footprints with b = [2, 0.8]: h0 = 2 + 0.5 h1, h1 = 0.8 + 0.1 h0, so h0 = 2.4 + 0.05 h0:
    // h0 = 2.4 / 0.95 = 2.5263157894..., h1 = 0.8 + 0.24 / 0.95 = 1.0526315789...
    const h = solveTransposed(plan, [2, 0.8]);
    expect(h[0]).toBeCloseTo(2.4 / 0.95, 15);
    expect(h[1]).toBeCloseTo(0.8 + 0.24 / 0.95, 15);
  });

  it('solves a 3x3 network with an acyclic ore input, a steel-electricity cycle and a self-loop', () => {
    // Ore (0) has no inputs. Steel (1) needs 1.5 ore and 0.4 kWh; electricity (2) needs 0.01 steel
    // and 0.05 kWh of its own output (grid losses): A[0][1] = 1.5, A[2][1] = 0.4, A[1][2] = 0.01,
    // A[2][2] = 0.05. Demand one unit of steel:
    //   x2 = 0.4 x1 + 0.05 x2            => x2 = 0.4 x1 / 0.95
    //   x1 = 1 + 0.01 x2 = 1 + 0.004 x1 / 0.95  => x1 = 0.95 / 0.946 = 1.00422832980...
    //   x2 = 0.4 / 0.946 = 0.42283298097...,  x0 = 1.5 x1 = 1.425 / 0.946 = 1.50634249471...
    const a = matrix(3, [
      [0, 1, 1.5],
      [2, 1, 0.4],
      [1, 2, 0.01],
      [2, 2, 0.05],
    ]);
    const plan = planSolve(a);
    expect(plan.stats).toMatchObject({ components: 2, singletons: 1, denseBlocks: 1 });
    const x = solveDemand(plan, [0, 1, 0]);
    expect(x[0]).toBeCloseTo(1.425 / 0.946, 14);
    expect(x[1]).toBeCloseTo(0.95 / 0.946, 14);
    expect(x[2]).toBeCloseTo(0.4 / 0.946, 14);
    // b = [0.05, 1.8, 0.6]: h0 = 0.05; h1 = 1.8 + 1.5 h0 + 0.4 h2; h2 = (0.6 + 0.01 h1) / 0.95.
    // h1 = 1.875 + (0.24 + 0.004 h1) / 0.95  =>  h1 = (1.875 * 0.95 + 0.24) / 0.946 = 2.02125 / 0.946
    // = 2.13662790697...;  h2 = (0.6 + 0.01 h1) / 0.95 = 0.5878125 / 0.8987 = 0.65406976744...
    const h = solveTransposed(plan, [0.05, 1.8, 0.6]);
    expect(h[0]).toBeCloseTo(0.05, 15);
    expect(h[1]).toBeCloseTo(2.02125 / 0.946, 14);
    expect(h[2]).toBeCloseTo(0.5878125 / 0.8987, 14);
  });

  it('divides by 1 - A_ii for a self-loop singleton', () => {
    // x0 = 2 + 0.2 x0 => x0 = 2 / 0.8 = 2.5
    const plan = planSolve(matrix(1, [[0, 0, 0.2]]));
    expect(plan.stats.selfLoops).toBe(1);
    expect(solveDemand(plan, [2])[0]).toBeCloseTo(2.5, 15);
  });

  it('gets the order right on an acyclic chain in both directions', () => {
    // Process j consumes 2 units of product j - 1: x = [4, 2, 1] for one unit of product 2.
    const up = planSolve(
      matrix(3, [
        [0, 1, 2],
        [1, 2, 2],
      ]),
    );
    expect(Array.from(solveDemand(up, [0, 0, 1]))).toEqual([4, 2, 1]);
    expect(Array.from(solveTransposed(up, [1, 1, 1]))).toEqual([1, 3, 7]);
  });
});

describe('solver against a dense Gaussian elimination reference', () => {
  for (const denseLimit of [64, 1]) {
    it(`agrees on random sparse networks with cycles (denseLimit ${denseLimit})`, () => {
      fc.assert(
        fc.property(arbitraryNetwork(24, true), ({ matrix: a, demand, emissions }) => {
          const plan = planSolve(a, { denseLimit });
          const dense = toDense(a);
          expectClose(solveDemand(plan, demand), solveDenseReference(dense, demand));
          expectClose(solveTransposed(plan, emissions), solveDenseReference(dense, emissions, true));
        }),
        { numRuns: 200 },
      );
    });
  }

  it('reuses one plan for many right-hand sides without changing it', () => {
    fc.assert(
      fc.property(
        arbitraryNetwork(30),
        fc.array(fc.nat(1000), { minLength: 10, maxLength: 10 }),
        (net, seeds) => {
          const plan = planSolve(net.matrix, { denseLimit: 4 });
          const dense = toDense(net.matrix);
          const n = net.demand.length;
          for (const seed of seeds) {
            const f = Array.from({ length: n }, (_, k) => ((seed * 31 + k * 17) % 13) - 4);
            expectClose(solveDemand(plan, f), solveDenseReference(dense, f));
            expectClose(solveTransposed(plan, f), solveDenseReference(dense, f, true));
          }
          expect(Array.from(solveDemand(plan, net.demand))).toEqual(
            Array.from(solveDemand(plan, net.demand)),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('singular I - A', () => {
  it('rejects a process that consumes exactly its own output', () => {
    const error = catchError(() =>
      planSolve(
        matrix(2, [
          [0, 1, 0.3],
          [1, 1, 1],
        ]),
      ),
    );
    expect(error.code).toBe('GM_SINGULAR');
    expect(error.details['processes']).toEqual([1]);
  });

  it('rejects a two-process cycle whose loop gain is 1, densely and iteratively', () => {
    // det(I - A) = 1 - 2 * 0.5 = 0.
    const a = matrix(3, [
      [0, 1, 2],
      [1, 0, 0.5],
      [2, 0, 1],
    ]);
    expect(catchError(() => planSolve(a)).details).toMatchObject({ processes: [0, 1], size: 2 });
    expect(catchError(() => planSolve(a, { denseLimit: 1 })).code).toBe('GM_SINGULAR');
  });

  it('rejects a large ring with unit coefficients (I - P is singular) through the iterative probe', () => {
    const n = 300;
    const a = matrix(
      n,
      Array.from({ length: n }, (_, k) => [k, (k + 1) % n, 1] as const),
    );
    const error = catchError(() => planSolve(a, { maxIterations: 400 }));
    expect(error.code).toBe('GM_SINGULAR');
    expect(error.message).toMatch(/did not converge/);
  });

  it('rejects malformed right-hand sides', () => {
    const plan = planSolve(matrix(2, [[0, 1, 0.5]]));
    expect(catchError(() => solveDemand(plan, [1])).code).toBe('GM_VALIDATION');
    expect(catchError(() => solveTransposed(plan, [1, Number.NaN])).code).toBe('GM_VALIDATION');
  });
});

describe('scale', () => {
  it('solves a 200,000-process chain exactly, without stack overflow', () => {
    // Process j + 1 consumes one unit of product j: for one unit of the last product every process
    // runs once (x = 1), and the footprint with b = 1 accumulates along the chain (h_j = j + 1).
    const n = 200_000;
    const a = sparseMatrixFromTriplets({
      rows: n,
      cols: n,
      rowIndex: Int32Array.from({ length: n - 1 }, (_, k) => k),
      colIndex: Int32Array.from({ length: n - 1 }, (_, k) => k + 1),
      values: new Float64Array(n - 1).fill(1),
    });
    const plan = planSolve(a);
    expect(plan.stats.components).toBe(n);
    const f = new Float64Array(n);
    f[n - 1] = 1;
    expect(solveDemand(plan, f).every((v) => v === 1)).toBe(true);
    const h = solveTransposed(plan, new Float64Array(n).fill(1));
    expect(h.every((v, j) => v === j + 1)).toBe(true);
  });

  it('solves a 5,000-process ring with GMRES to the tolerance', () => {
    // x_k = 1 + 0.5 x_{k+1} around the ring: the fixed point is x = 2 everywhere.
    const n = 5_000;
    const a = matrix(
      n,
      Array.from({ length: n }, (_, k) => [k, (k + 1) % n, 0.5] as const),
    );
    const plan = planSolve(a);
    expect(plan.stats).toMatchObject({ iterativeBlocks: 1, largestComponent: n });
    expectClose(solveDemand(plan, new Float64Array(n).fill(1)), new Float64Array(n).fill(2), 1e-11);
    expectClose(solveTransposed(plan, new Float64Array(n).fill(1)), new Float64Array(n).fill(2), 1e-11);
  });
});

import fc from 'fast-check';
import { sparseMatrixFromTriplets } from '../sparse-matrix.ts';
import type { SparseMatrix } from '../sparse-matrix.ts';

/** A random square technosphere with column sums of |A| at most `maxColumnSum`, so rho(A) < 1. */
export interface RandomNetwork {
  readonly matrix: SparseMatrix;
  readonly demand: number[];
  readonly emissions: number[];
}

/**
 * Arbitrary small sparse networks with cycles and self-loops, scaled so that every column's
 * absolute sum is at most 0.9: then ||A||_1 < 1 bounds the spectral radius and I - A is
 * non-singular, the regime of a productive (Hawkins-Simon) supply network.
 */
export function arbitraryNetwork(maxSize = 24, allowNegative = false): fc.Arbitrary<RandomNetwork> {
  return fc.integer({ min: 1, max: maxSize }).chain((n) =>
    fc
      .record({
        entries: fc.array(
          fc.record({
            i: fc.nat(n - 1),
            j: fc.nat(n - 1),
            v: fc.double({ min: allowNegative ? -0.5 : 0.01, max: 1, noNaN: true }),
          }),
          { maxLength: 5 * n },
        ),
        columnSum: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        demand: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
        emissions: fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
      })
      .map(({ entries, columnSum, demand, emissions }) => {
        const sums = new Array<number>(n).fill(0);
        for (const e of entries) sums[e.j]! += Math.abs(e.v);
        const values = entries.map((e) => (e.v * columnSum) / Math.max(sums[e.j]!, 1e-300));
        const matrix = sparseMatrixFromTriplets({
          rows: n,
          cols: n,
          rowIndex: entries.map((e) => e.i),
          colIndex: entries.map((e) => e.j),
          values,
        });
        return { matrix, demand, emissions };
      }),
  );
}

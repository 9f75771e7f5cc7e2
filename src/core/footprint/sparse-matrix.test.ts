import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GmError } from '../errors.ts';
import { multiplySparse, nonZeroCount, sparseMatrixFromTriplets } from './sparse-matrix.ts';
import { toDense } from './testing/dense-reference.ts';

describe('sparseMatrixFromTriplets', () => {
  it('sums duplicates, drops entries that sum to zero, and sorts both orientations', () => {
    const m = sparseMatrixFromTriplets({
      rows: 3,
      cols: 3,
      rowIndex: [2, 0, 0, 1, 1, 2],
      colIndex: [0, 2, 2, 1, 1, 1],
      values: [4, 0.25, 0.5, 1, -1, 3],
    });
    expect(toDense(m)).toEqual([
      [0, 0, 0.75],
      [0, 0, 0],
      [4, 3, 0],
    ]);
    expect(nonZeroCount(m)).toBe(3);
    expect(Array.from(m.byRow.indices.subarray(m.byRow.pointers[2], m.byRow.pointers[3]))).toEqual([0, 1]);
    expect(Array.from(m.byColumn.pointers)).toEqual([0, 1, 2, 3]);
    expect(Array.from(m.byColumn.indices)).toEqual([2, 2, 0]);
  });

  it('rejects out-of-range indices and non-finite values', () => {
    const bad = { rows: 2, cols: 2, rowIndex: [0], colIndex: [2], values: [1] };
    expect(() => sparseMatrixFromTriplets(bad)).toThrow(GmError);
    expect(() => sparseMatrixFromTriplets({ ...bad, colIndex: [1], values: [Number.NaN] })).toThrow(/finite/);
  });

  it('holds the same entries by row and by column, and multiplies like the dense matrix', () => {
    const entry = fc.record({ i: fc.nat(7), j: fc.nat(5), v: fc.double({ min: -10, max: 10, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const m = sparseMatrixFromTriplets({
          rows: 8,
          cols: 6,
          rowIndex: entries.map((e) => e.i),
          colIndex: entries.map((e) => e.j),
          values: entries.map((e) => e.v),
        });
        const dense = toDense(m);
        for (let j = 0; j < 6; j++) {
          for (let k = m.byColumn.pointers[j]!; k < m.byColumn.pointers[j + 1]!; k++) {
            expect(dense[m.byColumn.indices[k]!]![j]).toBe(m.byColumn.values[k]);
          }
        }
        const x = [1, -2, 3, 0.5, 4, -1];
        const y = multiplySparse(m, x);
        dense.forEach((row, i) =>
          expect(y[i]).toBeCloseTo(
            row.reduce((s, a, j) => s + a * x[j]!, 0),
            10,
          ),
        );
      }),
    );
  });
});

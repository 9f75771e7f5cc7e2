import type { SparseMatrix } from '../sparse-matrix.ts';

/** Expands a sparse matrix into row-major arrays, for reference computations in tests. */
export function toDense(m: SparseMatrix): number[][] {
  const dense = Array.from({ length: m.rows }, () => new Array<number>(m.cols).fill(0));
  const { pointers, indices, values } = m.byRow;
  for (let i = 0; i < m.rows; i++) {
    for (let k = pointers[i]!; k < pointers[i + 1]!; k++) dense[i]![indices[k]!] = values[k]!;
  }
  return dense;
}

/**
 * Solves (I - A) x = f (or its transpose) by textbook Gaussian elimination with partial pivoting
 * on the dense matrix: deliberately independent of the planned solver, to serve as its reference.
 */
export function solveDenseReference(
  a: readonly (readonly number[])[],
  f: readonly number[],
  transposed = false,
): number[] {
  const n = f.length;
  const m = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => {
      if (j === n) return f[i]!;
      const aij = transposed ? a[j]![i]! : a[i]![j]!;
      return (i === j ? 1 : 0) - aij;
    }),
  );
  for (let k = 0; k < n; k++) {
    let best = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i]![k]!) > Math.abs(m[best]![k]!)) best = i;
    [m[k], m[best]] = [m[best]!, m[k]!];
    const pivotRow = m[k]!;
    if (pivotRow[k] === 0) throw new Error('singular reference system');
    for (let i = k + 1; i < n; i++) {
      const row = m[i]!;
      const factor = row[k]! / pivotRow[k]!;
      for (let j = k; j <= n; j++) row[j]! -= factor * pivotRow[j]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const row = m[i]!;
    let s = row[n]!;
    for (let j = i + 1; j < n; j++) s -= row[j]! * x[j]!;
    x[i] = s / row[i]!;
  }
  return x;
}

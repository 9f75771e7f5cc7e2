/**
 * A dense LU factorisation with partial pivoting, P M = L U, stored row-major in one array
 * (L strictly below the diagonal with an implicit unit diagonal, U on and above it).
 */
export interface DenseLu {
  readonly size: number;
  readonly lu: Float64Array;
  /** Row k of P M is row `pivot[k]` of M. */
  readonly pivot: Int32Array;
}

/**
 * Factorises the row-major size x size matrix `m` (copied, not modified); returns undefined when
 * a pivot falls below size * eps * max|m|, i.e. the matrix is singular to working precision.
 * Partial pivoting keeps the growth factor bounded; without it a tiny leading entry of I - A
 * (a process that consumes almost all of its own output) would amplify rounding errors.
 */
export function factorDenseLu(m: Float64Array, size: number): DenseLu | undefined {
  const lu = m.slice();
  const pivot = new Int32Array(size);
  for (let k = 0; k < size; k++) pivot[k] = k;
  let scale = 0;
  for (let k = 0; k < lu.length; k++) scale = Math.max(scale, Math.abs(lu[k]!));
  const threshold = size * Number.EPSILON * scale;
  if (scale === 0) return undefined;
  for (let k = 0; k < size; k++) {
    let best = k;
    let bestAbs = Math.abs(lu[k * size + k]!);
    for (let i = k + 1; i < size; i++) {
      const a = Math.abs(lu[i * size + k]!);
      if (a > bestAbs) {
        best = i;
        bestAbs = a;
      }
    }
    if (bestAbs <= threshold) return undefined;
    if (best !== k) {
      for (let j = 0; j < size; j++) {
        const t = lu[k * size + j]!;
        lu[k * size + j] = lu[best * size + j]!;
        lu[best * size + j] = t;
      }
      const t = pivot[k]!;
      pivot[k] = pivot[best]!;
      pivot[best] = t;
    }
    const diag = lu[k * size + k]!;
    for (let i = k + 1; i < size; i++) {
      const factor = lu[i * size + k]! / diag;
      lu[i * size + k] = factor;
      if (factor === 0) continue;
      for (let j = k + 1; j < size; j++) lu[i * size + j]! -= factor * lu[k * size + j]!;
    }
  }
  return { size, lu, pivot };
}

/** Solves M y = r in place on `v[offset .. offset + size)`, using `work` (length >= size). */
export function solveDenseLu(f: DenseLu, v: Float64Array, offset: number, work: Float64Array): void {
  const { size, lu, pivot } = f;
  for (let k = 0; k < size; k++) work[k] = v[offset + pivot[k]!]!;
  for (let i = 1; i < size; i++) {
    let s = work[i]!;
    for (let j = 0; j < i; j++) s -= lu[i * size + j]! * work[j]!;
    work[i] = s;
  }
  for (let i = size - 1; i >= 0; i--) {
    let s = work[i]!;
    for (let j = i + 1; j < size; j++) s -= lu[i * size + j]! * work[j]!;
    work[i] = s / lu[i * size + i]!;
  }
  for (let k = 0; k < size; k++) v[offset + k] = work[k]!;
}

/**
 * Solves M^T y = r in place, reusing the factors of M: M^T = U^T L^T P, so solve U^T z = r
 * forwards, L^T w = z backwards, then undo the row permutation (y[pivot[k]] = w[k]).
 */
export function solveDenseLuTransposed(
  f: DenseLu,
  v: Float64Array,
  offset: number,
  work: Float64Array,
): void {
  const { size, lu, pivot } = f;
  for (let k = 0; k < size; k++) work[k] = v[offset + k]!;
  for (let i = 0; i < size; i++) {
    let s = work[i]!;
    for (let j = 0; j < i; j++) s -= lu[j * size + i]! * work[j]!;
    work[i] = s / lu[i * size + i]!;
  }
  for (let i = size - 1; i >= 0; i--) {
    let s = work[i]!;
    for (let j = i + 1; j < size; j++) s -= lu[j * size + i]! * work[j]!;
    work[i] = s;
  }
  for (let k = 0; k < size; k++) v[offset + pivot[k]!] = work[k]!;
}

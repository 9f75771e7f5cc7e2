import type { CompressedMatrix } from './sparse-matrix.ts';

/** Stopping rule for an iterative solve: relative residual ||b - M x|| / ||b|| and an iteration cap. */
export interface IterationLimits {
  readonly tolerance: number;
  readonly maxIterations: number;
  readonly restart: number;
}

/** How an iterative solve ended; `residual` is the true relative residual, not the recurrence estimate. */
export interface IterationOutcome {
  readonly converged: boolean;
  readonly iterations: number;
  readonly residual: number;
}

function norm(v: Float64Array): number {
  return Math.sqrt(dot(v, v));
}

// Small monomorphic kernels instead of one long function: V8 optimises them after a few calls,
// whereas a single long-running loop nest waits for on-stack replacement on every first solve.
function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let k = 0; k < y.length; k++) y[k]! += alpha * x[k]!;
}

/** y = (I - A) v for A held by rows with local indices; v and y must not alias. */
export function applyIdentityMinus(local: CompressedMatrix, v: Float64Array, y: Float64Array): void {
  const { pointers, indices, values } = local;
  for (let r = 0; r < y.length; r++) {
    let s = v[r]!;
    for (let k = pointers[r]!; k < pointers[r + 1]!; k++) s -= values[k]! * v[indices[k]!]!;
    y[r] = s;
  }
}

/**
 * Solves (I - A) x = b for a local block A by restarted GMRES(m) with right Jacobi preconditioning (x = D^-1 u), improving
 * `x` in place from its initial value. GMRES was chosen over BiCGSTAB because its residual never
 * grows and it has no breakdown other than the "happy" one, which matters inside a component of
 * I - A whose eigenvalues may be complex. Modified Gram-Schmidt orthogonalisation and Givens
 * rotations; each restart recomputes the true residual, because the recurrence estimate drifts.
 */
export function solveGmres(
  local: CompressedMatrix,
  b: Float64Array,
  x: Float64Array,
  inverseDiagonal: Float64Array,
  limits: IterationLimits,
): IterationOutcome {
  const n = b.length;
  // Scale by max|b| first: the 2-norm squares its entries, so a right-hand side near 1e-160 would
  // underflow to a zero norm (and look solved by x = 0), and one near 1e160 would overflow.
  let scale = 0;
  for (let k = 0; k < n; k++) scale = Math.max(scale, Math.abs(b[k]!));
  if (scale === 0) {
    x.fill(0);
    return { converged: true, iterations: 0, residual: 0 };
  }
  const scaledB = Float64Array.from(b, (v) => v / scale);
  for (let k = 0; k < n; k++) x[k]! /= scale;
  const outcome = solveScaled(local, scaledB, x, inverseDiagonal, limits);
  for (let k = 0; k < n; k++) x[k]! *= scale;
  return outcome;
}

function solveScaled(
  local: CompressedMatrix,
  b: Float64Array,
  x: Float64Array,
  inverseDiagonal: Float64Array,
  limits: IterationLimits,
): IterationOutcome {
  const n = b.length;
  const bNorm = norm(b);
  const target = limits.tolerance * bNorm;
  const m = Math.max(1, Math.min(limits.restart, n));
  const basis = new Float64Array((m + 1) * n);
  const h = new Float64Array((m + 1) * m);
  const cs = new Float64Array(m);
  const sn = new Float64Array(m);
  const g = new Float64Array(m + 1);
  const y = new Float64Array(m);
  const z = new Float64Array(n);
  const w = new Float64Array(n);
  let iterations = 0;

  for (;;) {
    applyIdentityMinus(local, x, w);
    for (let k = 0; k < n; k++) w[k] = b[k]! - w[k]!;
    const beta = norm(w);
    if (beta <= target) return { converged: true, iterations, residual: beta / bNorm };
    if (iterations >= limits.maxIterations) return { converged: false, iterations, residual: beta / bNorm };
    for (let k = 0; k < n; k++) basis[k] = w[k]! / beta;
    g.fill(0);
    g[0] = beta;
    let used = 0;
    for (let j = 0; j < m; j++) {
      const vj = basis.subarray(j * n, (j + 1) * n);
      for (let k = 0; k < n; k++) z[k] = vj[k]! * inverseDiagonal[k]!;
      applyIdentityMinus(local, z, w);
      iterations++;
      for (let i = 0; i <= j; i++) {
        const vi = basis.subarray(i * n, (i + 1) * n);
        const hij = dot(w, vi);
        h[i * m + j] = hij;
        axpy(-hij, vi, w);
      }
      const next = norm(w);
      for (let i = 0; i < j; i++) {
        const a = h[i * m + j]!;
        const c = h[(i + 1) * m + j]!;
        h[i * m + j] = cs[i]! * a + sn[i]! * c;
        h[(i + 1) * m + j] = -sn[i]! * a + cs[i]! * c;
      }
      const a = h[j * m + j]!;
      const r = Math.hypot(a, next);
      cs[j] = r === 0 ? 1 : a / r;
      sn[j] = r === 0 ? 0 : next / r;
      h[j * m + j] = r;
      h[(j + 1) * m + j] = 0;
      g[j + 1] = -sn[j]! * g[j]!;
      g[j] = cs[j]! * g[j]!;
      used = j + 1;
      if (next !== 0) {
        const vNext = basis.subarray((j + 1) * n, (j + 2) * n);
        for (let k = 0; k < n; k++) vNext[k] = w[k]! / next;
      }
      if (Math.abs(g[j + 1]!) <= target || next === 0 || iterations >= limits.maxIterations) break;
    }
    // Back-substitute the small triangular system; a zero on its diagonal means the Krylov space
    // hit the null space of a singular M, so no further progress is possible.
    for (let i = used - 1; i >= 0; i--) {
      let s = g[i]!;
      for (let k = i + 1; k < used; k++) s -= h[i * m + k]! * y[k]!;
      const d = h[i * m + i]!;
      if (d === 0) return { converged: false, iterations, residual: beta / bNorm };
      y[i] = s / d;
    }
    for (let i = 0; i < used; i++) {
      const vi = basis.subarray(i * n, (i + 1) * n);
      const yi = y[i]!;
      for (let k = 0; k < n; k++) x[k]! += yi * vi[k]! * inverseDiagonal[k]!;
    }
  }
}

import { validationError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';

/**
 * One compressed orientation of a sparse matrix: for major index k (a row in CSR, a column in
 * CSC) the entries are `indices[pointers[k] .. pointers[k + 1])` with `values` alongside, minor
 * indices strictly increasing.
 */
export interface CompressedMatrix {
  readonly pointers: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/**
 * A sparse matrix held both by row (CSR) and by column (CSC). The footprint solver needs both:
 * x = f + A x walks rows, the transposed (footprint) system h = b + A^T h walks columns.
 */
export interface SparseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly byRow: CompressedMatrix;
  readonly byColumn: CompressedMatrix;
}

/** Coordinate (triplet) form, 0-based; duplicates are allowed and are summed. */
export interface Triplets {
  readonly rows: number;
  readonly cols: number;
  readonly rowIndex: ArrayLike<number>;
  readonly colIndex: ArrayLike<number>;
  readonly values: ArrayLike<number>;
}

/** Transposes one compressed orientation into the other by counting sort, in O(nnz + rows + cols). */
export function transposeCompressed(m: CompressedMatrix, minorCount: number): CompressedMatrix {
  const majorCount = m.pointers.length - 1;
  const nnz = m.indices.length;
  const pointers = new Int32Array(minorCount + 1);
  for (let k = 0; k < nnz; k++) pointers[m.indices[k]! + 1]!++;
  for (let k = 0; k < minorCount; k++) pointers[k + 1]! += pointers[k]!;
  const next = pointers.slice(0, minorCount);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  // Walking majors in increasing order writes each minor's list already sorted: no comparison sort.
  for (let major = 0; major < majorCount; major++) {
    for (let k = m.pointers[major]!; k < m.pointers[major + 1]!; k++) {
      const dest = next[m.indices[k]!]!++;
      indices[dest] = major;
      values[dest] = m.values[k]!;
    }
  }
  return { pointers, indices, values };
}

/**
 * Builds a sparse matrix from triplets, summing duplicates and dropping entries that sum to
 * exactly zero (an explicit zero would otherwise create a false dependency and merge components).
 */
export function sparseMatrixFromTriplets(t: Triplets): SparseMatrix {
  const { rows, cols } = t;
  const count = t.values.length;
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(rows) || rows < 0)
    issues.push({ field: 'rows', message: 'must be a non-negative integer', value: rows });
  if (!Number.isInteger(cols) || cols < 0)
    issues.push({ field: 'cols', message: 'must be a non-negative integer', value: cols });
  if (t.rowIndex.length !== count || t.colIndex.length !== count) {
    issues.push({ field: 'values', message: 'rowIndex, colIndex and values must have the same length' });
  }
  if (issues.length > 0) throw validationError(issues, 'sparse matrix');
  for (let k = 0; k < count; k++) {
    const i = t.rowIndex[k]!;
    const j = t.colIndex[k]!;
    const v = t.values[k]!;
    if (!Number.isInteger(i) || i < 0 || i >= rows)
      issues.push({ field: 'rowIndex', message: `out of range 0..${rows - 1}`, row: k, value: i });
    else if (!Number.isInteger(j) || j < 0 || j >= cols)
      issues.push({ field: 'colIndex', message: `out of range 0..${cols - 1}`, row: k, value: j });
    else if (!Number.isFinite(v))
      issues.push({ field: 'values', message: 'must be a finite number', row: k, value: v });
    if (issues.length > 0) throw validationError(issues, 'sparse matrix');
  }
  // Bucket by column first, then by row: the two stable counting sorts leave every row sorted by
  // column, so duplicates are adjacent and can be summed in one pass.
  const raw: CompressedMatrix = bucket(t.colIndex, t.rowIndex, t.values, cols);
  const rowsUnmerged = transposeCompressed(raw, rows);
  const byRow = mergeAdjacent(rowsUnmerged);
  const byColumn = transposeCompressed(byRow, cols);
  return { rows, cols, byRow, byColumn };
}

function bucket(
  major: ArrayLike<number>,
  minor: ArrayLike<number>,
  vals: ArrayLike<number>,
  majorCount: number,
): CompressedMatrix {
  const nnz = vals.length;
  const pointers = new Int32Array(majorCount + 1);
  for (let k = 0; k < nnz; k++) pointers[major[k]! + 1]!++;
  for (let k = 0; k < majorCount; k++) pointers[k + 1]! += pointers[k]!;
  const next = pointers.slice(0, majorCount);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  for (let k = 0; k < nnz; k++) {
    const dest = next[major[k]!]!++;
    indices[dest] = minor[k]!;
    values[dest] = vals[k]!;
  }
  return { pointers, indices, values };
}

function mergeAdjacent(m: CompressedMatrix): CompressedMatrix {
  const majorCount = m.pointers.length - 1;
  const pointers = new Int32Array(majorCount + 1);
  const indices = new Int32Array(m.indices.length);
  const values = new Float64Array(m.indices.length);
  let out = 0;
  for (let major = 0; major < majorCount; major++) {
    const end = m.pointers[major + 1]!;
    let k = m.pointers[major]!;
    while (k < end) {
      const minor = m.indices[k]!;
      let sum = 0;
      while (k < end && m.indices[k] === minor) sum += m.values[k++]!;
      if (sum !== 0) {
        indices[out] = minor;
        values[out++] = sum;
      }
    }
    pointers[major + 1] = out;
  }
  return { pointers, indices: indices.slice(0, out), values: values.slice(0, out) };
}

/** Multiplies the matrix by a vector: y = M x (plus `y` when `accumulate` is given). */
export function multiplySparse(
  m: SparseMatrix,
  x: ArrayLike<number>,
  accumulate?: ArrayLike<number>,
): Float64Array {
  const y = new Float64Array(m.rows);
  const { pointers, indices, values } = m.byRow;
  for (let i = 0; i < m.rows; i++) {
    let sum = accumulate === undefined ? 0 : accumulate[i]!;
    for (let k = pointers[i]!; k < pointers[i + 1]!; k++) sum += values[k]! * x[indices[k]!]!;
    y[i] = sum;
  }
  return y;
}

/** Returns the number of stored (non-zero) entries. */
export function nonZeroCount(m: SparseMatrix): number {
  return m.byRow.indices.length;
}

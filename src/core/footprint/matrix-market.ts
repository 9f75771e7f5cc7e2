import { validationError } from '../errors.ts';
import type { Triplets } from './sparse-matrix.ts';

/** A Matrix Market coordinate matrix, converted to 0-based triplets; `sizeLine` is 1-based. */
export interface MatrixMarketMatrix extends Triplets {
  readonly rowIndex: Int32Array;
  readonly colIndex: Int32Array;
  readonly values: Float64Array;
  readonly sizeLine: number;
}

// A decimal real as Matrix Market writes it; Number() alone would also accept "", "0x1f",
// "Infinity" and "  ", which are not data.
const REAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INDEX = /^\d+$/;

function fail(line: number, field: string, message: string, value?: string): never {
  throw validationError(
    [value === undefined ? { field, message, row: line } : { field, message, row: line, value }],
    'Matrix Market text',
  );
}

/**
 * Parses Matrix Market "matrix coordinate real general" text (integer is accepted as real) into
 * triplets; duplicates are kept, to be summed by the matrix builder. Errors name the 1-based line.
 */
export function parseMatrixMarket(text: string): MatrixMarketMatrix {
  const lines = text.split('\n');
  const banner = (lines[0] ?? '').trim();
  const parts = banner.split(/\s+/).map((s) => s.toLowerCase());
  if (parts[0] !== '%%matrixmarket' || parts[1] !== 'matrix' || parts.length !== 5) {
    fail(1, 'header', 'expected "%%MatrixMarket matrix coordinate real general"', banner);
  }
  if (parts[2] !== 'coordinate')
    fail(1, 'header', `format "${parts[2]}" is not supported, only "coordinate"`, banner);
  if (parts[3] !== 'real' && parts[3] !== 'integer')
    fail(1, 'header', `field "${parts[3]}" is not supported, only "real"`, banner);
  if (parts[4] !== 'general')
    fail(1, 'header', `symmetry "${parts[4]}" is not supported, only "general"`, banner);

  let ln = 1;
  while (ln < lines.length && (lines[ln]!.trim() === '' || lines[ln]!.trimStart().startsWith('%'))) ln++;
  if (ln >= lines.length) fail(ln, 'size', 'missing the size line "rows cols nnz"');
  const sizeLine = ln + 1;
  const size = lines[ln]!.trim().split(/\s+/);
  if (size.length !== 3 || !size.every((s) => INDEX.test(s))) {
    fail(sizeLine, 'size', 'expected three non-negative integers "rows cols nnz"', lines[ln]!.trim());
  }
  const [rows, cols, nnz] = size.map(Number) as [number, number, number];
  const rowIndex = new Int32Array(nnz);
  const colIndex = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let count = 0;
  for (ln++; ln < lines.length; ln++) {
    const raw = lines[ln]!.trim();
    if (raw === '' || raw.startsWith('%')) continue;
    const line = ln + 1;
    if (count >= nnz) fail(line, 'entries', `more entries than the ${nnz} declared on line ${sizeLine}`, raw);
    const fields = raw.split(/\s+/);
    if (fields.length !== 3) fail(line, 'entry', 'expected "row col value"', raw);
    const [r, c, v] = fields as [string, string, string];
    if (!INDEX.test(r) || Number(r) < 1 || Number(r) > rows)
      fail(line, 'row', `must be an integer in 1..${rows}`, r);
    if (!INDEX.test(c) || Number(c) < 1 || Number(c) > cols)
      fail(line, 'col', `must be an integer in 1..${cols}`, c);
    const value = Number(v);
    if (!REAL.test(v) || !Number.isFinite(value)) fail(line, 'value', 'must be a finite decimal number', v);
    rowIndex[count] = Number(r) - 1;
    colIndex[count] = Number(c) - 1;
    values[count++] = value;
  }
  if (count < nnz)
    fail(lines.length, 'entries', `found ${count} entries but line ${sizeLine} declares ${nnz}`);
  return { rows, cols, rowIndex, colIndex, values, sizeLine };
}

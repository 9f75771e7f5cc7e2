import { validationError } from '../errors.ts';

const REAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a vector written one value per line (trailing blank lines allowed, nothing else);
 * errors name the 1-based line and the given field name.
 */
export function parseVectorText(text: string, field = 'value'): Float64Array {
  const lines = text.split('\n').map((l) => l.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const out = new Float64Array(lines.length);
  lines.forEach((raw, k) => {
    const value = Number(raw);
    if (!REAL.test(raw) || !Number.isFinite(value)) {
      throw validationError(
        [
          {
            field,
            message: raw === '' ? 'empty line' : 'must be a finite decimal number',
            row: k + 1,
            value: raw,
          },
        ],
        'vector text',
      );
    }
    out[k] = value;
  });
  return out;
}

/**
 * Formats a vector one value per line with String(), the shortest text that parses back to the
 * same double (ECMA-262 Number::toString); toFixed or toPrecision would lose or invent digits.
 */
export function formatVectorText(values: ArrayLike<number>): string {
  let out = '';
  for (let k = 0; k < values.length; k++) out += `${String(values[k])}\n`;
  return out;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GmError } from '../errors.ts';
import { parseMatrixMarket } from './matrix-market.ts';
import { formatVectorText, parseVectorText } from './vector-text.ts';

function issueOf(run: () => unknown): { field: string; row?: number } {
  try {
    run();
  } catch (error) {
    if (error instanceof GmError) return (error.details['issues'] as { field: string; row?: number }[])[0]!;
    throw error;
  }
  throw new Error('expected a GmError');
}

const header = '%%MatrixMarket matrix coordinate real general';

describe('parseMatrixMarket', () => {
  it('reads comments, 1-based indices and duplicates', () => {
    const m = parseMatrixMarket(`${header}\n% a comment\n2 2 3\n1 2 0.5\n2 1 1e-1\r\n1 2 0.25\n`);
    expect(m).toMatchObject({ rows: 2, cols: 2, sizeLine: 3 });
    expect(Array.from(m.rowIndex)).toEqual([0, 1, 0]);
    expect(Array.from(m.colIndex)).toEqual([1, 0, 1]);
    expect(Array.from(m.values)).toEqual([0.5, 0.1, 0.25]);
  });

  it.each([
    ['bad header', '%%MatrixMarket matrix array real general\n2 2\n', 'header', 1],
    ['pattern field', '%%MatrixMarket matrix coordinate pattern general\n1 1 0\n', 'header', 1],
    ['bad size line', `${header}\n2 x 1\n`, 'size', 2],
    ['missing size line', `${header}\n% only a comment\n`, 'size', 3],
    ['too few entries', `${header}\n2 2 2\n1 1 0.5\n`, 'entries', 4],
    ['too many entries', `${header}\n2 2 1\n1 1 0.5\n2 2 0.5\n`, 'entries', 4],
    ['row out of range', `${header}\n2 2 1\n3 1 0.5\n`, 'row', 3],
    ['zero index', `${header}\n2 2 1\n1 0 0.5\n`, 'col', 3],
    ['non-numeric value', `${header}\n2 2 1\n1 1 abc\n`, 'value', 3],
    ['infinite value', `${header}\n2 2 1\n1 1 1e999\n`, 'value', 3],
    ['missing value', `${header}\n2 2 1\n1 1\n`, 'entry', 3],
  ])('names the line and field for %s', (_, text, field, row) => {
    expect(issueOf(() => parseMatrixMarket(text))).toMatchObject({ field, row });
  });
});

describe('vector text', () => {
  it('parses one value per line and names the bad line', () => {
    expect(Array.from(parseVectorText('1\n-2.5e3\n0\n\n'))).toEqual([1, -2500, 0]);
    expect(issueOf(() => parseVectorText('1\nx\n', 'demand'))).toMatchObject({ field: 'demand', row: 2 });
    expect(issueOf(() => parseVectorText('1\n\n2\n'))).toMatchObject({ row: 2 });
  });

  it('round-trips every finite double exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })), (values) => {
        const back = parseVectorText(formatVectorText(values));
        expect(Array.from(back)).toEqual(values.map((v) => (Object.is(v, -0) ? 0 : v)));
      }),
    );
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliExit, exitCodeOf } from '../io.ts';
import { registerFootprintCommand } from './footprint.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'greenmfg-footprint-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const header = '%%MatrixMarket matrix coordinate real general';
// The 2x2 steel/electricity cycle of solve.test.ts, with its A[0][1] split into duplicates.
const cycle = `${header}\n% steel (1) and electricity (2)\n2 2 3\n1 2 0.05\n2 1 0.5\n1 2 0.05\n`;

async function run(files: Record<string, string>, args: string[]) {
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text, 'utf8');
  let stdout = '';
  let stderr = '';
  const program = new Command('greenmfg').exitOverride();
  registerFootprintCommand(program, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  let exitCode = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    // main.ts prints a CliExit's message to stderr and exits with its code; do the same here.
    if (!(error instanceof CliExit)) throw error;
    stderr += `${error.message}\n`;
    exitCode = error.exitCode;
  }
  return { stdout, stderr, exitCode };
}

function solveArgs(technosphere = 'a.mtx', demand = 'd.txt'): string[] {
  return ['footprint', 'solve', '--technosphere', join(dir, technosphere), '--demand', join(dir, demand)];
}

describe('greenmfg footprint solve', () => {
  it('prints x = (I - A)^-1 d at full precision, summing duplicate entries', async () => {
    const r = await run({ 'a.mtx': cycle, 'd.txt': '1\n0\n' }, solveArgs());
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    // x0 = 1 / 0.95, x1 = 0.5 / 0.95; each line must parse back to the same double.
    const values = r.stdout.trimEnd().split('\n').map(Number);
    expect(values[0]).toBeCloseTo(1 / 0.95, 15);
    expect(values[1]).toBeCloseTo(0.5 / 0.95, 15);
    expect(r.stdout).toBe(values.map(String).join('\n') + '\n');
  });

  it('writes to --out', async () => {
    const r = await run({ 'a.mtx': cycle, 'd.txt': '0\n2\n' }, [...solveArgs(), '--out', join(dir, 'x.txt')]);
    expect(r).toMatchObject({ exitCode: 0, stdout: '' });
    const x = (await readFile(join(dir, 'x.txt'), 'utf8')).trimEnd().split('\n').map(Number);
    // x0 = 0.1 x1, x1 = 2 + 0.5 x0 => x1 = 2 / 0.95, x0 = 0.2 / 0.95.
    expect(x[0]).toBeCloseTo(0.2 / 0.95, 15);
    expect(x[1]).toBeCloseTo(2 / 0.95, 15);
  });

  it.each([
    ['a bad header', `%%MatrixMarket matrix array real general\n2 2\n`, '1\n0\n', /a\.mtx:1: header/],
    ['a wrong entry count', `${header}\n2 2 3\n1 2 0.1\n`, '1\n0\n', /a\.mtx:4: entries: found 1 entries/],
    [
      'an index out of range',
      `${header}\n2 2 1\n1 3 0.1\n`,
      '1\n0\n',
      /a\.mtx:3: col: must be an integer in 1\.\.2 \(got "3"\)/,
    ],
    ['a non-numeric value', `${header}\n2 2 1\n1 2 lots\n`, '1\n0\n', /a\.mtx:3: value/],
    [
      'a non-square matrix',
      `${header}\n2 3 1\n1 2 0.1\n`,
      '1\n0\n',
      /a\.mtx:2: size: must be square, got 2 x 3/,
    ],
    [
      'a demand of the wrong length',
      cycle,
      '1\n0\n3\n',
      /d\.txt: demand: has 3 values but the technosphere has 2 rows/,
    ],
    ['a non-numeric demand', cycle, '1\nten\n', /d\.txt:2: demand: must be a finite decimal number/],
  ])('exits %s with a message naming the line and field', async (_, a, d, message) => {
    const r = await run({ 'a.mtx': a, 'd.txt': d }, solveArgs());
    expect(r.exitCode).toBe(exitCodeOf('GM_VALIDATION'));
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('exits when I - A is singular, naming the rows in 1-based form', async () => {
    // det(I - A) = 1 - 2 * 0.5 = 0.
    const r = await run({ 'a.mtx': `${header}\n3 3 2\n1 2 2\n2 1 0.5\n`, 'd.txt': '1\n0\n0\n' }, solveArgs());
    expect(r.exitCode).toBe(exitCodeOf('GM_SINGULAR'));
    expect(r.stderr).toMatch(/^GM_SINGULAR: I - A is singular.*rows\/columns in .*a\.mtx: 1, 2$/m);
  });

  it('exits when a file cannot be read', async () => {
    const r = await run({}, solveArgs('missing.mtx'));
    expect(r.exitCode).toBe(exitCodeOf('GM_VALIDATION'));
    expect(r.stderr).toMatch(/cannot read the technosphere file .*missing\.mtx/);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cementPlantFacts } from '../../core/evaluation/fixtures/cement-plant.ts';
import { describeFailure } from '../io.ts';
import { buildProgram } from '../program.ts';

async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const program = buildProgram({ stdout: (t) => (out += t), stderr: (t) => (err += t), interactive: false });
  try {
    await program.parseAsync(['node', 'greenmfg', ...args]);
    return { out, err, code: 0 };
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    return { out, err: err + message, code: exitCode };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'greenmfg-eval-'));
const file = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};
const cement = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  energyQuota: 'GB 16780@2021#cement-comprehensive',
  facts: { ...cementPlantFacts, ...over },
});

describe('greenmfg evaluate / impact', () => {
  const facts = file('facts.json', {
    subjects: [cement('F-1'), cement('F-2', { 'energy.product': 790_000 })],
  });

  it('evaluates a facts file and prints one JSON object', async () => {
    const r = await run('evaluate', '--standard', 'GB/T 36132@2025', '--facts', facts, '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out) as {
      standard: string;
      outcomes: { id: string; status: string; factsHash: string }[];
    };
    expect(body.standard).toBe('GB/T 36132@2025');
    expect(body.outcomes.map((o) => [o.id, o.status])).toEqual([
      ['F-1', 'no-pass-mark'],
      ['F-2', 'no-pass-mark'],
    ]);
    const text = await run('evaluate', '--standard', 'GB/T 36132@2025', '--facts', facts);
    expect(text.out).toContain('F-2: no-pass-mark');
  });

  it('reports who rises and falls between two editions', async () => {
    const r = await run(
      'impact',
      '--from',
      'GB/T 36132@2018',
      '--to',
      'GB/T 36132@2025',
      '--facts',
      facts,
      '--json',
    );
    // The 2018 scheme needs facts the 2025 fixture does not carry: each is named with its subject.
    expect(r.code).toBe(2);
    expect(r.err).toContain('F-1: assess.INF');
    const legacy = {
      'gate.basic': true,
      'assess.INF': 0.8,
      'assess.MS': 0.9,
      'assess.ERI': 0.7,
      'assess.PRD': 0.6,
      'assess.ENV': 0.9,
      'assess.PERF': 0.8,
      'building.floorArea': 60_000,
      'building.floorAreaTallStoreys': 5_000,
      'land.buildingDensityPct': 40,
      'material.greenSharePct': 20,
      'output.equivalentQuantity': 10_000,
      'output.quantity': 10_000,
      'pollutant.wasteGas': 1e6,
      'pollutant.wastewater': 20_000,
      'water.wastewaterReusePct': 60,
    };
    const both = file('both.json', [
      cement('F-1', legacy),
      cement('F-2', { ...legacy, 'energy.product': 790_000 }),
    ]);
    const ok = await run(
      'impact',
      '--from',
      'GB/T 36132@2018',
      '--to',
      'GB/T 36132@2025',
      '--facts',
      both,
      '--json',
    );
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.out) as {
      members: number;
      rises: number;
      falls: number;
      unchanged: number;
      notComparable: number;
    };
    expect(report.members).toBe(2);
    expect(report.rises + report.falls + report.unchanged + report.notComparable).toBe(2);
    const text = await run('impact', '--from', 'GB/T 36132@2018', '--to', 'GB/T 36132@2025', '--facts', both);
    expect(text.out).toContain('impact of moving');
  });

  it('refuses a malformed facts file, naming the subject and the field, and evaluates nothing', async () => {
    const bad = file('bad.json', {
      subjects: [cement('F-1'), { id: 'F-2', energyQuota: 'GB 0@0#x', facts: { 'land.area': 'big' } }],
    });
    const r = await run('evaluate', '--standard', 'GB/T 36132@2025', '--facts', bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain('subjects[1](F-2).energyQuota');
    expect(r.err).toContain('subjects[1](F-2).facts.land.area');
    expect(r.out).toBe('');
    const missing = await run('evaluate', '--standard', 'GB/T 36132@2025', '--facts', join(dir, 'none.json'));
    expect(missing.err).toContain('cannot read the facts file');
    const unknown = await run('evaluate', '--standard', 'GB/T 9@9', '--facts', facts);
    expect(unknown.err).toContain('GM_STANDARD_NOT_FOUND');
  });
});

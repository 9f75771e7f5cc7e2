import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardRegistry } from '../standards/standard-registry.ts';
import { evaluate } from './evaluate.ts';
import { parseFactsFile } from './facts-file.ts';
import {
  cementPlant,
  cementPlantFacts,
  cementPlantTotal,
  testIndustryStandard,
} from './fixtures/cement-plant.ts';
import { plan } from './plan.ts';
import { evaluatePopulation, impactReport, type PopulationEntry } from './population.ts';

const general = standardRegistry.indicatorSystem('GB/T 36132@2025');
const entry = (
  id: string,
  over: Record<string, number | boolean> = {},
  subject = cementPlant,
): PopulationEntry => ({
  id,
  subject,
  facts: { ...cementPlantFacts, ...over },
});

describe('evaluatePopulation', () => {
  it('evaluates each member as evaluate() does, one plan per subject, and reports malformed members by field', () => {
    const noQuota = { kind: 'factory' as const };
    const entries = [
      entry('A'),
      entry('B', { 'land.area': 100_000 }),
      entry('C', {}, noQuota),
      entry('D', { 'water.reused': Number.NaN }),
    ];
    const e = evaluatePopulation(testIndustryStandard, entries);
    expect(e.outcomes.map((o) => o.status)).toEqual(['fail', 'fail', 'fail', 'invalid']);
    expect(e.outcomes[0]?.total).toBeCloseTo(cementPlantTotal, 10);
    expect(e.resultOf('B')).toEqual(
      evaluate(plan(testIndustryStandard, cementPlant), entries[1]?.facts ?? {}),
    );
    expect(e.outcomes[3]?.issues.map((i) => i.field)).toEqual(['water.reused']);
    expect(e.resultOf('D')).toBeNull();
  });
  it('reports a subject the standard cannot plan (a park under a factory standard) on the member', () => {
    const e = evaluatePopulation(general, [entry('P', {}, { kind: 'park' })]);
    expect(e.outcomes[0]).toMatchObject({ status: 'invalid' });
    expect(e.outcomes[0]?.issues[0]?.field).toBe('subject.kind');
  });
});

describe('impactReport', () => {
  it('moving from the general 2025 standard to an industry edition with a pass mark (worked example)', () => {
    const entries = [
      entry('A'),
      entry('B', { 'energy.product': 800_000, 'water.reused': 900_000, 'assess.CP1': 1 }),
    ];
    const r = impactReport(
      evaluatePopulation(general, entries),
      evaluatePopulation(testIndustryStandard, entries),
    );
    expect(r.statusFrom['no-pass-mark']).toBe(2);
    // A keeps its hand-worked 54.0 < 60; B gains enough to pass the fixture's mark.
    expect(r.rows.find((x) => x.id === 'A')?.to.status).toBe('fail');
    expect(r.transitions).toEqual({ 'no-pass-mark -> fail': 1, 'no-pass-mark -> pass': 1 });
    expect(r.newlyPasses).toBe(1);
  });
  it('is consistent: every member counted once in each tally', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            energy: fc.double({ min: 1e5, max: 2e6, noNaN: true }),
            reuse: fc.double({ min: 0, max: 2e6, noNaN: true }),
            cp1: fc.double({ min: 0, max: 1, noNaN: true }),
            gate: fc.boolean(),
            broken: fc.boolean(),
          }),
          { maxLength: 25 },
        ),
        (rows) => {
          const entries = rows.map((x, i) =>
            entry(`u${i}`, {
              'energy.product': x.energy,
              'water.reused': x.reuse,
              'assess.CP1': x.cp1,
              'gate.ems': x.gate,
              ...(x.broken && i % 3 === 0 ? { 'land.area': 0 } : {}),
            }),
          );
          const r = impactReport(
            evaluatePopulation(general, entries),
            evaluatePopulation(testIndustryStandard, entries),
          );
          const n = entries.length;
          expect(r.members).toBe(n);
          expect(r.rises + r.falls + r.unchanged + r.notComparable).toBe(n);
          expect(Object.values(r.transitions).reduce((s, x) => s + x, 0)).toBe(n);
          expect(Object.values(r.statusFrom).reduce((s, x) => s + x, 0)).toBe(n);
          expect(Object.values(r.statusTo).reduce((s, x) => s + x, 0)).toBe(n);
          expect(r.newlyPasses).toBeLessThanOrEqual(r.statusTo.pass);
          expect(r.newlyFails).toBeLessThanOrEqual(r.statusTo.fail);
          for (const row of r.rows) {
            if (row.movement === 'rises') expect(row.delta).toBeGreaterThan(0);
            if (row.movement === 'falls') expect(row.delta).toBeLessThan(0);
            if (row.from.status === 'invalid') expect(row.movement).toBe('not-comparable');
          }
          // The same population under the same edition moves nowhere.
          const same = impactReport(
            evaluatePopulation(general, entries),
            evaluatePopulation(general, entries),
          );
          expect(same.rises + same.falls + same.newlyPasses + same.newlyFails).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('parseFactsFile', () => {
  const quotaRow = (k: string) => standardRegistry.quotaRow(k);
  it('reads subjects with quota rows, corrections and facts with units', () => {
    const { entries, issues } = parseFactsFile(
      {
        subjects: [
          {
            id: 'F-001',
            name: '某水泥厂',
            energyQuota: { row: 'GB 16780@2021#cement-comprehensive', corrections: { clinkerRatioPct: 78 } },
            facts: { ...cementPlantFacts, 'energy.product': { value: 1_040_000, unit: 'kgce' } },
          },
        ],
      },
      quotaRow,
    );
    expect(issues).toEqual([]);
    expect(entries[0]?.subject.energyQuota?.row.key).toBe('GB 16780@2021#cement-comprehensive');
    expect(entries[0]?.subject.kind).toBe('factory');
  });
  it('names the subject and the field of every problem', () => {
    const { entries, issues } = parseFactsFile(
      [
        { id: 'F-1', energyQuota: 'GB 99999@2000#none', facts: {} },
        { id: 'F-1', facts: { 'energy.product': 'lots' } },
        { facts: {} },
        { id: 'F-3', kind: 'shop', facts: [] },
      ],
      quotaRow,
    );
    expect(entries).toEqual([]);
    expect(issues.map((i) => i.field)).toEqual([
      'subjects[0](F-1).energyQuota',
      'subjects[1](F-1).id',
      'subjects[1](F-1).facts.energy.product',
      'subjects[2].id',
      'subjects[3](F-3).kind',
      'subjects[3](F-3).facts',
    ]);
    expect(parseFactsFile({ factories: [] }, quotaRow).issues[0]?.field).toBe('subjects');
  });
});

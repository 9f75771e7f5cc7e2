import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { standardRegistry } from '../standards/standard-registry.ts';
import type { EvaluationPlan } from './evaluation-plan.ts';
import type { Facts } from './evaluate.ts';
import { evaluate, evaluateIndicatorValues } from './evaluate.ts';
import { applyChanges, LEAST_CHANGE_COST, leastChangeToPass } from './least-change.ts';
import { plan } from './plan.ts';
import {
  cementPlant,
  cementPlantFacts,
  cementPlantTotal,
  testIndustryStandard,
} from './fixtures/cement-plant.ts';

const p = plan(testIndustryStandard, cementPlant);

/** Brute force: the cheapest way to reach `target` by moving one indicator alone (Infinity if none can). */
function cheapestSingle(pl: EvaluationPlan, facts: Facts, target: number): number {
  const r = evaluate(pl, facts);
  const values = Object.fromEntries(r.indicators.map((i) => [i.code, i.value]));
  let best = Infinity;
  for (const ind of pl.indicators) {
    const res = r.indicators.find((x) => x.code === ind.code);
    if (!res || res.score === null || !ind.weight) continue;
    const qualitative = ind.def.nature === 'qualitative';
    const top = qualitative ? (ind.def.direction === 'forward' ? 1 : 0) : ind.lead?.value;
    const bottom = qualitative ? 1 - (top ?? 0) : ind.baseline?.value;
    if (top === undefined || bottom === undefined) continue;
    const v0 = res.value;
    const at = (t: number) =>
      evaluateIndicatorValues(pl, { ...values, [ind.code]: v0 + t * (top - v0) }).scoredPoints;
    if (at(1) < target - 1e-9) continue;
    let lo = 0;
    let hi = 1;
    for (let k = 0; k < 80; k++) {
      const mid = (lo + hi) / 2;
      if (at(mid) >= target) hi = mid;
      else lo = mid;
    }
    const denom = v0 !== 0 ? Math.abs(v0) : Math.abs(top - bottom);
    best = Math.min(best, (hi * Math.abs(top - v0)) / denom);
  }
  return best;
}

describe('leastChangeToPass: worked example', () => {
  const lc = leastChangeToPass(p, cementPlantFacts);
  it('reaches the pass mark of 60 from 53.995 and says how cost is measured', () => {
    expect(lc.status).toBe('found');
    expect(lc.target).toBe(60);
    expect(lc.costMeasure).toBe(LEAST_CHANGE_COST);
    expect(lc.projectedPoints).toBeGreaterThanOrEqual(60);
    expect(lc.cost).toBeCloseTo(
      lc.changes.reduce((s, c) => s + c.relativeChange, 0),
      12,
    );
  });
  it('actually passes when applied', () => {
    const after = applyChanges(p, evaluate(p, cementPlantFacts), lc.changes);
    expect(after.total).toBeGreaterThanOrEqual(60);
    expect(after.pass.status).toBe('pass');
  });
  it('is no dearer than the cheapest single-indicator answer', () => {
    expect(lc.cost).toBeLessThanOrEqual(cheapestSingle(p, cementPlantFacts, 60) + 1e-9);
  });
  it('fills by points per relative change: EN1a first, then RE3 (hand-worked)', () => {
    // Points per unit of relative change on the linear segment = w·|v0| / |lead − baseline|:
    // EN1a 8·104/7 ≈ 118.9, RE3 8·90/15 = 48, RE4 6·85/30 = 17, RE1 9.6, EN2 8, ... (the rest lower).
    // Need 60 − 53.995238 = 6.004762 points. EN1a to its lead (100) gives 8·4/7 = 4.571429 for 4/104;
    // the remaining 43/30 points come from RE3: Δ = (43/30)/8 × 15 = 2.6875 -> 92.6875, for 2.6875/90.
    expect(lc.changes.map((c) => [c.code, c.to])).toEqual([
      ['EN1a', 100],
      ['RE3', expect.closeTo(92.6875, 6) as unknown],
    ]);
    expect(lc.cost).toBeCloseTo(4 / 104 + 2.6875 / 90, 8);
    expect(lc.method).toBe('exhaustive');
  });
});

describe('leastChangeToPass: savings in tce and tCO2e', () => {
  const others = (keep: string) => p.indicators.map((i) => i.code).filter((c) => c !== keep);
  it('energy: EN1a from 104 to 100 kgce/t at 10,000 t saves 4 × 10,000 / 1,000 = 40 tce', () => {
    const lc = leastChangeToPass(p, cementPlantFacts, {
      target: cementPlantTotal + (8 - 24 / 7),
      exclude: others('EN1a'),
    });
    expect(lc.changes).toHaveLength(1);
    expect(lc.changes[0]).toMatchObject({ code: 'EN1a', from: 104, to: 100 });
    expect(lc.savings.tce).toBeCloseTo(40, 9);
    expect(lc.changes[0]?.savingsTco2e).toBeNull();
  });
  it('carbon: EN2 from 100 to 50 kgCO2/10⁴ yuan at 10,000 × 10⁴ yuan saves 50 × 10,000 / 1,000 = 500 tCO2e', () => {
    const lc = leastChangeToPass(p, cementPlantFacts, {
      target: cementPlantTotal + 4,
      exclude: others('EN2'),
    });
    expect(lc.changes[0]).toMatchObject({ code: 'EN2', from: 100, to: 50 });
    expect(lc.savings.tco2e).toBeCloseTo(500, 9);
  });
});

describe('leastChangeToPass: edge cases', () => {
  it('asks for a target when the standard has no pass mark, and works with one', () => {
    const general = plan(standardRegistry.indicatorSystem('GB/T 36132@2025'), cementPlant);
    expect(leastChangeToPass(general, cementPlantFacts).status).toBe('no-target');
    const lc = leastChangeToPass(general, cementPlantFacts, { target: 20 });
    expect(lc.status).toBe('found');
    expect(
      applyChanges(general, evaluate(general, cementPlantFacts), lc.changes).scoredPoints,
    ).toBeGreaterThanOrEqual(20);
    expect(lc.notes[0]).toContain('counted as zero');
  });
  it('reports already-passes, infeasible, and gates to fix', () => {
    expect(leastChangeToPass(p, cementPlantFacts, { target: 50 }).status).toBe('already-passes');
    expect(leastChangeToPass(p, cementPlantFacts, { target: 100.5 }).status).toBe('infeasible');
    expect(leastChangeToPass(p, { ...cementPlantFacts, 'gate.qms': false }).gatesToFix).toEqual(['qms']);
  });
  it('reaches a target equal to the maximum exactly', () => {
    const lc = leastChangeToPass(p, cementPlantFacts, { target: 100 });
    expect(lc.status).toBe('found');
    expect(applyChanges(p, evaluate(p, cementPlantFacts), lc.changes).total).toBeCloseTo(100, 9);
  });
  it('moves a value from below the baseline through the dead zone', () => {
    // EN2 at 200 kgCO2/10⁴ yuan is worse than the baseline 150: it scores 0 until it reaches 150.
    const facts = { ...cementPlantFacts, 'carbon.emissions': 2_000_000 };
    const only = p.indicators.map((i) => i.code).filter((c) => c !== 'EN2');
    const lc = leastChangeToPass(p, facts, { target: cementPlantTotal - 4 + 2, exclude: only });
    // +2 points needs a score of 25: 150 − 0.25 × 100 = 125; relative change 75 / 200.
    expect(lc.changes[0]?.to).toBeCloseTo(125, 6);
    expect(lc.cost).toBeCloseTo(75 / 200, 8);
  });
});

describe('leastChangeToPass: properties', () => {
  const arbitraryFacts = fc.record({
    energy: fc.double({ min: 950_000, max: 1_150_000, noNaN: true }),
    carbon: fc.double({ min: 300_000, max: 2_000_000, noNaN: true }),
    renewable: fc.double({ min: 0, max: 500_000, noNaN: true }),
    functions: fc.integer({ min: 0, max: 12 }),
    reused: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
    cp1: fc.double({ min: 0, max: 1, noNaN: true }),
    land: fc.double({ min: 10_000, max: 200_000, noNaN: true }),
  });
  const toFacts = (a: {
    energy: number;
    carbon: number;
    renewable: number;
    functions: number;
    reused: number;
    cp1: number;
    land: number;
  }): Facts => ({
    ...cementPlantFacts,
    'energy.product': a.energy,
    'carbon.emissions': a.carbon,
    'energy.renewable': a.renewable,
    'platform.functionCount': a.functions,
    'water.reused': a.reused,
    'assess.CP1': a.cp1,
    'land.area': a.land,
  });

  it('finds an answer that passes when applied, no dearer than any single-indicator answer', () => {
    fc.assert(
      fc.property(arbitraryFacts, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (a, frac) => {
        const facts = toFacts(a);
        const before = evaluate(p, facts);
        const target = before.scoredPoints + frac * (100 - before.scoredPoints);
        const lc = leastChangeToPass(p, facts, { target });
        expect(lc.status).toBe('found');
        const after = applyChanges(p, before, lc.changes);
        expect(after.scoredPoints).toBeGreaterThanOrEqual(target);
        expect(lc.cost).toBeLessThanOrEqual(cheapestSingle(p, facts, target) + 1e-7);
        for (const c of lc.changes) expect(c.scoreTo).toBeGreaterThanOrEqual(c.scoreFrom);
      }),
      { numRuns: 60 },
    );
  });
});

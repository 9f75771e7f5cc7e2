import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Direction } from '../standards/indicator-system.ts';
import { standardRegistry } from '../standards/standard-registry.ts';
import { evaluate } from './evaluate.ts';
import { plan } from './plan.ts';
import {
  scoreAssessment,
  scoreBanded,
  scoreLinear,
  scoreMeetsReference,
  scoreRatioToLead,
} from './scoring.ts';
import { cementPlant, cementPlantFacts, testIndustryStandard } from './fixtures/cement-plant.ts';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const direction = fc.constantFrom<Direction>('forward', 'reverse');
/** A lead/baseline pair the right way round for the direction. */
const refs = fc
  .tuple(direction, finite, fc.double({ min: 0, max: 1e5, noNaN: true }))
  .map(([dir, a, span]) => ({
    dir,
    lead: dir === 'forward' ? a + span : a - span,
    baseline: a,
  }));

describe('scoreLinear (GB/T 36132-2025 clause 5)', () => {
  it('worked examples: lead 100 / baseline 107 (reverse): 104 -> 300/7, 100 -> 100, 107 -> 0, 120 -> 0', () => {
    expect(scoreLinear(104, 100, 107, 'reverse')).toBeCloseTo(300 / 7, 12);
    expect(scoreLinear(100, 100, 107, 'reverse')).toBe(100);
    expect(scoreLinear(99, 100, 107, 'reverse')).toBe(100);
    expect(scoreLinear(107, 100, 107, 'reverse')).toBe(0);
    expect(scoreLinear(120, 100, 107, 'reverse')).toBe(0);
    expect(scoreLinear(90, 95, 80, 'forward')).toBeCloseTo(200 / 3, 12);
  });
  it('is a step when lead equals baseline (e.g. GB 21342-2025 top-charged coke 110 / 110)', () => {
    expect(scoreLinear(110, 110, 110, 'reverse')).toBe(100);
    expect(scoreLinear(110.01, 110, 110, 'reverse')).toBe(0);
  });
  it('stays within [0, 100]', () => {
    fc.assert(
      fc.property(refs, finite, ({ dir, lead, baseline }, v) => {
        const s = scoreLinear(v, lead, baseline, dir);
        return s >= 0 && s <= 100;
      }),
    );
  });
  it('is monotone in the indicator direction', () => {
    fc.assert(
      fc.property(refs, finite, finite, ({ dir, lead, baseline }, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const sLo = scoreLinear(lo, lead, baseline, dir);
        const sHi = scoreLinear(hi, lead, baseline, dir);
        return dir === 'forward' ? sLo <= sHi : sLo >= sHi;
      }),
    );
  });
});

describe('other scoring methods', () => {
  it('banded: the highest band reached, 100 at the lead', () => {
    const bands = [
      { position: 0.5, score: 60 },
      { position: 0.8, score: 80 },
    ];
    expect(scoreBanded(85, 95, 80, 'forward', bands)).toBe(0); // position 1/3
    expect(scoreBanded(88, 95, 80, 'forward', bands)).toBe(60); // position 0.533
    expect(scoreBanded(93, 95, 80, 'forward', bands)).toBe(80);
    expect(scoreBanded(95, 95, 80, 'forward', bands)).toBe(100);
    fc.assert(
      fc.property(refs, finite, finite, ({ dir, lead, baseline }, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const sLo = scoreBanded(lo, lead, baseline, dir, bands);
        const sHi = scoreBanded(hi, lead, baseline, dir, bands);
        return sLo >= 0 && sHi <= 100 && (dir === 'forward' ? sLo <= sHi : sLo >= sHi);
      }),
    );
  });
  it('ratio to lead (park GI): within [0, 100] and monotone', () => {
    expect(scoreRatioToLead(2, 3, 'forward', 1)).toBeCloseTo(200 / 3, 12);
    expect(scoreRatioToLead(10, 5, 'reverse', 1)).toBe(50);
    const positive = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(direction, positive, finite, finite, (dir, lead, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const sLo = scoreRatioToLead(lo, lead, dir, 1);
        const sHi = scoreRatioToLead(hi, lead, dir, 1);
        return sLo >= 0 && sHi <= 100 && (dir === 'forward' ? sLo <= sHi : sLo >= sHi);
      }),
    );
  });
  it('meets-reference and assessment', () => {
    expect(scoreMeetsReference(100, 100, 'reverse')).toBe(100);
    expect(scoreMeetsReference(100.1, 100, 'reverse')).toBe(0);
    expect(scoreAssessment(0.25, 'forward')).toBe(25);
    expect(scoreAssessment(0.25, 'reverse')).toBe(75);
  });
});

describe('every compiled indicator score of the encoded systems', () => {
  const plans = [
    plan(testIndustryStandard, cementPlant),
    plan(testIndustryStandard, { kind: 'factory' }),
    plan(standardRegistry.indicatorSystem('MIIT-green-park@2016'), { kind: 'park' }),
    plan(standardRegistry.indicatorSystem('GB/T 36132@2018'), { kind: 'factory' }),
    plan(standardRegistry.indicatorSystem('MIIT-green-supply-chain@2016'), { kind: 'supply-chain' }),
  ];
  const scored = plans.flatMap((p) =>
    p.indicators.filter((i) => i.score !== null).map((i) => ({ key: `${p.standardKey} ${i.code}`, i })),
  );
  it('covers many indicators', () => {
    expect(scored.length).toBeGreaterThan(60);
  });
  it('is within [0, 100] and monotone in its direction', () => {
    for (const { key, i } of scored) {
      const score = i.score as (v: number) => number;
      const range = i.def.nature === 'qualitative' ? fc.double({ min: 0, max: 1, noNaN: true }) : finite;
      fc.assert(
        fc.property(range, range, (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const sLo = score(lo);
          const sHi = score(hi);
          expect(sLo, key).toBeGreaterThanOrEqual(0);
          expect(sHi, key).toBeLessThanOrEqual(100);
          if (i.def.direction === 'forward') expect(sLo, key).toBeLessThanOrEqual(sHi);
          else expect(sLo, key).toBeGreaterThanOrEqual(sHi);
        }),
        { numRuns: 50 },
      );
    }
  });
});

describe('weighted totals', () => {
  const p = plan(testIndustryStandard, cementPlant);
  it('equal the sum of points, the sum of group points, and stay within [0, total weight]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 900_000, max: 1_200_000, noNaN: true }),
        fc.double({ min: 0, max: 3_000_000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 12 }),
        (energy, carbon, cp1, functions) => {
          const r = evaluate(p, {
            ...cementPlantFacts,
            'energy.product': energy,
            'carbon.emissions': carbon,
            'assess.CP1': cp1,
            'platform.functionCount': functions,
          });
          const points = r.indicators.reduce((s, i) => s + (i.points ?? 0), 0);
          const groups = r.groups.reduce((s, g) => s + g.points, 0);
          expect(r.total).not.toBeNull();
          expect(r.total).toBeCloseTo(points, 9);
          expect(groups).toBeCloseTo(points, 9);
          expect(r.total).toBeGreaterThanOrEqual(0);
          expect(r.total).toBeLessThanOrEqual(r.totalWeight + 1e-9);
          for (const i of r.indicators)
            expect(i.points).toBeCloseTo(((i.weight ?? 0) * (i.score ?? 0)) / 100, 12);
        },
      ),
    );
  });
  it('rise when one reverse indicator improves and nothing else changes', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 900_000, max: 1_200_000, noNaN: true }),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        (e, d) => {
          const worse = evaluate(p, { ...cementPlantFacts, 'energy.product': e + d });
          const better = evaluate(p, { ...cementPlantFacts, 'energy.product': e });
          expect(better.total ?? 0).toBeGreaterThanOrEqual(worse.total ?? 0);
        },
      ),
    );
  });
});

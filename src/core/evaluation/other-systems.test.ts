import { describe, expect, it } from 'vitest';
import { deriveStandard } from '../standards/derive-standard.ts';
import type { IndicatorDef } from '../standards/indicator-system.ts';
import { sourced } from '../standards/sourced.ts';
import { standardRegistry } from '../standards/standard-registry.ts';
import type { Facts } from './evaluate.ts';
import { evaluate } from './evaluate.ts';
import { leastChangeToPass } from './least-change.ts';
import { plan } from './plan.ts';

describe('legacy green factory scheme (GB/T 36132-2018)', () => {
  const s = standardRegistry.indicatorSystem('GB/T 36132@2018');
  const p = plan(s, { kind: 'factory' });
  const facts: Facts = {
    'gate.basic': true,
    'assess.INF': 1,
    'assess.MS': 1,
    'assess.ERI': 1,
    'assess.PRD': 1,
    'assess.ENV': 1,
    'assess.PERF': 0.5,
    'building.floorArea': 14_000,
    'building.floorAreaTallStoreys': 6_000,
    'land.area': 10_000,
    'land.buildingDensityPct': 45,
    'output.equivalentQuantity': 2_000,
    'material.greenSharePct': 20,
    'pollutant.main': 300,
    'pollutant.wasteGas': 1_000_000,
    'pollutant.wastewater': 5_000,
    'output.quantity': 1_000,
    'material.consumption': 1_200,
    'waste.utilised': 950,
    'waste.generated': 900,
    'waste.stockUtilised': 100,
    'water.wastewaterReusePct': 60,
    'energy.comprehensive': 105_000,
    'carbon.emissions': 300_000,
  };
  const r = evaluate(p, facts);
  it('sums the category assessments with the (unverified) category weights: 20+15+15+10+10 + 30 × 0.5 = 85', () => {
    expect(r.total).toBeCloseTo(85, 10);
    expect(r.usesUnverified).toBe(true);
    expect(r.pass.status).toBe('no-pass-mark');
  });
  it('reports performance indicators, e.g. the plot ratio with the 8 m rule (14,000 + 6,000) / 10,000 = 2', () => {
    const pr = r.indicators.find((i) => i.code === 'P-PR');
    expect(pr?.value).toBe(2);
    expect(pr?.status).toBe('no-reference-value');
    expect(r.indicators.find((i) => i.code === 'P-SW')?.value).toBe(95);
  });
});

describe('MIIT 2016 green park (GI ratio to the reference value)', () => {
  const s = standardRegistry.indicatorSystem('MIIT-green-park@2016');
  const p = plan(s, { kind: 'park' });
  const facts: Record<string, number | boolean> = {};
  for (const f of p.facts) facts[f.key] = f.kind === 'number' ? 50 : true;
  Object.assign(facts, {
    'park.industrialValueAdded': 300_000,
    'park.energyUse': 150_000,
    'park.EN3': 10,
    'park.growthCodPct': 1,
    'park.growthSo2Pct': 1,
    'park.growthNh3nPct': 1,
    'park.growthNoxPct': 1,
    'park.growthValueAddedPct': 10,
    'park.co2IntensityFinal': 0.729,
    'park.co2IntensityBase': 1,
    'park.creationPeriodYears': 3,
    'park.industrialValueAddedSharePct': 60,
  });
  const r = evaluate(p, facts);
  const score = (code: string) => r.indicators.find((i) => i.code === code)?.score;
  it('normalises forward as value ÷ lead and reverse as lead ÷ value, capped at 1', () => {
    expect(score('EG1')).toBeCloseTo((2 / 3) * 100, 10); // 300,000 / 150,000 = 2 against 3
    expect(score('EN3')).toBeCloseTo(50, 10); // 5 / 10
    expect(score('EN4')).toBe(100); // elasticity 0.1 against 0.3: 3, capped at 1
    expect(score('EN2')).toBe(100); // 10 % against 3 %: capped
    expect(score('IG1')).toBe(100);
  });
  it('says "no reference value" for EN7 and EN8', () => {
    expect(r.indicators.find((i) => i.code === 'EN7')?.status).toBe('no-reference-value');
  });
  it('cannot compute a total without weights, and flags the remembered values as unverified', () => {
    expect(r.total).toBeNull();
    expect(r.pass.status).toBe('undetermined');
    expect(r.usesUnverified).toBe(true);
    expect(r.unverified.some((u) => u.includes('pass mark = 80'))).toBe(true);
  });
  it('checks the eligibility gate "industrial value added > 50 %"', () => {
    expect(r.gatesPassed).toBe(true);
    const atFifty = evaluate(p, { ...facts, 'park.industrialValueAddedSharePct': 50 });
    expect(atFifty.gates.find((g) => g.code === 'industrialShare')?.passed).toBe(false); // 50 is not > 50
    expect(atFifty.pass.status).toBe('fail');
  });
});

describe('green supply chain 100-point table', () => {
  const qualitativeFull = (p: ReturnType<typeof plan>): Record<string, number | boolean> => {
    const facts: Record<string, number | boolean> = {};
    for (const f of p.facts) facts[f.key] = f.kind === 'number' ? 90 : true;
    return facts;
  };
  it('scores the qualitative items (86 points) and bounds the total by the 14 unscorable quantitative points', () => {
    const p = plan(standardRegistry.indicatorSystem('MIIT-green-supply-chain@2016'), {
      kind: 'supply-chain',
    });
    const r = evaluate(p, qualitativeFull(p));
    expect(r.scoredPoints).toBe(86);
    expect(r.unscoredWeight).toBe(14);
    expect(r.total).toBeNull();
    expect(r.pass.status).toBe('no-pass-mark');
  });
  it('gives an electronics star rating when both bounds fall in the same band', () => {
    const p = plan(standardRegistry.indicatorSystem('MIIT-green-supply-chain/electronics-stars@2016'), {
      kind: 'supply-chain',
    });
    const full = qualitativeFull(p);
    expect(evaluate(p, full).rating).toBe('five stars'); // [86, 100]
    expect(evaluate(p, { ...full, 'assess.STR1': false }).rating).toBeNull(); // [78, 92] spans bands
  });
});

describe('green-design product (GB/T 32161 with a product standard)', () => {
  const FIXTURE = 'test fixture: illustrative product standard';
  const indicator = (
    code: string,
    group: string,
    direction: 'forward' | 'reverse',
    unit: string,
    reference: number,
  ): IndicatorDef => ({
    code,
    nameZh: code,
    nameEn: code,
    level: 'L2',
    group,
    direction,
    nature: 'quantitative',
    unit,
    formulaRef: null,
    measure: { kind: 'fact', fact: `product.${code}`, unit },
    reference: { kind: 'fixed', lead: sourced(reference, 'U', FIXTURE, unit), baseline: null },
    weight: null,
    mandatory: true,
    evidence: [],
    source: FIXTURE,
    tag: 'U',
  });
  const product = deriveStandard(standardRegistry.indicatorSystem('GB/T 32161@2015'), {
    id: 'T/TEST-product',
    version: '1',
    title: 'illustrative product standard',
    source: FIXTURE,
    tag: 'U',
    addIndicators: [
      indicator('energy', 'ENE', 'reverse', 'kgce/t', 100),
      indicator('recycled', 'RES', 'forward', '%', 30),
    ],
  });
  const p = plan(product, { kind: 'product' });
  const gates = Object.fromEntries(p.gates.map((g) => [`gate.${g.code}`, true]));
  it('passes only when every gate and every reference value is met', () => {
    expect(evaluate(p, { ...gates, 'product.energy': 95, 'product.recycled': 35 }).pass.status).toBe('pass');
    expect(evaluate(p, { ...gates, 'product.energy': 101, 'product.recycled': 35 }).pass.status).toBe('fail');
    expect(
      evaluate(p, { ...gates, 'gate.lcaReport': false, 'product.energy': 95, 'product.recycled': 35 }).pass
        .status,
    ).toBe('fail');
  });
  it('least change moves exactly the failing indicator to its reference value', () => {
    const lc = leastChangeToPass(p, { ...gates, 'product.energy': 110, 'product.recycled': 35 });
    expect(lc.status).toBe('found');
    expect(lc.changes).toEqual([expect.objectContaining({ code: 'energy', from: 110, to: 100 })]);
    expect(lc.cost).toBeCloseTo(10 / 110, 12);
  });
});

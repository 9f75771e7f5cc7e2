import { describe, expect, it } from 'vitest';
import { standardRegistry } from './standard-registry.ts';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('GB/T 36132-2025 (Annex C example weights)', () => {
  const s = standardRegistry.indicatorSystem('GB/T 36132@2025');
  it('has five first-level indicators weighted 30/30/16/16/8 = 100', () => {
    expect(s.groups.map((g) => [g.code, g.weight?.value])).toEqual([
      ['EN', 30],
      ['RE', 30],
      ['CP', 16],
      ['PG', 16],
      ['LU', 8],
    ]);
  });
  it('splits each group into the points of Annex C (alternatives counted once)', () => {
    const alternatives = new Set(['EN1b', 'RE2b']);
    for (const g of s.groups) {
      const points = s.indicators
        .filter((i) => i.group === g.code && !alternatives.has(i.code))
        .map((i) => i.weight?.value ?? 0);
      expect(sum(points)).toBe(g.weight?.value);
    }
  });
  it('has the six basic requirements as gates and no pass mark', () => {
    expect(s.gates.map((g) => g.code)).toEqual(['compliance', 'management', 'qms', 'enms', 'ems', 'ohsms']);
    expect(s.passRule.kind).toBe('none');
  });
  it('encodes only the reference values Annex C gives: platform functions lead 8 / baseline 0', () => {
    const fixed = s.indicators.filter(
      (i) => i.reference.kind === 'fixed' && (i.reference.lead || i.reference.baseline),
    );
    expect(fixed.map((i) => i.code)).toEqual(['EN4']);
    const en1a = s.indicators.find((i) => i.code === 'EN1a');
    expect(en1a?.reference).toMatchObject({ kind: 'energy-quota', lead: 1, baseline: 2 });
  });
  it('types forward/reverse and quantitative/qualitative', () => {
    const byCode = Object.fromEntries(s.indicators.map((i) => [i.code, `${i.direction}-${i.nature}`]));
    expect(byCode).toMatchObject({
      EN1a: 'reverse-quantitative',
      EN3: 'forward-quantitative',
      CP1: 'forward-qualitative',
      CP3: 'reverse-quantitative',
      RE3: 'forward-quantitative',
    });
  });
});

describe('legacy scheme (MIIT 2016 / GB/T 36132-2018)', () => {
  it('has the six first-level categories with unverified weights summing to 100', () => {
    for (const key of ['GB/T 36132@2018', 'MIIT-green-factory@2016']) {
      const s = standardRegistry.indicatorSystem(key);
      expect(s.groups.map((g) => g.weight?.value)).toEqual([20, 15, 15, 10, 10, 30]);
      expect(s.groups.every((g) => g.weight?.verified === false)).toBe(true);
      expect(sum(s.indicators.map((i) => i.weight?.value ?? 0))).toBe(100);
    }
  });
});

describe('MIIT 2016 green park list', () => {
  const s = standardRegistry.indicatorSystem('MIIT-green-park@2016');
  it('has 31 indicators: 3 EG, 8 RG, 5 IG, 4 CG, 8 EN, 3 MG; 18 mandatory', () => {
    expect(s.indicators).toHaveLength(31);
    const count = (g: string) => s.indicators.filter((i) => i.group === g).length;
    expect(['EG', 'RG', 'IG', 'CG', 'EN', 'MG'].map(count)).toEqual([3, 8, 5, 4, 8, 3]);
    expect(s.indicators.filter((i) => i.mandatory)).toHaveLength(18);
  });
  it('has EN3 and EN4 as the only reverse indicators, and no reference value for EN7 and EN8', () => {
    expect(s.indicators.filter((i) => i.direction === 'reverse').map((i) => i.code)).toEqual(['EN3', 'EN4']);
    for (const code of ['EN7', 'EN8']) {
      expect(s.indicators.find((i) => i.code === code)?.reference).toMatchObject({ lead: null });
    }
  });
  it('loads the remembered reference values as unverified', () => {
    const eg1 = s.indicators.find((i) => i.code === 'EG1');
    expect(eg1?.reference).toMatchObject({ lead: { value: 3, tag: 'U', verified: false } });
  });
});

describe('green supply chain 100-point table', () => {
  const s = standardRegistry.indicatorSystem('MIIT-green-supply-chain@2016');
  it('sums to 100 points, each group to its own points', () => {
    expect(sum(s.indicators.map((i) => i.weight?.value ?? 0))).toBe(100);
    for (const g of s.groups) {
      expect(sum(s.indicators.filter((i) => i.group === g.code).map((i) => i.weight?.value ?? 0))).toBe(
        g.weight?.value,
      );
    }
  });
  it('has no national pass mark', () => {
    expect(s.passRule.kind).toBe('none');
  });
});

describe('GB/T 32161 green-design product structure', () => {
  const s = standardRegistry.indicatorSystem('GB/T 32161@2015');
  it('has the basic requirements and the LCA report as gates, four attribute groups and the all-meet rule', () => {
    expect(s.gates.map((g) => g.code)).toContain('lcaReport');
    expect(s.groups.map((g) => g.code)).toEqual(['RES', 'ENE', 'ENV', 'QUA']);
    expect(s.passRule.kind).toBe('all-meet');
  });
});

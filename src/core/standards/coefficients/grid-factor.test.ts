import { describe, expect, it } from 'vitest';
import { isGmError } from '../../errors.ts';
import { gridFactor, gridFactorById } from './grid-factor.ts';
import { gridFactors } from './grid-factors.ts';
import { provinceGridRegions } from './province-grid-regions.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isGmError(error) ? error.code : 'not-a-GmError';
  }
  return undefined;
}

describe('grid factor data', () => {
  it('has unique ids, and verified exactly when not [U]', () => {
    expect(new Set(gridFactors.map((f) => f.id)).size).toBe(gridFactors.length);
    for (const f of gridFactors) expect(f.verified).toBe(f.tag !== 'U');
    expect(provinceGridRegions.tag).toBe('U');
    expect(provinceGridRegions.verified).toBe(false);
  });

  it('holds the national statistical factors of domain.md §6.2', () => {
    const v = (year: number, scope: 'average' | 'excluding-market-non-fossil' | 'fossil'): number =>
      gridFactor({ year, purpose: 'statistical', scope }).factor.value;
    expect([v(2021, 'average'), v(2021, 'excluding-market-non-fossil'), v(2021, 'fossil')]).toEqual([
      0.5568, 0.5942, 0.8426,
    ]);
    expect([v(2022, 'average'), v(2022, 'excluding-market-non-fossil'), v(2022, 'fossil')]).toEqual([
      0.5366, 0.5856, 0.8325,
    ]);
    expect([v(2023, 'average'), v(2023, 'excluding-market-non-fossil'), v(2023, 'fossil')]).toEqual([
      0.5306, 0.6096, 0.8273,
    ]);
    expect(gridFactorById('statistical/national/average/2021').published).toBe('2024-04-12');
  });

  it('holds the carbon-market defaults with their tags', () => {
    expect(gridFactorById('carbon-market/power-guideline-default')).toMatchObject({
      value: 0.6101,
      tag: 'C',
    });
    expect(gridFactor({ year: 2021, purpose: 'carbon-market' }).factor).toMatchObject({
      value: 0.581,
      tag: 'S',
    });
    expect(gridFactor({ year: 2022, purpose: 'carbon-market' }).factor).toMatchObject({
      value: 0.5703,
      tag: 'S',
    });
    expect(codeOf(() => gridFactor({ year: 2019, purpose: 'carbon-market' }))).toBe(
      'GM_COEFFICIENT_NOT_FOUND',
    );
  });

  it('holds the 2023 product-footprint factor apart from the statistical ones', () => {
    const r = gridFactor({ year: 2023, purpose: 'product-footprint' });
    expect(r.factor).toMatchObject({ value: 0.6205, unit: 'kgCO2e/kWh' });
  });
});

describe('gridFactor lookup with explicit fallback', () => {
  it('uses the provincial value when there is one (Guangdong 2023 = 0.4419)', () => {
    const r = gridFactor({ year: 2023, purpose: 'statistical', regionCode: '44' });
    expect(r.factor.value).toBe(0.4419);
    expect(r.level).toBe('provincial');
    expect(r.exact).toBe(true);
    expect(r.usesUnverified).toBe(false);
    // A 6-digit GB/T 2260 code (Shenzhen, 440300) resolves through its province.
    expect(gridFactor({ year: 2023, purpose: 'statistical', regionCode: '440300' }).factor.value).toBe(
      0.4419,
    );
  });

  it('falls back to the regional grid through the [U] mapping and says so', () => {
    // Guangdong has no 2022 provincial value in domain.md: South grid 2022 = 0.3869.
    const r = gridFactor({ year: 2022, purpose: 'statistical', regionCode: '44' });
    expect(r.factor.value).toBe(0.3869);
    expect(r.level).toBe('regional');
    expect(r.exact).toBe(false);
    expect(r.usesUnverified).toBe(true);
    expect(r.explanation).toContain('no provincial value for 44 in 2022');
    // Sichuan 2022 has a provincial value; Chongqing (50) falls back to the Southwest grid, not Central China.
    expect(gridFactor({ year: 2022, purpose: 'statistical', regionCode: '51' }).factor.value).toBe(0.1404);
    expect(gridFactor({ year: 2023, purpose: 'statistical', regionCode: '50' }).factor.value).toBe(0.2472);
  });

  it('falls back to national when the province has no grid mapping, and says why', () => {
    const r = gridFactor({ year: 2023, purpose: 'statistical', regionCode: '54' });
    expect(r.factor.id).toBe('statistical/national/average/2023');
    expect(r.factor.value).toBe(0.5306);
    expect(r.level).toBe('national');
    expect(r.explanation).toContain('no regional-grid mapping for province 54');
    // Inner Mongolia 2023: no provincial value, deliberately unmapped (split between two grids).
    expect(gridFactor({ year: 2023, purpose: 'statistical', regionCode: '15' }).factor.value).toBe(0.5306);
  });

  it('falls back to national when there are no regional values for the year (2021)', () => {
    const r = gridFactor({ year: 2021, purpose: 'statistical', regionCode: '44' });
    expect(r.factor.value).toBe(0.5568);
    expect(r.explanation).toContain('no south grid value for 2021');
  });

  it('serves non-average scopes nationally even when a region is given', () => {
    const r = gridFactor({ year: 2023, purpose: 'statistical', scope: 'fossil', regionCode: '44' });
    expect(r.factor.value).toBe(0.8273);
    expect(r.exact).toBe(false);
  });

  it('never falls back to another year, and rejects malformed region codes', () => {
    expect(codeOf(() => gridFactor({ year: 2020, purpose: 'statistical' }))).toBe('GM_COEFFICIENT_NOT_FOUND');
    expect(codeOf(() => gridFactor({ year: 2024, purpose: 'statistical', regionCode: '44' }))).toBe(
      'GM_COEFFICIENT_NOT_FOUND',
    );
    expect(codeOf(() => gridFactor({ year: 2023, purpose: 'statistical', regionCode: '4403' }))).toBe(
      'GM_VALIDATION',
    );
    expect(codeOf(() => gridFactor({ year: 2023.5, purpose: 'statistical' }))).toBe('GM_VALIDATION');
    expect(codeOf(() => gridFactorById('nope'))).toBe('GM_COEFFICIENT_NOT_FOUND');
  });
});

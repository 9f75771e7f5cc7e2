import { describe, expect, it } from 'vitest';
import { isGmError } from '../errors.ts';
import { gj, kwh, mwh } from '../units/quantity.ts';
import { scope2Co2 } from './scope2-co2.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isGmError(error) ? error.code : 'not-a-GmError';
  }
  return undefined;
}

describe('scope2Co2', () => {
  it('uses the Guangdong 2023 provincial factor', () => {
    // 1,000,000 kWh × 0.4419 kgCO2/kWh = 441,900 kgCO2 = 441.9 tCO2
    const r = scope2Co2({
      electricity: kwh(1_000_000),
      factor: { year: 2023, purpose: 'statistical', regionCode: '44' },
    });
    expect(r.total.value).toBeCloseTo(441.9, 9);
    expect(r.electricity.resolution.factor.id).toBe('statistical/provincial/44/2023');
    expect(r.electricity.resolution.exact).toBe(true);
    expect(r.usesUnverified).toBe(false);
  });

  it('falls back to national when the province has no value and no grid mapping, and says so', () => {
    // Tibet (54), 2023: 1,000 MWh = 1,000,000 kWh × 0.5306 (national 2023) = 530,600 kgCO2 = 530.6 tCO2
    const r = scope2Co2({
      electricity: mwh(1000),
      factor: { year: 2023, purpose: 'statistical', regionCode: '54' },
    });
    expect(r.total.value).toBeCloseTo(530.6, 9);
    expect(r.electricity.resolution.level).toBe('national');
    expect(r.electricity.resolution.explanation).toContain('national average factor, data year 2023');
    expect(r.electricity.resolution.explanation).toContain('no provincial value for 54 in 2023');
  });

  it('marks a regional fallback through the [U] province-to-grid mapping as unverified', () => {
    // Guangdong 2022 (no provincial value): South grid 0.3869 → 1,000,000 × 0.3869 = 386.9 tCO2
    const r = scope2Co2({
      electricity: kwh(1_000_000),
      factor: { year: 2022, purpose: 'statistical', regionCode: '44' },
    });
    expect(r.total.value).toBeCloseTo(386.9, 9);
    expect(r.usesUnverified).toBe(true);
  });

  it('applies a carbon-market default chosen by id or year', () => {
    // 1,000,000 kWh × 0.5703 = 570.3 tCO2; × 0.6101 = 610.1 tCO2
    expect(
      scope2Co2({ electricity: kwh(1_000_000), factor: { year: 2022, purpose: 'carbon-market' } }).total
        .value,
    ).toBeCloseTo(570.3, 9);
    expect(
      scope2Co2({ electricity: kwh(1_000_000), factor: { id: 'carbon-market/power-guideline-default' } })
        .total.value,
    ).toBeCloseTo(610.1, 9);
  });

  it('adds purchased heat with a supplied factor', () => {
    // electricity 1,000,000 kWh × 0.5306 = 530.6 tCO2; heat 1,000 GJ × 0.11 tCO2/GJ (supplied) = 110 tCO2; total 640.6
    const r = scope2Co2({
      electricity: kwh(1_000_000),
      factor: { year: 2023, purpose: 'statistical' },
      heat: gj(1000),
      heatFactor: {
        value: 0.11,
        unit: 'tCO2/GJ',
        source: 'test fixture, not a real default',
        tag: 'U',
        verified: false,
      },
    });
    expect(r.heat?.co2.value).toBeCloseTo(110, 9);
    expect(r.total.value).toBeCloseTo(640.6, 9);
    expect(r.usesUnverified).toBe(true);
  });

  it('rejects bad input with stable codes', () => {
    const factor = { year: 2023, purpose: 'statistical' } as const;
    expect(codeOf(() => scope2Co2({ electricity: kwh(-1), factor }))).toBe('GM_VALIDATION');
    expect(codeOf(() => scope2Co2({ electricity: kwh(1), factor, heat: gj(1) }))).toBe(
      'GM_COEFFICIENT_NOT_FOUND',
    );
    expect(
      codeOf(() => scope2Co2({ electricity: kwh(1), factor: { year: 2020, purpose: 'statistical' } })),
    ).toBe('GM_COEFFICIENT_NOT_FOUND');
    expect(
      codeOf(() => scope2Co2({ electricity: kwh(1), factor: { year: 2023, purpose: 'product-footprint' } })),
    ).toBe('GM_VALIDATION');
    // @ts-expect-error electricity must be in kWh or MWh
    expect(codeOf(() => scope2Co2({ electricity: gj(1), factor }))).toBe('GM_UNIT_MISMATCH');
  });
});

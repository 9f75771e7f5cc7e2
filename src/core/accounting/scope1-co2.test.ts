import { describe, expect, it } from 'vitest';
import { isGmError } from '../errors.ts';
import type { Fuel } from '../standards/coefficients/fuel-factors.ts';
import { kg, kwh, m3, nm3, t, wanNm3 } from '../units/quantity.ts';
import { scope1Co2 } from './scope1-co2.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isGmError(error) ? error.code : 'not-a-GmError';
  }
  return undefined;
}

describe('scope1Co2', () => {
  it('computes natural gas CO2 as in domain.md §6.3', () => {
    // 100,000 Nm3 = 10 × 10^4 Nm3; 389.31 × 0.0153 × 0.99 × 44/12 = 21.62189 tCO2 per 10^4 Nm3; × 10 = 216.2189 tCO2
    const r = scope1Co2([{ fuel: 'natural-gas', quantity: nm3(100_000) }]);
    expect(r.total.value).toBeCloseTo(216.2189, 4);
    expect(r.total.unit).toBe('tCO2');
    expect(r.lines[0]?.activity).toEqual(wanNm3(10));
    expect(r.usesUnverified).toBe(false);
  });

  it('adds coal by mass and excludes feedstock carbon that is not combusted', () => {
    // bituminous coal 100 t: 100 × 23.204 × 0.02618 × 0.93 × 44/12 = 207.15093 tCO2
    // natural gas 10 × 10^4 Nm3: 216.21888 tCO2
    // coke 50 t used as feedstock: excluded (0)
    // total = 207.15093 + 216.21888 = 423.36981 tCO2
    const r = scope1Co2([
      { fuel: 'bituminous-coal', quantity: kg(100_000) },
      { fuel: 'natural-gas', quantity: wanNm3(10) },
      { fuel: 'coke', quantity: t(50), use: 'feedstock' },
    ]);
    expect(r.lines[0]?.co2.value).toBeCloseTo(207.15093, 5);
    expect(r.lines[2]?.co2.value).toBe(0);
    expect(r.lines[2]?.use).toBe('feedstock');
    expect(r.total.value).toBeCloseTo(423.36981, 5);
  });

  it('flags a [U] oxidation rate only when that fuel is burnt', () => {
    expect(scope1Co2([{ fuel: 'coke-oven-gas', quantity: wanNm3(1) }]).usesUnverified).toBe(true);
    expect(scope1Co2([{ fuel: 'coke-oven-gas', quantity: wanNm3(1), use: 'feedstock' }]).usesUnverified).toBe(
      false,
    );
  });

  it('rejects bad input with stable codes', () => {
    expect(codeOf(() => scope1Co2([{ fuel: 'diesel', quantity: t(-1) }]))).toBe('GM_VALIDATION');
    expect(codeOf(() => scope1Co2([{ fuel: 'peat' as Fuel, quantity: t(1) }]))).toBe(
      'GM_COEFFICIENT_NOT_FOUND',
    );
    expect(codeOf(() => scope1Co2([{ fuel: 'natural-gas', quantity: t(1) }]))).toBe('GM_UNIT_MISMATCH');
    expect(codeOf(() => scope1Co2([{ fuel: 'natural-gas', quantity: m3(1) }]))).toBe('GM_UNIT_MISMATCH');
    expect(codeOf(() => scope1Co2([{ fuel: 'diesel', quantity: kwh(1) }]))).toBe('GM_UNIT_MISMATCH');
  });
});

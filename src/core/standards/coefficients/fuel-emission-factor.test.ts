import { describe, expect, it } from 'vitest';
import { isGmError } from '../../errors.ts';
import { fuelEmissionFactor } from './fuel-emission-factor.ts';
import type { Fuel } from './fuel-factors.ts';
import { fuelFactors } from './fuel-factors.ts';

describe('fuel emission factors', () => {
  it('derive natural gas as in domain.md §6.3', () => {
    // 389.31 GJ/10^4 Nm3 × 0.0153 tC/GJ = 5.956443 tC; × 0.99 = 5.89687857 tC; × 44/12 = 21.62189 tCO2 per 10^4 Nm3.
    const f = fuelEmissionFactor('natural-gas');
    expect(f.value).toBeCloseTo(21.62189, 5);
    expect(f.unit).toBe('tCO2/10^4 Nm3');
    expect(f.usesUnverified).toBe(false);
  });

  it('derive bituminous coal per tonne', () => {
    // 23.204 × 0.02618 = 0.60748072 tC/t; × 0.93 = 0.5649571 tC/t; × 44/12 = 2.0715094 tCO2/t.
    const f = fuelEmissionFactor('bituminous-coal');
    expect(f.value).toBeCloseTo(2.0715094, 6);
    expect(f.unit).toBe('tCO2/t');
  });

  it('flag the bracketed (typical) oxidation rates as unverified', () => {
    const unverified = (Object.keys(fuelFactors) as Fuel[]).filter(
      (fuel) => fuelEmissionFactor(fuel).usesUnverified,
    );
    expect(unverified.sort()).toEqual(
      [
        'blast-furnace-gas',
        'coke-oven-gas',
        'converter-gas',
        'naphtha',
        'petroleum-coke',
        'refinery-dry-gas',
      ].sort(),
    );
    for (const f of Object.values(fuelFactors)) {
      for (const p of [f.ncv, f.carbonContent, f.oxidationRate]) expect(p.verified).toBe(p.tag !== 'U');
    }
  });

  it('reject unknown fuels with GM_COEFFICIENT_NOT_FOUND', () => {
    try {
      fuelEmissionFactor('peat' as Fuel);
      expect.unreachable();
    } catch (error) {
      expect(isGmError(error) && error.code).toBe('GM_COEFFICIENT_NOT_FOUND');
    }
  });
});

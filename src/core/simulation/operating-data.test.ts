import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comprehensiveEnergy } from '../accounting/comprehensive-energy.ts';
import { quantity } from '../units/quantity.ts';
import { parseUnit } from '../units/unit-registry.ts';
import { industryProfiles, profileFor } from './industry-profiles.ts';
import { simulateFactoryYear, simulateParkYear } from './operating-data.ts';

const steelWorks = { id: 'fac_1', name: '某某钢铁有限公司', industryCode: null };

describe('simulated operating data', () => {
  it('is deterministic in seed, unit and year, and differs when any of them changes', () => {
    const a = simulateFactoryYear(steelWorks, 2024, 'seed-1');
    expect(simulateFactoryYear(steelWorks, 2024, 'seed-1')).toEqual(a);
    expect(simulateFactoryYear(steelWorks, 2024, 'seed-2').production).not.toBe(a.production);
    expect(simulateFactoryYear(steelWorks, 2023, 'seed-1').production).not.toBe(a.production);
    expect(simulateFactoryYear({ ...steelWorks, id: 'fac_2' }, 2024, 'seed-1').production).not.toBe(
      a.production,
    );
    expect(a.simulated).toBe(true);
  });

  it('picks a profile by industry code first, then by name, then falls back to general manufacturing', () => {
    expect(profileFor('31', '某公司').key).toBe('steel');
    expect(profileFor('3011', '某公司').key).toBe('cement');
    expect(profileFor(null, '某某水泥有限公司').key).toBe('cement');
    expect(profileFor('C', '某某钢铁有限公司').key).toBe('steel');
    expect(profileFor(null, '某某有限公司').key).toBe('general');
  });

  it('gives energy that accounts back (GB/T 2589) to the drawn intensity within the profile range', () => {
    for (const profile of industryProfiles) {
      const shares = Object.values(profile.energyMix).reduce((s, x) => s + (x ?? 0), 0);
      expect(shares).toBeCloseTo(1, 9);
    }
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2018, max: 2030 }),
        (id, year) => {
          const y = simulateFactoryYear({ ...steelWorks, id }, year, 'prop');
          const result = comprehensiveEnergy(
            y.energy.map((e) => ({
              medium: e.medium,
              role: 'purchased' as const,
              quantity: quantity(e.quantity, parseUnit(e.unit)),
            })),
          );
          const kgcePerT = (result.total.value * 1000) / y.production;
          // Steel profile draws 520-620 kgce/t; rounding of quantities moves it by far less than 1 kgce/t.
          expect(kgcePerT).toBeGreaterThan(519);
          expect(kgcePerT).toBeLessThan(621);
          expect(y.reusedWaterM3 / (y.reusedWaterM3 + y.freshWaterM3)).toBeGreaterThan(0.94);
          expect(y.solidWasteUsedT).toBeLessThanOrEqual(y.solidWasteT);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('simulates parks whose solid-waste use stays within their waste', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), (id) => {
        const p = simulateParkYear({ id }, 2024, 'prop');
        expect(p.solidWasteUsedT).toBeLessThanOrEqual(p.solidWasteT);
        expect(p.solidWasteUsedT / p.solidWasteT).toBeGreaterThan(0.87);
        expect(p.memberEnterprises).toBeGreaterThanOrEqual(30);
      }),
      { numRuns: 50 },
    );
  });
});

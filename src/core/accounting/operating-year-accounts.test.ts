import { describe, expect, it } from 'vitest';
import { accountOperatingYear } from './operating-year-accounts.ts';

describe('accountOperatingYear', () => {
  it('accounts a year of electricity and natural gas for a Guangdong plant (worked by hand)', () => {
    const accounts = accountOperatingYear(
      {
        year: 2023,
        production: 10_000,
        productUnit: 't',
        energy: [
          { medium: 'electricity', quantity: 1_000_000, unit: 'kWh' },
          { medium: 'natural-gas-gas-field', quantity: 100_000, unit: 'm3' },
        ],
      },
      '440300',
    );
    // Energy: 1,000,000 kWh x 0.1229 kgce/kWh = 122,900 kgce; 100,000 m3 x 1.2143 kgce/m3 = 121,430 kgce;
    // total 244,330 kgce = 244.33 tce; per tonne 244,330 / 10,000 = 24.433 kgce/t.
    expect(accounts.energyTce).toBeCloseTo(244.33, 6);
    expect(accounts.unitProductEnergy).toBeCloseTo(24.433, 6);
    expect(accounts.unitProductEnergyUnit).toBe('kgce/t');
    // Scope 2: 1,000 MWh x Guangdong 2023 provincial factor 0.4419 tCO2/MWh = 441.9 tCO2.
    expect(accounts.scope2TCo2).toBeCloseTo(441.9, 6);
    expect(accounts.gridFactor.value).toBe(0.4419);
    // Scope 1: 10 x 10^4 Nm3 x 389.31 GJ/10^4 Nm3 x 0.0153 tC/GJ x 0.99 x 44/12 = 216.2 tCO2.
    expect(accounts.scope1TCo2).toBeCloseTo((10 * 389.31 * 0.0153 * 0.99 * 44) / 12, 6);
    expect(accounts.carbonIntensity).toBeCloseTo((accounts.scope1TCo2 + 441.9) / 10_000, 9);
  });

  it('states the raw-coal assumption and falls back to the national grid factor where no provincial one exists', () => {
    const accounts = accountOperatingYear(
      {
        year: 2023,
        production: 1,
        productUnit: '10^4 yuan',
        energy: [
          { medium: 'raw-coal', quantity: 1, unit: 't' },
          { medium: 'electricity', quantity: 1000, unit: 'kWh' },
        ],
      },
      '540000',
    );
    expect(accounts.assumptions).toEqual(['raw coal accounted as bituminous coal for CO2']);
    // National average 2023 is 0.5306 tCO2/MWh; 1 MWh -> 0.5306 t.
    expect(accounts.scope2TCo2).toBeCloseTo(0.5306, 9);
    expect(accounts.gridFactor.explanation).toMatch(/national/);
    // 1 t bituminous coal: 23.204 GJ x 0.02618 x 0.93 x 44/12.
    expect(accounts.scope1TCo2).toBeCloseTo((23.204 * 0.02618 * 0.93 * 44) / 12, 9);
    expect(accounts.unitProductEnergyUnit).toBe('kgce/10^4 yuan');
  });
});

import { describe, expect, it } from 'vitest';
import { monthlyAccounts } from './monthly-accounts.ts';

describe('monthlyAccounts', () => {
  it('reads a gas meter in m3 as Nm3 for scope 1, as the yearly accounts do', () => {
    // 100 m3 of gas-field natural gas: 0.01 x 10^4 Nm3 x 389.31 GJ/10^4 Nm3 x 0.0153 tC/GJ x 0.99 x 44/12
    // = 0.2162188809 t CO2; energy 100 x 1.2143 kgce = 0.12143 tce.
    const r = monthlyAccounts([{ medium: 'natural-gas-gas-field', unit: 'm3', quantity: 100 }], 2023);
    expect(r.tco2).toBeCloseTo(0.2162188809, 9);
    expect(r.tce).toBeCloseTo(0.12143, 9);
    expect(r.notes.filter((n) => n.includes('not computed'))).toEqual([]);
  });

  it('gives the same CO2 for the same gas metered in Nm3', () => {
    const inM3 = monthlyAccounts([{ medium: 'natural-gas-gas-field', unit: 'm3', quantity: 250 }], 2023);
    const inNm3 = monthlyAccounts([{ medium: 'natural-gas-gas-field', unit: 'Nm3', quantity: 250 }], 2023);
    expect(inM3.tco2).toBeCloseTo(inNm3.tco2 as number, 12);
  });
});

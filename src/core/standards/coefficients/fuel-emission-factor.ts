import { GmError } from '../../errors.ts';
import { fuelFactors } from './fuel-factors.ts';
import type { Fuel, FuelFactor } from './fuel-factors.ts';

/** The molar-mass ratio of CO2 to C (44/12), by which carbon is converted to carbon dioxide. */
export const co2PerCarbon = 44 / 12;

/** A derived fuel emission factor with the parameters it was computed from. */
export interface FuelEmissionFactor {
  readonly fuel: Fuel;
  /** tCO2 per basis unit of the fuel (t, or 10^4 Nm3 for gases). */
  readonly value: number;
  readonly unit: 'tCO2/t' | 'tCO2/10^4 Nm3';
  readonly parameters: FuelFactor;
  readonly usesUnverified: boolean;
}

/** Tells whether a string names a fuel of the default parameter table. */
export function isFuel(value: string): value is Fuel {
  return Object.hasOwn(fuelFactors, value);
}

/**
 * Derives a fuel's CO2 emission factor per physical unit as NCV × CC × OF × 44/12 (the method of the
 * NDRC industry GHG accounting guidelines, domain.md §6.3); e.g. natural gas 389.31 × 0.0153 × 0.99 ×
 * 44/12 ≈ 21.62 tCO2 per 10^4 Nm3.
 */
export function fuelEmissionFactor(
  fuel: Fuel,
  factors: { readonly [F in Fuel]: FuelFactor } = fuelFactors,
): FuelEmissionFactor {
  if (!isFuel(fuel)) {
    throw new GmError('GM_COEFFICIENT_NOT_FOUND', `No fuel parameters for "${String(fuel)}"`, {
      fuel,
      available: Object.keys(factors),
    });
  }
  const parameters = factors[fuel];
  const { ncv, carbonContent, oxidationRate } = parameters;
  return {
    fuel,
    value: ncv.value * carbonContent.value * oxidationRate.value * co2PerCarbon,
    unit: parameters.basisUnit === 't' ? 'tCO2/t' : 'tCO2/10^4 Nm3',
    parameters,
    usesUnverified: !ncv.verified || !carbonContent.verified || !oxidationRate.verified,
  };
}

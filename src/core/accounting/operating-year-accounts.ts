import type { EnergyMedium } from '../standards/coefficients/energy-conversion-coefficients.ts';
import type { Fuel } from '../standards/coefficients/fuel-factors.ts';
import { quantity } from '../units/quantity.ts';
import { parseUnit, type Unit } from '../units/unit-registry.ts';
import { comprehensiveEnergy } from './comprehensive-energy.ts';
import { scope1Co2 } from './scope1-co2.ts';
import { scope2Co2 } from './scope2-co2.ts';

/**
 * Which fuel of the GHG accounting guidelines each GB/T 2589 medium burns as (domain.md §6.3).
 * Raw coal is not in it: its factor depends on its rank, so a caller that accounts raw coal must
 * say which coal it assumes (see `rawCoalAssumedAs`).
 */
/**
 * A fuel's quantity for the scope 1 factors. GB/T 2589 gives gases per m3 at its reference state;
 * the guidelines per Nm3. They are taken as the same volume, as comprehensiveEnergy does (see its
 * note on Nm3), so a gas metered in m3 is read as Nm3.
 */
export function fuelQuantity(value: number, unit: Unit) {
  return quantity(value, unit === 'm3' ? 'Nm3' : unit);
}

export const fuelOfMedium: Readonly<Partial<Record<EnergyMedium, Fuel>>> = {
  'washed-coal': 'washed-clean-coal',
  coke: 'coke',
  'crude-oil': 'crude-oil',
  'fuel-oil': 'fuel-oil',
  gasoline: 'gasoline',
  kerosene: 'kerosene',
  diesel: 'diesel',
  lpg: 'lpg',
  'refinery-dry-gas': 'refinery-dry-gas',
  'natural-gas-oil-field': 'natural-gas',
  'natural-gas-gas-field': 'natural-gas',
  'coke-oven-gas': 'coke-oven-gas',
  'blast-furnace-gas': 'blast-furnace-gas',
};

/** The coal the operating-year accounts take raw coal as: bituminous, the common steam coal (stated in the result). */
export const rawCoalAssumedAs: Fuel = 'bituminous-coal';

/** A year of purchased energy by medium, in the physical units of the GB/T 2589 table. */
export interface OperatingYearEnergy {
  readonly year: number;
  readonly production: number;
  readonly productUnit: string;
  readonly energy: readonly {
    readonly medium: EnergyMedium;
    readonly quantity: number;
    readonly unit: string;
  }[];
}

/** The energy and carbon accounts of one year of one factory. */
export interface OperatingYearAccounts {
  readonly year: number;
  readonly energyTce: number;
  readonly byMedium: readonly { readonly medium: EnergyMedium; readonly tce: number }[];
  /** kgce per unit of production. */
  readonly unitProductEnergy: number;
  readonly unitProductEnergyUnit: string;
  readonly scope1TCo2: number;
  readonly scope2TCo2: number;
  readonly carbonIntensity: number;
  readonly gridFactor: { readonly value: number; readonly explanation: string };
  readonly usesUnverified: boolean;
  readonly assumptions: readonly string[];
}

/**
 * Accounts one operating year: comprehensive energy (GB/T 2589-2020, electricity at the equivalent
 * value), unit-product energy, scope 1 CO2 from the fuels and scope 2 CO2 from purchased
 * electricity at the province's statistical grid factor of that year (with its fallback stated).
 */
export function accountOperatingYear(
  input: OperatingYearEnergy,
  regionCode: string | null,
): OperatingYearAccounts {
  const entries = input.energy.map((e) => ({
    medium: e.medium,
    role: 'purchased' as const,
    quantity: quantity(e.quantity, parseUnit(e.unit)),
  }));
  const energy = comprehensiveEnergy(entries);
  const assumptions: string[] = [];
  const fuels = input.energy.flatMap((e) => {
    const fuel = e.medium === 'raw-coal' ? rawCoalAssumedAs : fuelOfMedium[e.medium];
    if (!fuel) return [];
    if (e.medium === 'raw-coal') assumptions.push('raw coal accounted as bituminous coal for CO2');
    return [{ fuel, quantity: fuelQuantity(e.quantity, parseUnit(e.unit)) }];
  });
  const scope1 = scope1Co2(fuels);
  const kwh = input.energy.filter((e) => e.medium === 'electricity').reduce((s, e) => s + e.quantity, 0);
  const scope2 = scope2Co2({
    electricity: quantity(kwh, 'kWh'),
    factor: { year: input.year, purpose: 'statistical', ...(regionCode ? { regionCode } : {}) },
  });
  // Per unit of whatever production is counted in: t, unit, 10^4 yuan, weight box (GB 21340).
  const perUnit = `kgce/${input.productUnit}`;
  const tco2 = scope1.total.value + scope2.total.value;
  return {
    year: input.year,
    energyTce: energy.total.value,
    byMedium: energy.byMedium.map((m) => ({ medium: m.medium, tce: m.net.value })),
    unitProductEnergy: (energy.total.value * 1000) / input.production,
    unitProductEnergyUnit: perUnit,
    scope1TCo2: scope1.total.value,
    scope2TCo2: scope2.total.value,
    carbonIntensity: tco2 / input.production,
    gridFactor: {
      value: scope2.electricity.resolution.factor.value,
      explanation: scope2.electricity.resolution.explanation,
    },
    usesUnverified: energy.usesUnverified || scope1.usesUnverified || scope2.usesUnverified,
    assumptions: [...new Set(assumptions)],
  };
}

import { comprehensiveEnergy } from '../accounting/comprehensive-energy.ts';
import { fuelOfMedium, fuelQuantity } from '../accounting/operating-year-accounts.ts';
import { scope1Co2 } from '../accounting/scope1-co2.ts';
import { scope2Co2 } from '../accounting/scope2-co2.ts';
import { isGmError } from '../errors.ts';
import type { EnergyMedium } from '../standards/coefficients/energy-conversion-coefficients.ts';
import { quantity } from '../units/quantity.ts';
import type { Unit } from '../units/unit-registry.ts';

/** One medium's metered use of a factory over a month. */
export interface MonthlyUse {
  readonly medium: EnergyMedium;
  readonly unit: Unit;
  readonly quantity: number;
}

/** A factory-month's energy in tce and CO2 in t, from its metered use, with what was left out and why. */
export interface MonthlyAccounts {
  readonly tce: number | null;
  readonly tco2: number | null;
  readonly byMedium: readonly { medium: EnergyMedium; unit: Unit; quantity: number; tce: number | null }[];
  readonly coefficientSet: string | null;
  readonly notes: readonly string[];
}

// Media with no single fuel (raw coal, whose factor depends on its rank; steam, heat and working
// media) are reported in notes, not guessed: fuelOfMedium leaves them out.
const fuelOf = fuelOfMedium;

const message = (e: unknown) => (isGmError(e) || e instanceof Error ? e.message : String(e));

/**
 * Converts a factory-month's metered use by medium into comprehensive energy (tce, GB/T 2589-2020
 * equivalent values, every medium counted as purchased) and CO2 (scope 1 for fuels with an NDRC
 * default factor, scope 2 for electricity with the statistical grid factor of the month's year and
 * the factory's province when known), through the accounting core.
 */
export function monthlyAccounts(
  uses: readonly MonthlyUse[],
  year: number,
  regionCode?: string,
): MonthlyAccounts {
  const notes: string[] = [];
  let tce: number | null = null;
  let coefficientSet: string | null = null;
  const perMedium = new Map<number, number>();
  if (uses.length > 0) {
    try {
      const result = comprehensiveEnergy(
        uses.map((u) => ({ medium: u.medium, role: 'purchased', quantity: quantity(u.quantity, u.unit) })),
      );
      tce = result.total.value;
      coefficientSet = result.coefficientSet;
      for (const line of result.lines) perMedium.set(line.index, line.tce.value);
      notes.push(...result.notes);
    } catch (e) {
      notes.push(`tce not computed: ${message(e)}`);
    }
  }
  let tco2: number | null = 0;
  const fuels = uses.flatMap((u) => {
    const fuel = fuelOf[u.medium];
    return fuel ? [{ fuel, quantity: fuelQuantity(u.quantity, u.unit) }] : [];
  });
  if (fuels.length > 0) {
    try {
      tco2 += scope1Co2(fuels).total.value;
    } catch (e) {
      tco2 = null;
      notes.push(`scope 1 CO2 not computed: ${message(e)}`);
    }
  }
  const electricity = uses.filter((u) => u.medium === 'electricity');
  for (const u of electricity) {
    if (u.unit !== 'kWh' && u.unit !== 'MWh') continue;
    try {
      const r = scope2Co2({
        electricity: quantity<'kWh' | 'MWh'>(u.quantity, u.unit),
        factor: { year, purpose: 'statistical', ...(regionCode ? { regionCode } : {}) },
      });
      if (tco2 !== null) tco2 += r.total.value;
      notes.push(r.electricity.resolution.explanation);
    } catch (e) {
      tco2 = null;
      notes.push(`scope 2 CO2 not computed: ${message(e)}`);
    }
  }
  for (const u of uses)
    if (!fuelOf[u.medium] && u.medium !== 'electricity')
      notes.push(`${u.medium}: no CO2 factor is applied to this medium here (not a fuel of the NDRC table)`);
  return {
    tce,
    tco2: uses.length === 0 ? null : tco2,
    byMedium: uses.map((u, i) => ({ ...u, tce: perMedium.get(i) ?? null })),
    coefficientSet,
    notes,
  };
}

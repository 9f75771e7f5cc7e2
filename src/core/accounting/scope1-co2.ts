import { GmError, validationError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';
import { fuelEmissionFactor, isFuel } from '../standards/coefficients/fuel-emission-factor.ts';
import type { FuelEmissionFactor } from '../standards/coefficients/fuel-emission-factor.ts';
import type { Fuel } from '../standards/coefficients/fuel-factors.ts';
import { convertUnit } from '../units/convert-unit.ts';
import { sum, tco2 } from '../units/quantity.ts';
import type { Quantity } from '../units/quantity.ts';
import { unitDimension } from '../units/unit-registry.ts';
import type { Unit } from '../units/unit-registry.ts';

/** Whether a fuel is burnt, or used as feedstock whose carbon is not combusted (and so not emitted here). */
export type FuelUse = 'combustion' | 'feedstock';

/** One fuel flow of the accounting unit. */
export interface FuelEntry {
  readonly fuel: Fuel;
  readonly quantity: Quantity<Unit>;
  /** Defaults to 'combustion'. */
  readonly use?: FuelUse;
  readonly label?: string;
}

/** One fuel line with the factor used. */
export interface Scope1Line {
  readonly index: number;
  readonly fuel: Fuel;
  readonly use: FuelUse;
  readonly quantity: Quantity<Unit>;
  /** The quantity in the unit the NCV is given per (t, or 10^4 Nm3). */
  readonly activity: Quantity<'t' | '10^4 Nm3'>;
  readonly factor: FuelEmissionFactor;
  /** Zero for feedstock lines, which are listed but excluded. */
  readonly co2: Quantity<'tCO2'>;
}

/** Direct CO2 from fuel combustion. */
export interface Scope1Result {
  readonly total: Quantity<'tCO2'>;
  readonly lines: readonly Scope1Line[];
  /** True when a [U] parameter (a bracketed oxidation rate) entered the total. */
  readonly usesUnverified: boolean;
}

function activityOf(entry: FuelEntry, factor: FuelEmissionFactor, field: string): Quantity<'t' | '10^4 Nm3'> {
  const basis = factor.parameters.basisUnit;
  if (basis === 't' && unitDimension(entry.quantity.unit) === 'mass') return convertUnit(entry.quantity, 't');
  if (basis === '10^4 Nm3' && unitDimension(entry.quantity.unit) === 'normal-volume')
    return convertUnit(entry.quantity, '10^4 Nm3');
  const expected = basis === 't' ? 'a mass (t or kg)' : 'a normal gas volume (Nm3 or 10^4 Nm3)';
  throw new GmError(
    'GM_UNIT_MISMATCH',
    `${field}: ${entry.quantity.unit} does not fit ${entry.fuel}, which needs ${expected}`,
    {
      field,
      fuel: entry.fuel,
      expected: basis,
      actual: entry.quantity.unit,
    },
  );
}

/**
 * Scope 1 CO2 from fuel combustion: Σ AD × NCV × CC × OF × 44/12 with the default parameters of the
 * NDRC industry guidelines (domain.md §6.3); feedstock whose carbon is not combusted is excluded.
 */
export function scope1Co2(entries: readonly FuelEntry[]): Scope1Result {
  const issues: FieldIssue[] = [];
  entries.forEach((entry, i) => {
    if (!Number.isFinite(entry.quantity.value) || entry.quantity.value < 0) {
      issues.push({
        field: `entries[${i}].quantity`,
        message: 'must be a finite quantity of at least 0',
        value: entry.quantity.value,
      });
    }
    if (entry.use !== undefined && entry.use !== 'combustion' && entry.use !== 'feedstock') {
      issues.push({
        field: `entries[${i}].use`,
        message: "must be 'combustion' or 'feedstock'",
        value: entry.use,
      });
    }
  });
  if (issues.length > 0) throw validationError(issues, 'fuel entries');

  const lines = entries.map((entry, index): Scope1Line => {
    if (!isFuel(entry.fuel)) {
      throw new GmError('GM_COEFFICIENT_NOT_FOUND', `No fuel parameters for "${String(entry.fuel)}"`, {
        field: `entries[${index}].fuel`,
        fuel: entry.fuel,
      });
    }
    const factor = fuelEmissionFactor(entry.fuel);
    const activity = activityOf(entry, factor, `entries[${index}].quantity`);
    const use = entry.use ?? 'combustion';
    return {
      index,
      fuel: entry.fuel,
      use,
      quantity: entry.quantity,
      activity,
      factor,
      co2: tco2(use === 'combustion' ? activity.value * factor.value : 0),
    };
  });
  return {
    total: sum(
      'tCO2',
      lines.map((l) => l.co2),
    ),
    lines,
    usesUnverified: lines.some((l) => l.use === 'combustion' && l.factor.usesUnverified),
  };
}

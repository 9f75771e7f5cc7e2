import { validationError } from '../errors.ts';
import { convertUnit, tceToKgce } from '../units/convert-unit.ts';
import type { Quantity } from '../units/quantity.ts';
import { unitDimension } from '../units/unit-registry.ts';
import type { Unit } from '../units/unit-registry.ts';

/** Energy per unit of product, e.g. kgce/t as the energy-consumption quota standards state it. */
export interface UnitProductEnergy {
  readonly value: number;
  readonly unit: `kgce/${Unit}`;
  readonly total: Quantity<'tce'>;
  readonly production: Quantity<Unit>;
}

/**
 * Unit product energy consumption: comprehensive energy (tce) over the output, in kgce per unit of
 * product; output by mass is expressed per tonne, since quota standards state kgce/t. The total may be
 * negative (a process that supplies more energy than it takes, such as converter steelmaking).
 */
export function unitProductEnergy(total: Quantity<'tce'>, production: Quantity<Unit>): UnitProductEnergy {
  if (!Number.isFinite(production.value) || production.value <= 0) {
    throw validationError(
      [{ field: 'production', message: 'must be a positive quantity', value: production.value }],
      'production',
    );
  }
  if (unitDimension(production.unit) === 'coal-equivalent') {
    throw validationError(
      [
        {
          field: 'production.unit',
          message: 'production cannot be in coal equivalent',
          value: production.unit,
        },
      ],
      'production',
    );
  }
  const output = unitDimension(production.unit) === 'mass' ? convertUnit(production, 't') : production;
  return {
    value: tceToKgce(total).value / output.value,
    unit: `kgce/${output.unit}`,
    total,
    production,
  };
}

import { GmError } from '../errors.ts';
import type { EnergyMediumCoefficient } from '../standards/coefficients/energy-conversion-coefficients.ts';
import { convertUnit } from '../units/convert-unit.ts';
import type { Quantity } from '../units/quantity.ts';
import { unitDimension } from '../units/unit-registry.ts';
import type { Unit } from '../units/unit-registry.ts';

/** The note recorded when normal cubic metres are read as the m³ of the GB/T 2589 table. */
export const normalVolumeNote =
  'Gas volumes given in Nm³ were read as the m³ (at the reference state) of the GB/T 2589-2020 table; ' +
  'check the reference state (0 °C or 20 °C) of the metering before relying on the last percent.';

/**
 * Expresses an entry's quantity in the unit a medium's coefficient is per (same dimension, by the exact
 * unit ratios); for gaseous media Nm³ is read as the table's m³, with a note. Anything else fails with
 * GM_UNIT_MISMATCH naming the field.
 */
export function quantityIn(
  q: Quantity<Unit>,
  target: Unit,
  medium: Pick<EnergyMediumCoefficient, 'medium' | 'gaseous'>,
  field: string,
): { readonly value: number; readonly note?: string } {
  if (unitDimension(q.unit) === unitDimension(target)) return { value: convertUnit(q, target).value };
  if (medium.gaseous && target === 'm3' && unitDimension(q.unit) === 'normal-volume') {
    return { value: convertUnit(q, 'Nm3').value, note: normalVolumeNote };
  }
  throw new GmError(
    'GM_UNIT_MISMATCH',
    `${field}: ${q.unit} does not fit ${medium.medium}, which is measured in ${target}`,
    {
      field,
      medium: medium.medium,
      expected: target,
      actual: q.unit,
    },
  );
}

import { GmError } from '../errors.ts';
import { quantity } from './quantity.ts';
import type { Quantity } from './quantity.ts';
import { unitRegistry } from './unit-registry.ts';
import type { DimensionOf, Unit, UnitOf } from './unit-registry.ts';

/**
 * Converts a quantity to another unit of the same dimension by the registry's exact decimal ratios
 * (no coefficient is involved: kWh <-> MWh, kgce <-> tce, kg <-> t, kJ/MJ/GJ, Nm3 <-> 10^4 Nm3,
 * kgCO2 <-> tCO2); fails with GM_UNIT_MISMATCH across dimensions.
 */
export function convertUnit<U extends Unit, To extends UnitOf<DimensionOf<U>>>(
  q: Quantity<U>,
  to: To,
): Quantity<To> {
  const from = unitRegistry[q.unit];
  const target = unitRegistry[to];
  if (from.dimension !== target.dimension) {
    throw new GmError(
      'GM_UNIT_MISMATCH',
      `cannot convert ${q.unit} (${from.dimension}) to ${to} (${target.dimension})`,
      {
        from: q.unit,
        to,
      },
    );
  }
  // Multiply or divide by the integer ratio, never by its reciprocal: 1/1000 is not exact in binary.
  const value =
    from.toBase >= target.toBase
      ? q.value * (from.toBase / target.toBase)
      : q.value / (target.toBase / from.toBase);
  return quantity(value, to);
}

/** Kilowatt-hours to megawatt-hours (1 MWh = 1,000 kWh). */
export function kwhToMwh(q: Quantity<'kWh'>): Quantity<'MWh'> {
  return convertUnit(q, 'MWh');
}
/** Megawatt-hours to kilowatt-hours (1 MWh = 1,000 kWh). */
export function mwhToKwh(q: Quantity<'MWh'>): Quantity<'kWh'> {
  return convertUnit(q, 'kWh');
}
/** Kilograms of coal equivalent to tonnes of coal equivalent (1 tce = 1,000 kgce). */
export function kgceToTce(q: Quantity<'kgce'>): Quantity<'tce'> {
  return convertUnit(q, 'tce');
}
/** Tonnes of coal equivalent to kilograms of coal equivalent (1 tce = 1,000 kgce). */
export function tceToKgce(q: Quantity<'tce'>): Quantity<'kgce'> {
  return convertUnit(q, 'kgce');
}
/** Kilograms to tonnes. */
export function kgToT(q: Quantity<'kg'>): Quantity<'t'> {
  return convertUnit(q, 't');
}
/** Tonnes to kilograms. */
export function tToKg(q: Quantity<'t'>): Quantity<'kg'> {
  return convertUnit(q, 'kg');
}
/** Megajoules to gigajoules. */
export function mjToGj(q: Quantity<'MJ'>): Quantity<'GJ'> {
  return convertUnit(q, 'GJ');
}
/** Gigajoules to megajoules. */
export function gjToMj(q: Quantity<'GJ'>): Quantity<'MJ'> {
  return convertUnit(q, 'MJ');
}
/** Normal cubic metres to ten-thousands of normal cubic metres (万Nm³). */
export function nm3ToWanNm3(q: Quantity<'Nm3'>): Quantity<'10^4 Nm3'> {
  return convertUnit(q, '10^4 Nm3');
}
/** Ten-thousands of normal cubic metres (万Nm³) to normal cubic metres. */
export function wanNm3ToNm3(q: Quantity<'10^4 Nm3'>): Quantity<'Nm3'> {
  return convertUnit(q, 'Nm3');
}
/** Kilograms of CO2 to tonnes of CO2. */
export function kgco2ToTco2(q: Quantity<'kgCO2'>): Quantity<'tCO2'> {
  return convertUnit(q, 'tCO2');
}
/** Tonnes of CO2 to kilograms of CO2. */
export function tco2ToKgco2(q: Quantity<'tCO2'>): Quantity<'kgCO2'> {
  return convertUnit(q, 'kgCO2');
}

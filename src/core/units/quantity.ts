import { GmError, validationError } from '../errors.ts';
import { isUnit } from './unit-registry.ts';
import type { Unit } from './unit-registry.ts';

declare const quantityBrand: unique symbol;

/**
 * A number tagged with its unit. The brand carries the unit string, so a Quantity<'kWh'> cannot be
 * passed where a Quantity<'tce'> is expected, and object literals cannot forge one: build quantities
 * with `quantity()` or the named constructors below.
 */
export interface Quantity<U extends Unit> {
  readonly value: number;
  readonly unit: U;
  readonly [quantityBrand]: U;
}

/** Builds a quantity of a finite value in a known unit; the single place where quantities are made. */
export function quantity<U extends Unit>(value: number, unit: U): Quantity<U> {
  if (!isUnit(unit)) {
    throw validationError(
      [{ field: 'unit', message: `unknown unit "${String(unit)}"`, value: unit }],
      'quantity',
    );
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw validationError([{ field: 'value', message: 'must be a finite number', value }], 'quantity');
  }
  // Normalise -0 so that results print and compare as 0.
  return Object.freeze({ value: value === 0 ? 0 : value, unit }) as Quantity<U>;
}

/** Electricity in kilowatt-hours. */
export function kwh(value: number): Quantity<'kWh'> {
  return quantity(value, 'kWh');
}
/** Electricity in megawatt-hours. */
export function mwh(value: number): Quantity<'MWh'> {
  return quantity(value, 'MWh');
}
/** Heat in kilojoules. */
export function kj(value: number): Quantity<'kJ'> {
  return quantity(value, 'kJ');
}
/** Heat in megajoules. */
export function mj(value: number): Quantity<'MJ'> {
  return quantity(value, 'MJ');
}
/** Heat in gigajoules. */
export function gj(value: number): Quantity<'GJ'> {
  return quantity(value, 'GJ');
}
/** Energy in kilograms of coal equivalent (1 kgce = 29,307 kJ, GB/T 2589-2020). */
export function kgce(value: number): Quantity<'kgce'> {
  return quantity(value, 'kgce');
}
/** Energy in tonnes of coal equivalent (1 tce = 1,000 kgce). */
export function tce(value: number): Quantity<'tce'> {
  return quantity(value, 'tce');
}
/** Mass in kilograms. */
export function kg(value: number): Quantity<'kg'> {
  return quantity(value, 'kg');
}
/** Mass in tonnes. */
export function t(value: number): Quantity<'t'> {
  return quantity(value, 't');
}
/** Volume in cubic metres, at the state the source states. */
export function m3(value: number): Quantity<'m3'> {
  return quantity(value, 'm3');
}
/** Gas volume in normal cubic metres. */
export function nm3(value: number): Quantity<'Nm3'> {
  return quantity(value, 'Nm3');
}
/** Gas volume in ten-thousands of normal cubic metres (万Nm³), the unit of the NDRC fuel factors. */
export function wanNm3(value: number): Quantity<'10^4 Nm3'> {
  return quantity(value, '10^4 Nm3');
}
/** Carbon dioxide in kilograms. */
export function kgco2(value: number): Quantity<'kgCO2'> {
  return quantity(value, 'kgCO2');
}
/** Carbon dioxide in tonnes. */
export function tco2(value: number): Quantity<'tCO2'> {
  return quantity(value, 'tCO2');
}
/** Greenhouse gases in kilograms of CO2 equivalent. */
export function kgco2e(value: number): Quantity<'kgCO2e'> {
  return quantity(value, 'kgCO2e');
}
/** Greenhouse gases in tonnes of CO2 equivalent. */
export function tco2e(value: number): Quantity<'tCO2e'> {
  return quantity(value, 'tCO2e');
}

/** Tells whether a quantity is in the given unit, narrowing its type. */
export function hasUnit<U extends Unit>(q: Quantity<Unit>, unit: U): q is Quantity<U> {
  return q.unit === unit;
}

/** Returns the quantity typed in the expected unit, or fails with GM_UNIT_MISMATCH (for parsed input). */
export function expectUnit<U extends Unit>(q: Quantity<Unit>, unit: U, field = 'quantity'): Quantity<U> {
  if (hasUnit(q, unit)) return q;
  throw new GmError('GM_UNIT_MISMATCH', `${field}: expected a quantity in ${unit}, got ${q.unit}`, {
    field,
    expected: unit,
    actual: q.unit,
  });
}

function assertSameUnit(a: Quantity<Unit>, b: Quantity<Unit>, operation: string): void {
  if (a.unit !== b.unit) {
    throw new GmError(
      'GM_UNIT_MISMATCH',
      `cannot ${operation} ${b.unit} and ${a.unit}; convert explicitly first`,
      {
        operation,
        left: a.unit,
        right: b.unit,
      },
    );
  }
}

/** Adds two quantities of the same unit (checked at compile time, and again at run time for parsed input). */
export function add<U extends Unit>(a: Quantity<U>, b: Quantity<NoInfer<U>>): Quantity<U> {
  assertSameUnit(a, b, 'add');
  return quantity(a.value + b.value, a.unit);
}

/** Subtracts b from a, both in the same unit. */
export function sub<U extends Unit>(a: Quantity<U>, b: Quantity<NoInfer<U>>): Quantity<U> {
  assertSameUnit(a, b, 'subtract');
  return quantity(a.value - b.value, a.unit);
}

/** Multiplies a quantity by a dimensionless factor, keeping its unit. */
export function scale<U extends Unit>(q: Quantity<U>, factor: number): Quantity<U> {
  if (!Number.isFinite(factor)) {
    throw validationError(
      [{ field: 'factor', message: 'must be a finite number', value: factor }],
      'scale factor',
    );
  }
  return quantity(q.value * factor, q.unit);
}

/**
 * Sums quantities of one unit; the unit is given so that an empty list sums to zero in that unit.
 * Uses Neumaier compensated summation, so long ledgers do not drift with the order of their lines.
 */
export function sum<U extends Unit>(unit: U, items: readonly Quantity<NoInfer<U>>[]): Quantity<U> {
  let total = 0;
  let compensation = 0;
  for (const item of items) {
    if (item.unit !== unit) {
      throw new GmError(
        'GM_UNIT_MISMATCH',
        `cannot sum ${item.unit} into ${unit}; convert explicitly first`,
        {
          operation: 'sum',
          expected: unit,
          actual: item.unit,
        },
      );
    }
    const next = total + item.value;
    compensation +=
      Math.abs(total) >= Math.abs(item.value) ? total - next + item.value : item.value - next + total;
    total = next;
  }
  return quantity(total + compensation, unit);
}

import { validationError } from '../errors.ts';
import { quantity } from './quantity.ts';
import type { Quantity } from './quantity.ts';
import type { Unit } from './unit-registry.ts';

/**
 * How a trailing 5 is rounded. 'half-even' is the rule of GB/T 8170-2008 (数值修约规则: a dropped 5
 * with nothing after it rounds the kept digit to even); 'half-up' rounds it away from zero, as
 * spreadsheets do. The GB/T 8170 reading is from background knowledge, not from domain.md.
 */
export type RoundingMode = 'half-even' | 'half-up';

/**
 * Rounds a number to an explicit count of decimals (0-15), working on its shortest decimal spelling so
 * that 2.675 rounds as the written 2.675, not as its binary neighbour 2.67499999....
 */
export function round(value: number, decimals: number, mode: RoundingMode = 'half-even'): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw validationError(
      [{ field: 'decimals', message: 'must be an integer from 0 to 15', value: decimals }],
      'rounding',
    );
  }
  if (!Number.isFinite(value)) {
    throw validationError([{ field: 'value', message: 'must be a finite number', value }], 'rounding');
  }
  const sign = value < 0 ? -1 : 1;
  const [mantissa = '0', exponent = '0'] = String(Math.abs(value)).split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`);
  const floor = Math.floor(shifted);
  const fraction = shifted - floor;
  let rounded: number;
  if (fraction > 0.5) rounded = floor + 1;
  else if (fraction < 0.5) rounded = floor;
  else rounded = mode === 'half-up' || floor % 2 === 1 ? floor + 1 : floor;
  const [m2 = '0', e2 = '0'] = String(rounded).split('e');
  const result = sign * Number(`${m2}e${Number(e2) - decimals}`);
  return result === 0 ? 0 : result;
}

/** Rounds a quantity's value to an explicit count of decimals, keeping its unit. */
export function roundQuantity<U extends Unit>(
  q: Quantity<U>,
  decimals: number,
  mode: RoundingMode = 'half-even',
): Quantity<U> {
  return quantity(round(q.value, decimals, mode), q.unit);
}

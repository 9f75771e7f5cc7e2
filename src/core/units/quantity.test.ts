import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGmError } from '../errors.ts';
import { add, expectUnit, gj, kgce, kwh, quantity, scale, sub, sum, t, tce, wanNm3 } from './quantity.ts';
import type { Quantity } from './quantity.ts';
import { parseUnit } from './unit-registry.ts';
import type { Unit } from './unit-registry.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isGmError(error) ? error.code : 'not-a-GmError';
  }
  return undefined;
}

describe('quantities', () => {
  it('carry their value and unit', () => {
    expect(kwh(3)).toEqual({ value: 3, unit: 'kWh' });
    expect(tce(1.2).unit).toBe('tce');
    expect(wanNm3(2).unit).toBe('10^4 Nm3');
  });

  it('reject non-finite values and unknown units', () => {
    expect(codeOf(() => kwh(Number.NaN))).toBe('GM_VALIDATION');
    expect(codeOf(() => tce(Number.POSITIVE_INFINITY))).toBe('GM_VALIDATION');
    expect(codeOf(() => quantity(1, 'furlong' as Unit))).toBe('GM_VALIDATION');
  });

  it('add, subtract, scale and sum within one unit', () => {
    expect(add(kwh(1.5), kwh(2.5))).toEqual(kwh(4));
    expect(sub(tce(10), tce(2.5))).toEqual(tce(7.5));
    expect(scale(t(500), 0.5)).toEqual(t(250));
    expect(sum('kgce', [kgce(1), kgce(2), kgce(3)])).toEqual(kgce(6));
    expect(sum('tce', [])).toEqual(tce(0));
    // 0.1 + 0.2 + 0.3 drifts with plain summation; compensated summation gives 0.6 exactly.
    expect(sum('tce', [tce(0.1), tce(0.2), tce(0.3)]).value).toBe(0.6);
  });

  it('refuse to mix units at compile time and at run time', () => {
    // @ts-expect-error kWh cannot be added to tce
    expect(codeOf(() => add(kwh(1), tce(1)))).toBe('GM_UNIT_MISMATCH');
    // @ts-expect-error GJ cannot be subtracted from kWh
    expect(codeOf(() => sub(kwh(1), gj(1)))).toBe('GM_UNIT_MISMATCH');
    // @ts-expect-error a kWh quantity is not a tce quantity
    const wrong: Quantity<'tce'> = kwh(1);
    expect(wrong.unit).toBe('kWh');
    // @ts-expect-error quantities cannot be forged from object literals
    const forged: Quantity<'tce'> = { value: 1, unit: 'tce' };
    expect(forged.value).toBe(1);
    // Parsed input is typed Quantity<Unit>; the run-time check still catches a mix.
    const parsed: Quantity<Unit> = quantity(1, parseUnit('kWh'));
    const other: Quantity<Unit> = quantity(1, parseUnit('MWh'));
    expect(codeOf(() => add(parsed, other))).toBe('GM_UNIT_MISMATCH');
    expect(codeOf(() => sum('kWh', [kwh(1), other] as unknown as Quantity<'kWh'>[]))).toBe(
      'GM_UNIT_MISMATCH',
    );
  });

  it('expectUnit narrows parsed quantities or fails with GM_UNIT_MISMATCH', () => {
    const parsed: Quantity<Unit> = quantity(5, parseUnit('t'));
    expect(expectUnit(parsed, 't').value).toBe(5);
    expect(codeOf(() => expectUnit(parsed, 'kg'))).toBe('GM_UNIT_MISMATCH');
  });

  it('sum is associative within float tolerance', () => {
    const value = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(value, value, value, (a, b, c) => {
        const left = add(add(tce(a), tce(b)), tce(c)).value;
        const right = add(tce(a), add(tce(b), tce(c))).value;
        const total = sum('tce', [tce(a), tce(b), tce(c)]).value;
        const tolerance = 1e-12 * (Math.abs(a) + Math.abs(b) + Math.abs(c)) + 1e-300;
        expect(Math.abs(left - right)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(total - left)).toBeLessThanOrEqual(tolerance);
      }),
    );
  });

  it('sum does not depend on the order of its items within float tolerance', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { maxLength: 50 }), (values) => {
        const forward = sum('kWh', values.map(kwh)).value;
        const backward = sum('kWh', [...values].reverse().map(kwh)).value;
        const magnitude = values.reduce((acc, v) => acc + Math.abs(v), 0);
        expect(Math.abs(forward - backward)).toBeLessThanOrEqual(1e-12 * magnitude + 1e-300);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGmError } from '../errors.ts';
import {
  convertUnit,
  gjToMj,
  kgToT,
  kgceToTce,
  kgco2ToTco2,
  kwhToMwh,
  mjToGj,
  mwhToKwh,
  nm3ToWanNm3,
  tToKg,
  tceToKgce,
  tco2ToKgco2,
  wanNm3ToNm3,
} from './convert-unit.ts';
import {
  add,
  gj,
  kg,
  kgce,
  kgco2,
  kwh,
  mj,
  mwh,
  nm3,
  quantity,
  scale,
  t,
  tce,
  tco2,
  wanNm3,
} from './quantity.ts';
import type { Quantity } from './quantity.ts';
import { parseUnit } from './unit-registry.ts';
import type { Unit } from './unit-registry.ts';

const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true });

function close(a: number, b: number, relative = 1e-12): boolean {
  return Math.abs(a - b) <= relative * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('unit conversions', () => {
  it('convert by the exact decimal ratios', () => {
    expect(kwhToMwh(kwh(1_000_000))).toEqual(mwh(1000));
    expect(mwhToKwh(mwh(1.5))).toEqual(kwh(1500));
    expect(kgceToTce(kgce(122_900))).toEqual(tce(122.9));
    expect(tceToKgce(tce(357.15)).value).toBeCloseTo(357_150, 9);
    expect(kgToT(kg(500_000))).toEqual(t(500));
    expect(tToKg(t(0.25))).toEqual(kg(250));
    expect(mjToGj(mj(34_120))).toEqual(gj(34.12));
    expect(gjToMj(gj(1000))).toEqual(mj(1_000_000));
    expect(nm3ToWanNm3(nm3(100_000))).toEqual(wanNm3(10));
    expect(wanNm3ToNm3(wanNm3(2.5))).toEqual(nm3(25_000));
    expect(kgco2ToTco2(kgco2(441_900))).toEqual(tco2(441.9));
    expect(tco2ToKgco2(tco2(1))).toEqual(kgco2(1000));
    expect(convertUnit(kj1000(), 'GJ').value).toBeCloseTo(0.001, 15);
  });

  it('refuse to convert across dimensions, at compile time and at run time', () => {
    // @ts-expect-error kWh is electric energy, tce is coal equivalent: that needs a coefficient
    expect(() => convertUnit(kwh(1), 'tce')).toThrow(/cannot convert/);
    // @ts-expect-error the named conversion only takes kWh
    expect(() => kwhToMwh(tce(1))).toThrow(/cannot convert/);
    const parsed: Quantity<Unit> = quantity(1, parseUnit('m3'));
    try {
      convertUnit(parsed, 'Nm3');
      expect.unreachable();
    } catch (error) {
      expect(isGmError(error) && error.code).toBe('GM_UNIT_MISMATCH');
    }
  });

  it('round-trips kWh -> MWh -> kWh within float tolerance', () => {
    fc.assert(fc.property(finite, (v) => close(mwhToKwh(kwhToMwh(kwh(v))).value, v)));
  });

  it('round-trips kgce -> tce -> kgce within float tolerance', () => {
    fc.assert(fc.property(finite, (v) => close(tceToKgce(kgceToTce(kgce(v))).value, v)));
  });

  it('round-trips kg -> t, MJ -> GJ and Nm3 -> 10^4 Nm3 within float tolerance', () => {
    fc.assert(
      fc.property(finite, (v) => {
        expect(close(tToKg(kgToT(kg(v))).value, v)).toBe(true);
        expect(close(gjToMj(mjToGj(mj(v))).value, v)).toBe(true);
        expect(close(wanNm3ToNm3(nm3ToWanNm3(nm3(v))).value, v)).toBe(true);
        expect(close(kgco2ToTco2(tco2ToKgco2(tco2(v))).value, v)).toBe(true);
      }),
    );
  });

  it('is linear: convert(a + b) = convert(a) + convert(b) and convert(k a) = k convert(a)', () => {
    fc.assert(
      fc.property(finite, finite, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (a, b, k) => {
        const together = kwhToMwh(add(kwh(a), kwh(b))).value;
        const apart = add(kwhToMwh(kwh(a)), kwhToMwh(kwh(b))).value;
        expect(Math.abs(together - apart)).toBeLessThanOrEqual(1e-12 * (Math.abs(a) + Math.abs(b)) + 1e-300);
        const scaled = kgceToTce(scale(kgce(a), k)).value;
        const scaledAfter = scale(kgceToTce(kgce(a)), k).value;
        expect(close(scaled, scaledAfter)).toBe(true);
      }),
    );
  });
});

function kj1000(): Quantity<'kJ'> {
  return quantity(1000, 'kJ');
}

import { describe, expect, it } from 'vitest';
import { isGmError } from '../errors.ts';
import { kg, kgce, m3, t, tce } from '../units/quantity.ts';
import { unitProductEnergy } from './unit-product-energy.ts';

describe('unitProductEnergy', () => {
  it('gives kgce per tonne of product', () => {
    // 576.9 tce = 576,900 kgce over 1,000 t of product = 576.9 kgce/t
    const r = unitProductEnergy(tce(576.9), t(1000));
    expect(r.value).toBeCloseTo(576.9, 9);
    expect(r.unit).toBe('kgce/t');
    // Output given in kg is expressed per tonne: 1,000,000 kg = 1,000 t.
    expect(unitProductEnergy(tce(576.9), kg(1_000_000))).toMatchObject({ unit: 'kgce/t' });
    expect(unitProductEnergy(tce(576.9), kg(1_000_000)).value).toBeCloseTo(576.9, 9);
  });

  it('keeps other output units as they are, and allows a negative total', () => {
    // 12 tce = 12,000 kgce over 3,000 m3 = 4 kgce/m3
    expect(unitProductEnergy(tce(12), m3(3000))).toMatchObject({ value: 4, unit: 'kgce/m3' });
    // A converter that recovers more energy than it uses: −30 tce over 1,000 t = −30 kgce/t.
    expect(unitProductEnergy(tce(-30), t(1000)).value).toBeCloseTo(-30, 9);
  });

  it('rejects zero or negative output, and output in coal equivalent', () => {
    for (const production of [t(0), t(-1), kgce(5)]) {
      try {
        unitProductEnergy(tce(1), production);
        expect.unreachable();
      } catch (error) {
        expect(isGmError(error) && error.code).toBe('GM_VALIDATION');
      }
    }
  });
});

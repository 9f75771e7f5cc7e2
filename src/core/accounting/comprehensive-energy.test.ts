import { describe, expect, it } from 'vitest';
import { isGmError } from '../errors.ts';
import type { EnergyMedium } from '../standards/coefficients/energy-conversion-coefficients.ts';
import { gj, kg, kwh, m3, mwh, nm3, quantity, t, wanNm3 } from '../units/quantity.ts';
import type { EnergyEntry } from './comprehensive-energy.ts';
import { comprehensiveEnergy } from './comprehensive-energy.ts';
import { normalVolumeNote } from './quantity-in.ts';

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (isGmError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an error');
}

describe('comprehensiveEnergy (GB/T 2589-2020)', () => {
  it('converts purchased electricity by the equivalent value by default', () => {
    // 1,000,000 kWh × 0.1229 kgce/kWh = 122,900 kgce = 122.9 tce
    const r = comprehensiveEnergy([{ medium: 'electricity', role: 'purchased', quantity: kwh(1_000_000) }]);
    expect(r.total.value).toBeCloseTo(122.9, 9);
    expect(r.total.unit).toBe('tce');
    expect(r.electricityMethod).toBe('equivalent');
    expect(r.lines[0]?.coefficient).toMatchObject({
      basis: 'electricity-equivalent',
      value: 0.1229,
      unit: 'kgce/kWh',
      tag: 'S',
    });
    expect(r.usesUnverified).toBe(false);
    // The same energy given in MWh gives the same result: 1,000 MWh = 1,000,000 kWh.
    expect(
      comprehensiveEnergy([{ medium: 'electricity', role: 'purchased', quantity: mwh(1000) }]).total.value,
    ).toBeCloseTo(122.9, 9);
  });

  it('converts raw coal per kg, whatever the mass unit given', () => {
    // 500 t = 500,000 kg × 0.7143 kgce/kg = 357,150 kgce = 357.15 tce
    const r = comprehensiveEnergy([{ medium: 'raw-coal', role: 'purchased', quantity: t(500) }]);
    expect(r.total.value).toBeCloseTo(357.15, 9);
    expect(r.lines[0]?.coefficient.source).toContain('GB/T 2589-2020');
    expect(
      comprehensiveEnergy([{ medium: 'raw-coal', role: 'purchased', quantity: kg(500_000) }]).total.value,
    ).toBeCloseTo(357.15, 9);
  });

  it('converts natural gas given in Nm3, noting that Nm3 was read as the table m3', () => {
    // 100,000 Nm3 gas-field natural gas × 1.2143 kgce/m3 = 121,430 kgce = 121.43 tce
    const r = comprehensiveEnergy([
      { medium: 'natural-gas-gas-field', role: 'purchased', quantity: nm3(100_000) },
    ]);
    expect(r.total.value).toBeCloseTo(121.43, 9);
    expect(r.notes).toEqual([normalVolumeNote]);
    // 10 × 10^4 Nm3 is the same gas; a plain m3 needs no note. Oil-field gas: 100,000 × 1.33 = 133,000 kgce = 133 tce.
    expect(
      comprehensiveEnergy([{ medium: 'natural-gas-gas-field', role: 'purchased', quantity: wanNm3(10) }])
        .total.value,
    ).toBeCloseTo(121.43, 9);
    const plain = comprehensiveEnergy([
      { medium: 'natural-gas-oil-field', role: 'purchased', quantity: m3(100_000) },
    ]);
    expect(plain.total.value).toBeCloseTo(133, 9);
    expect(plain.notes).toEqual([]);
  });

  it('subtracts exported electricity and keeps feedstock apart (a whole factory)', () => {
    // purchased electricity 1,000,000 kWh × 0.1229 = 122.90 tce
    // purchased raw coal    500 t × 1,000 × 0.7143 = 357.15 tce
    // purchased natural gas 100,000 Nm3 × 1.2143   = 121.43 tce
    // exported electricity  200,000 kWh × 0.1229   =  24.58 tce
    // feedstock coke        50 t × 1,000 × 0.9714  =  48.57 tce (reported apart)
    // total = 122.90 + 357.15 + 121.43 − 24.58 = 576.90 tce
    const entries: EnergyEntry[] = [
      { medium: 'electricity', role: 'purchased', quantity: kwh(1_000_000) },
      { medium: 'raw-coal', role: 'purchased', quantity: t(500) },
      { medium: 'natural-gas-gas-field', role: 'purchased', quantity: nm3(100_000) },
      {
        medium: 'electricity',
        role: 'exported',
        quantity: kwh(200_000),
        label: 'waste-heat power sold to the grid',
      },
      { medium: 'coke', role: 'feedstock', quantity: t(50) },
    ];
    const r = comprehensiveEnergy(entries);
    expect(r.purchased.value).toBeCloseTo(601.48, 9);
    expect(r.exported.value).toBeCloseTo(24.58, 9);
    expect(r.feedstock.value).toBeCloseTo(48.57, 9);
    expect(r.selfProduced.value).toBe(0);
    expect(r.total.value).toBeCloseTo(576.9, 9);
    const electricity = r.byMedium.find((m) => m.medium === 'electricity');
    expect(electricity?.net.value).toBeCloseTo(98.32, 9); // 122.90 − 24.58
    const coke = r.byMedium.find((m) => m.medium === 'coke');
    expect(coke?.net.value).toBe(0);
    expect(coke?.feedstock.value).toBeCloseTo(48.57, 9);
    expect(r.lines[3]?.label).toBe('waste-heat power sold to the grid');
  });

  it('adds self-produced primary energy', () => {
    // 1,000 t raw coal mined and used on site: 1,000,000 kg × 0.7143 = 714.3 tce
    const r = comprehensiveEnergy([{ medium: 'raw-coal', role: 'self-produced-primary', quantity: t(1000) }]);
    expect(r.selfProduced.value).toBeCloseTo(714.3, 9);
    expect(r.total.value).toBeCloseTo(714.3, 9);
  });

  it('uses the equal-value of 2020 when asked, in the chosen series', () => {
    // 1,000,000 kWh × 0.3055 kgce/kWh (305.5 gce/kWh, 发改运行〔2021〕1519号) = 305,500 kgce = 305.5 tce
    const entries: EnergyEntry[] = [{ medium: 'electricity', role: 'purchased', quantity: kwh(1_000_000) }];
    const r = comprehensiveEnergy(entries, { electricityMethod: 'equal-value', year: 2020 });
    expect(r.total.value).toBeCloseTo(305.5, 9);
    expect(r.lines[0]?.coefficient).toMatchObject({ basis: 'electricity-equal-value', year: 2020, tag: 'C' });
    expect(r.notes.some((n) => n.includes('series'))).toBe(true);
    // White-paper series: 1,000,000 kWh × 0.3058 = 305.8 tce
    const w = comprehensiveEnergy(entries, {
      electricityMethod: 'equal-value',
      year: 2020,
      equalValueSeries: 'climate-white-paper-2021',
    });
    expect(w.total.value).toBeCloseTo(305.8, 9);
  });

  it('fails without a year, or for a year with no equal-value coefficient', () => {
    const entries: EnergyEntry[] = [{ medium: 'electricity', role: 'purchased', quantity: kwh(1) }];
    expect(errorOf(() => comprehensiveEnergy(entries, { electricityMethod: 'equal-value' })).code).toBe(
      'GM_VALIDATION',
    );
    expect(
      errorOf(() => comprehensiveEnergy(entries, { electricityMethod: 'equal-value', year: 2019 })).code,
    ).toBe('GM_COEFFICIENT_NOT_FOUND');
    expect(
      errorOf(() =>
        comprehensiveEnergy(entries, { electricityMethod: 'equal-value', year: 2020, equalValueSeries: 'x' }),
      ).code,
    ).toBe('GM_COEFFICIENT_NOT_FOUND');
  });

  it('prefers the measured calorific value when an entry carries one', () => {
    // 500 t raw coal at a measured 23,000 kJ/kg: 500,000 kg × 23,000 / 29,307 = 392,397.72 kgce = 392.39772 tce
    const r = comprehensiveEnergy([
      { medium: 'raw-coal', role: 'purchased', quantity: t(500), measuredNcv: { kj: 23_000, per: 'kg' } },
    ]);
    expect(r.total.value).toBeCloseTo(392.39772, 5);
    expect(r.lines[0]?.coefficient).toMatchObject({ basis: 'measured-ncv', unit: 'kgce/kg' });
    expect(r.lines[0]?.coefficient.value).toBeCloseTo(0.784795, 6); // 23,000 / 29,307 = 0.7847954
    // The same NCV stated per tonne (23,000,000 kJ/t) gives the same energy.
    const perTonne = comprehensiveEnergy([
      { medium: 'raw-coal', role: 'purchased', quantity: t(500), measuredNcv: { kj: 23_000_000, per: 't' } },
    ]);
    expect(perTonne.total.value).toBeCloseTo(392.39772, 5);
  });

  it('needs a measured calorific value for media the table gives only as a range', () => {
    const slime: EnergyEntry = { medium: 'slime', role: 'purchased', quantity: t(10) };
    const e = errorOf(() => comprehensiveEnergy([slime]));
    expect(e.code).toBe('GM_COEFFICIENT_NOT_FOUND');
    expect(e.message).toContain('0.2857-0.4286');
    // 10 t slime at 10,000 kJ/kg: 10,000 kg × 10,000 / 29,307 = 3,412.154 kgce = 3.412154 tce
    const r = comprehensiveEnergy([{ ...slime, measuredNcv: { kj: 10_000, per: 'kg' } }]);
    expect(r.total.value).toBeCloseTo(3.412154, 6);
  });

  it('converts heat and working media, and flags the [U] steam coefficient', () => {
    // 1,000 GJ heat = 1,000,000 MJ × 0.03412 kgce/MJ = 34,120 kgce = 34.12 tce
    const heat = comprehensiveEnergy([{ medium: 'heat', role: 'purchased', quantity: gj(1000) }]);
    expect(heat.total.value).toBeCloseTo(34.12, 9);
    expect(heat.usesUnverified).toBe(false);
    // 200 t low-pressure steam = 200,000 kg × 0.1286 = 25,720 kgce = 25.72 tce, from an unverified coefficient
    const steam = comprehensiveEnergy([
      { medium: 'steam-low-pressure', role: 'purchased', quantity: t(200) },
    ]);
    expect(steam.total.value).toBeCloseTo(25.72, 9);
    expect(steam.usesUnverified).toBe(true);
    expect(steam.lines[0]?.coefficient).toMatchObject({ tag: 'U', verified: false });
    // Steam with a measured enthalpy (2,800 kJ/kg): 200,000 × 2,800 / 29,307 = 19,108.06 kgce, no [U] used.
    const measured = comprehensiveEnergy([
      {
        medium: 'steam-low-pressure',
        role: 'purchased',
        quantity: t(200),
        measuredNcv: { kj: 2_800, per: 'kg' },
      },
    ]);
    expect(measured.total.value).toBeCloseTo(19.10806, 5);
    expect(measured.usesUnverified).toBe(false);
    // 10,000 t fresh water × 0.2571 kgce/t = 2,571 kgce = 2.571 tce
    expect(
      comprehensiveEnergy([{ medium: 'fresh-water', role: 'purchased', quantity: t(10_000) }]).total.value,
    ).toBeCloseTo(2.571, 9);
  });

  it('returns zero for no entries', () => {
    const r = comprehensiveEnergy([]);
    expect(r.total.value).toBe(0);
    expect(r.lines).toEqual([]);
    expect(r.usesUnverified).toBe(false);
  });

  it('rejects negative quantities with GM_VALIDATION naming the entry', () => {
    const e = errorOf(() =>
      comprehensiveEnergy([{ medium: 'electricity', role: 'exported', quantity: kwh(-5) }]),
    );
    expect(e.code).toBe('GM_VALIDATION');
    expect(e.message).toContain('entries[0].quantity');
  });

  it('rejects an unknown medium with GM_COEFFICIENT_NOT_FOUND', () => {
    const e = errorOf(() =>
      comprehensiveEnergy([{ medium: 'peat' as EnergyMedium, role: 'purchased', quantity: t(1) }]),
    );
    expect(e.code).toBe('GM_COEFFICIENT_NOT_FOUND');
    expect(e.message).toContain('peat');
  });

  it('rejects a unit that does not fit the medium with GM_UNIT_MISMATCH', () => {
    expect(
      errorOf(() => comprehensiveEnergy([{ medium: 'electricity', role: 'purchased', quantity: t(1) }])).code,
    ).toBe('GM_UNIT_MISMATCH');
    expect(
      errorOf(() => comprehensiveEnergy([{ medium: 'raw-coal', role: 'purchased', quantity: kwh(1) }])).code,
    ).toBe('GM_UNIT_MISMATCH');
    // Fresh water is per tonne; a volume is not silently read as mass.
    expect(
      errorOf(() => comprehensiveEnergy([{ medium: 'fresh-water', role: 'purchased', quantity: m3(1) }]))
        .code,
    ).toBe('GM_UNIT_MISMATCH');
    // Nm3 is accepted only for gases, not for a solid measured per kg.
    expect(
      errorOf(() => comprehensiveEnergy([{ medium: 'coke', role: 'purchased', quantity: nm3(1) }])).code,
    ).toBe('GM_UNIT_MISMATCH');
    // A measured NCV per kWh does not fit coal.
    expect(
      errorOf(() =>
        comprehensiveEnergy([
          { medium: 'raw-coal', role: 'purchased', quantity: t(1), measuredNcv: { kj: 1, per: 'kWh' } },
        ]),
      ).code,
    ).toBe('GM_UNIT_MISMATCH');
    // And a quantity from parsed input in an unexpected unit fails the same way.
    expect(
      errorOf(() =>
        comprehensiveEnergy([{ medium: 'heat', role: 'purchased', quantity: quantity(1, 'kgce') }]),
      ).code,
    ).toBe('GM_UNIT_MISMATCH');
  });

  it('rejects measured calorific values where they do not apply, and bad roles', () => {
    expect(
      errorOf(() =>
        comprehensiveEnergy([
          {
            medium: 'electricity',
            role: 'purchased',
            quantity: kwh(1),
            measuredNcv: { kj: 3600, per: 'kWh' },
          },
        ]),
      ).code,
    ).toBe('GM_VALIDATION');
    expect(
      errorOf(() =>
        comprehensiveEnergy([
          { medium: 'raw-coal', role: 'purchased', quantity: t(1), measuredNcv: { kj: 0, per: 'kg' } },
        ]),
      ).code,
    ).toBe('GM_VALIDATION');
    expect(
      errorOf(() =>
        comprehensiveEnergy([{ medium: 'raw-coal', role: 'bought' as EnergyEntry['role'], quantity: t(1) }]),
      ).code,
    ).toBe('GM_VALIDATION');
  });
});

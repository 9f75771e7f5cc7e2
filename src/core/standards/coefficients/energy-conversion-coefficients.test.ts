import { describe, expect, it } from 'vitest';
import { energyConversionCoefficients as set } from './energy-conversion-coefficients.ts';
import { isRange } from './sourced-value.ts';

describe('GB/T 2589-2020 coefficients', () => {
  it('hold the numbers of domain.md §6.1', () => {
    const point = (medium: keyof typeof set.media): unknown => set.media[medium].coefficient.value;
    expect(point('raw-coal')).toBe(0.7143);
    expect(point('washed-coal')).toBe(0.9);
    expect(point('middlings')).toBe(0.2857);
    expect(point('coke')).toBe(0.9714);
    expect(point('crude-oil')).toBe(1.4286);
    expect(point('fuel-oil')).toBe(1.4286);
    expect(point('gasoline')).toBe(1.4714);
    expect(point('kerosene')).toBe(1.4714);
    expect(point('diesel')).toBe(1.4571);
    expect(point('coal-tar')).toBe(1.1429);
    expect(point('lpg')).toBe(1.7143);
    expect(point('refinery-dry-gas')).toBe(1.5714);
    expect(point('natural-gas-oil-field')).toBe(1.33);
    expect(point('natural-gas-gas-field')).toBe(1.2143);
    expect(point('blast-furnace-gas')).toBe(0.1286);
    expect(point('heat')).toBe(0.03412);
    expect(point('electricity')).toBe(0.1229);
    expect(point('steam-low-pressure')).toBe(0.1286);
    expect(point('fresh-water')).toBe(0.2571);
    expect(point('compressed-air')).toBe(0.04);
    expect(point('oxygen')).toBe(0.4);
    expect(point('acetylene')).toBe(8.3143);
    expect(point('calcium-carbide')).toBe(2.0786);
    expect(point('nitrogen')).toBe(0.0169);
    expect(set.kjPerKgce.value).toBe(29_307);
  });

  it('keep the two ranges as ranges, with no midpoint', () => {
    expect(set.media.slime.coefficient.value).toEqual({ min: 0.2857, max: 0.4286 });
    expect(set.media['coke-oven-gas'].coefficient.value).toEqual({ min: 0.5714, max: 0.6143 });
    expect(set.media['coke-oven-gas'].ncv?.value).toEqual({ min: 16_726, max: 17_981 });
    const ranges = Object.values(set.media)
      .filter((m) => isRange(m.coefficient))
      .map((m) => m.medium);
    expect(ranges.sort()).toEqual(['coke-oven-gas', 'slime']);
  });

  it('tag as domain.md does: steam [U], equal-value 2020 [C], the rest [S]', () => {
    for (const m of Object.values(set.media)) {
      expect(m.coefficient.verified).toBe(m.coefficient.tag !== 'U');
      expect(m.coefficient.tag).toBe(m.medium === 'steam-low-pressure' ? 'U' : 'S');
      expect(m.coefficient.source.length).toBeGreaterThan(20);
      expect(m.coefficient.unit.startsWith('kgce/')).toBe(true);
    }
    expect(set.electricityEqualValue.map((e) => [e.year, e.series, e.value, e.tag])).toEqual([
      [2020, 'ndrc-thermal-supply-coal-consumption', 0.3055, 'C'],
      [2020, 'climate-white-paper-2021', 0.3058, 'C'],
    ]);
  });

  it('print NCVs consistent with their coefficients within 0.2 % (a typo check)', () => {
    // e.g. raw coal 20,908 / 29,307 = 0.71341 against the printed 0.7143: the table's kJ figures sit about
    // 0.12 % below coefficient × 29,307 throughout (5,000 kcal × 4.1816 = 20,908), so only the ratio is checked.
    for (const m of Object.values(set.media)) {
      const ncv = m.ncv?.value;
      const c = m.coefficient.value;
      if (typeof ncv !== 'number' || typeof c !== 'number' || m.ncv?.unit === 'MJ/t') continue;
      expect(Math.abs(ncv / 29_307 / c - 1)).toBeLessThan(0.002);
    }
  });
});

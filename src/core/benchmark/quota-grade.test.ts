import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isGmError } from '../errors.ts';
import { standardRegistry } from '../standards/standard-registry.ts';
import { quotaGrade, quotaLimits } from './quota-grade.ts';

const row = (key: string) => standardRegistry.quotaRow(key);

describe('quotaGrade', () => {
  it('grades against grades 1/2/3, at the limit counting as meeting it (clinker 100 / 107 / 117)', () => {
    const clinker = row('GB 16780@2021#clinker-comprehensive');
    expect(quotaGrade(clinker, 99).grade).toBe(1);
    expect(quotaGrade(clinker, 100)).toMatchObject({ grade: 1, meetsAdvanced: true });
    expect(quotaGrade(clinker, 100.5).grade).toBe(2);
    expect(quotaGrade(clinker, 110).grade).toBe(3);
    expect(quotaGrade(clinker, 117.01)).toMatchObject({ grade: 'above-limit', meetsAdvanced: false });
  });
  it('handles negative values (converter −30 / −28 / −12): −29 is grade 2', () => {
    expect(quotaGrade(row('GB 21256@2025#converter'), -29).grade).toBe(2);
  });
  it('skips grades the standard leaves as "—"', () => {
    const eaf = quotaGrade(row('GB 21256@2025#eaf-lt-50'), 70);
    expect(eaf.grade).toBe(3);
    expect(eaf.undefinedGrades).toEqual([2]);
    expect(eaf.limits.notEncoded).toHaveLength(1);
    expect(quotaGrade(row('GB 21340@2019#float-le-500'), 13)).toMatchObject({
      grade: 3,
      undefinedGrades: [1, 2],
    });
  });
  it('cement clinker ratio 80 %: limits 80 + 1.10×5 = 85.5, 87 + 1.15×5 = 92.75, 94 + 1.20×5 = 100', () => {
    const cement = row('GB 16780@2021#cement-comprehensive');
    const l = quotaLimits(cement, { clinkerRatioPct: 80 });
    expect([l.grade1, l.grade2, l.grade3].map((x) => Number(x?.toFixed(9)))).toEqual([85.5, 92.75, 100]);
    expect(quotaGrade(cement, 90, { clinkerRatioPct: 80 }).grade).toBe(2);
    expect(quotaGrade(cement, 90).grade).toBe(3);
    // 70 % clinker tightens: 80 − 1.10 × 5 = 74.5
    expect(quotaLimits(cement, { clinkerRatioPct: 70 }).grade1).toBeCloseTo(74.5, 9);
  });
  it('altitude above 1,500 m: grade 3 × (1.179 − 0.211 × 80,000 / 101,325) = 117 × 1.012407 = 118.45', () => {
    const clinker = row('GB 16780@2021#clinker-comprehensive');
    const l = quotaLimits(clinker, { altitudeM: 2_000, airPressurePa: 80_000 });
    expect(l.grade3).toBeCloseTo(117 * (1.179 - (0.211 * 80_000) / 101_325), 9);
    expect(l.grade1).toBe(100);
    expect(quotaGrade(clinker, 118, { altitudeM: 2_000, airPressurePa: 80_000 }).grade).toBe(3);
    expect(quotaGrade(clinker, 118).grade).toBe('above-limit');
    expect(quotaLimits(clinker, { altitudeM: 1_000, airPressurePa: 90_000 }).grade3).toBe(117);
  });
  it('blast furnace ore grade 59 %: +3 × 3.61; below 57 % capped at 5 points', () => {
    const bf = row('GB 21256@2025#blast-furnace');
    expect(quotaLimits(bf, { oreGradePct: 59 }).grade1).toBeCloseTo(371.83, 9);
    expect(quotaGrade(bf, 370, { oreGradePct: 59 }).grade).toBe(1);
    expect(quotaGrade(bf, 370).grade).toBe(2);
    expect(quotaLimits(bf, { oreGradePct: 50 }).grade3).toBeCloseTo(415 + 5 * 3.61, 9);
    expect(quotaLimits(bf, { oreGradePct: 65 }).grade3).toBe(415);
  });
  it('coke wet quenching adds 46.46 on grade 3 only', () => {
    const coke = row('GB 21342@2025#top-charged');
    const l = quotaLimits(coke, { wetQuenching: true });
    expect([l.grade1, l.grade2, l.grade3]).toEqual([110, 110, 181.46]);
    expect(quotaGrade(coke, 150, { wetQuenching: true }).grade).toBe(3);
  });
  it('sintering: +0.15 / 0.2 / 1.2 per point of rare-earth / V-Ti magnetite / laterite nickel ore on every grade', () => {
    const l = quotaLimits(row('GB 21256@2025#sintering'), { rareEarthOrePct: 10, lateriteNickelOrePct: 5 });
    expect(l.grade1).toBeCloseTo(43 + 1.5 + 6, 9);
  });
  it('flat glass factors a·b·c·d multiply the limits, all four or none', () => {
    const glass = row('GB 21340@2019#float-500-800');
    expect(quotaLimits(glass, { a: 1.1, b: 1, c: 1, d: 1 }).grade1).toBeCloseTo(10.45, 9);
    expect(() => quotaLimits(glass, { a: 1.1 })).toThrow();
  });
  it('rejects unknown, NaN or incomplete correction inputs with a validation error per field', () => {
    const clinker = row('GB 16780@2021#clinker-comprehensive');
    try {
      quotaLimits(clinker, { clinkerRatio: 80, altitudeM: 2_000 });
      expect.unreachable();
    } catch (e) {
      expect(isGmError(e) && e.code).toBe('GM_VALIDATION');
      expect(isGmError(e) && (e.details['issues'] as unknown[]).length).toBe(2);
    }
    expect(() => quotaGrade(clinker, NaN)).toThrow();
  });
  it('never grades a lower (better) value worse than a higher one', () => {
    const rows = standardRegistry.list('quota-standard').flatMap((q) => q.rows);
    const rank = (g: number | string) => (g === 'above-limit' ? 4 : Number(g));
    fc.assert(
      fc.property(
        fc.constantFrom(...rows),
        fc.double({ min: -100, max: 20_000, noNaN: true }),
        fc.double({ min: 0, max: 5_000, noNaN: true }),
        (r, v, d) => {
          expect(rank(quotaGrade(r, v).grade)).toBeLessThanOrEqual(rank(quotaGrade(r, v + d).grade));
        },
      ),
    );
  });
});

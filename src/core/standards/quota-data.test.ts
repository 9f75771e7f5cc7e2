import { describe, expect, it } from 'vitest';
import { standardRegistry } from './standard-registry.ts';

const quotas = standardRegistry.list('quota-standard');
const rows = quotas.flatMap((q) => q.rows);

describe('energy quota standards (domain.md §5.2)', () => {
  it('encodes every standard and product row found', () => {
    expect(
      Object.fromEntries(quotas.filter((q) => q.scheme === 'grades').map((q) => [q.key, q.rows.length])),
    ).toEqual({
      'GB 21256@2025': 7,
      'GB 16780@2021': 5,
      'GB 21340@2019': 5,
      'GB 21342@2025': 2,
      'GB 21341@2022': 2,
      'GB 21346@2022': 6,
      'GB 21257@2024': 4,
      'GB 21344@2023': 6,
      'GB 30251@2024': 4,
      'GB 25323@2023': 4,
      'GB 21343@2023': 2,
      'GB 29436@2023': 2,
      'GB 29140@2024': 2,
    });
  });
  it('orders grades 1 ≤ 2 ≤ 3 (lower is better) wherever they are defined', () => {
    for (const r of rows) {
      const g = [r.grade1?.value, r.grade2?.value, r.grade3?.value].filter(
        (v): v is number => v !== undefined,
      );
      expect(
        [...g].sort((a, b) => a - b),
        r.key,
      ).toEqual(g);
    }
  });
  it('keeps "—" as no value, never a guess', () => {
    expect(standardRegistry.quotaRow('GB 21256@2025#eaf-lt-50').grade2).toBeNull();
    const float = standardRegistry.quotaRow('GB 21340@2019#float-le-500');
    expect([float.grade1, float.grade2, float.grade3?.value]).toEqual([null, null, 14]);
  });
  it('spot-checks transcribed values', () => {
    const v = (key: string) => {
      const r = standardRegistry.quotaRow(key);
      return [r.grade1?.value, r.grade2?.value, r.grade3?.value];
    };
    expect(v('GB 21256@2025#converter')).toEqual([-30, -28, -12]);
    expect(v('GB 21346@2022#molten-al-ac')).toEqual([12950, 13000, 13350]);
    expect(v('GB 30251@2024#oil-refining')).toEqual([6.85, 7.5, 8.5]);
    expect(v('GB 21346@2013#molten-al-ac')).toEqual([12650, 12750, 13700]);
  });
  it('links rows to NDRC benchmark rows that exist', () => {
    for (const r of rows)
      if (r.benchmarkRow) expect(() => standardRegistry.benchmarkRow(r.benchmarkRow as string)).not.toThrow();
  });
});

describe('NDRC benchmark and baseline levels (domain.md §5.3)', () => {
  const e2021 = standardRegistry.benchmarkEdition('NDRC-benchmark@2021');
  it('has the 25 areas of the 2021 edition, all confirmed', () => {
    expect(e2021.areas).toHaveLength(25);
    for (const a of e2021.areas) for (const r of a.rows) expect(r.benchmark.tag).toBe('C');
  });
  it('has benchmark ≤ baseline in every row', () => {
    for (const e of standardRegistry.list('benchmark-edition')) {
      for (const a of e.areas)
        for (const r of a.rows) expect(r.benchmark.value, r.key).toBeLessThanOrEqual(r.baseline.value);
    }
  });
  it('has the corrected ferrosilicon baseline of 1,900 in 2021 and the doubtful sintering row as unverified in 2023', () => {
    expect(standardRegistry.benchmarkRow('NDRC-benchmark@2021#ferrosilicon').baseline.value).toBe(1900);
    expect(standardRegistry.benchmarkRow('NDRC-benchmark@2023#sintering').baseline.verified).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { standardRegistry } from '../standards/standard-registry.ts';
import { benchmarkLevel } from './benchmark-level.ts';

describe('benchmarkLevel (NDRC benchmark / baseline)', () => {
  const clinker = standardRegistry.benchmarkRow('NDRC-benchmark@2021#cement-clinker');
  it('classifies cement clinker against 100 / 117 kgce/t', () => {
    expect(benchmarkLevel(clinker, 100)).toMatchObject({ level: 'benchmark', gapToBenchmark: 0 });
    expect(benchmarkLevel(clinker, 110)).toMatchObject({ level: 'between', gapToBenchmark: 10 });
    expect(benchmarkLevel(clinker, 117).level).toBe('between');
    expect(benchmarkLevel(clinker, 118).level).toBe('below-baseline');
  });
  it('keeps editions apart: ferrosilicon 1,880 is above the 2021 baseline (1,900) but not the 2023 one (1,850)', () => {
    expect(
      benchmarkLevel(standardRegistry.benchmarkRow('NDRC-benchmark@2021#ferrosilicon'), 1880).level,
    ).toBe('between');
    expect(
      benchmarkLevel(standardRegistry.benchmarkRow('NDRC-benchmark@2023#ferrosilicon'), 1880).level,
    ).toBe('below-baseline');
  });
  it('flags unverified rows', () => {
    expect(
      benchmarkLevel(standardRegistry.benchmarkRow('NDRC-benchmark@2023#sintering'), 50).usesUnverified,
    ).toBe(true);
    expect(benchmarkLevel(clinker, 50).usesUnverified).toBe(false);
  });
  it('links a quota row to its NDRC row (grade 1 = benchmark for clinker)', () => {
    const q = standardRegistry.quotaRow('GB 16780@2021#clinker-comprehensive');
    const b = standardRegistry.benchmarkRow(q.benchmarkRow ?? '');
    expect([q.grade1?.value, q.grade3?.value]).toEqual([b.benchmark.value, b.baseline.value]);
  });
});

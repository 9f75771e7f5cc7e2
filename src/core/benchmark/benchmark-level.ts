import { validationError } from '../errors.ts';
import type { BenchmarkRow } from '../standards/benchmark-edition.ts';

/**
 * NDRC classification of a unit-product energy value (lower is better): at or better than the
 * benchmark (标杆), between benchmark and baseline, or worse than the baseline (基准), which triggers
 * a retrofit deadline of generally no more than 3 years (发改产业〔2021〕1609号).
 */
export type BenchmarkLevel = 'benchmark' | 'between' | 'below-baseline';

/** The level of a value against an NDRC row, with the numbers used. */
export interface BenchmarkLevelResult {
  readonly level: BenchmarkLevel;
  readonly rowKey: string;
  readonly benchmark: number;
  readonly baseline: number;
  /** How far the value is from the benchmark (0 when at or better). */
  readonly gapToBenchmark: number;
  readonly usesUnverified: boolean;
}

/** Classifies a unit-product energy value against an NDRC benchmark/baseline row. */
export function benchmarkLevel(row: BenchmarkRow, value: number): BenchmarkLevelResult {
  if (!Number.isFinite(value))
    throw validationError([{ field: 'value', message: 'not a finite number', value }], 'benchmark value');
  const b = row.benchmark.value;
  const base = row.baseline.value;
  const level: BenchmarkLevel = value <= b ? 'benchmark' : value <= base ? 'between' : 'below-baseline';
  return {
    level,
    rowKey: row.key,
    benchmark: b,
    baseline: base,
    gapToBenchmark: Math.max(0, value - b),
    usesUnverified: !row.benchmark.verified || !row.baseline.verified,
  };
}

import type { Sourced, Tag } from './sourced.ts';
import { deepFreeze } from './deep-freeze.ts';
import { standardKey } from './standard-key.ts';

/** One product/route row of the NDRC energy-efficiency benchmark (标杆) and baseline (基准) levels; lower is better. */
export interface BenchmarkRow {
  /** `NDRC-benchmark@2021#cement-clinker`. */
  readonly key: string;
  readonly area: string;
  readonly product: string;
  readonly unit: string;
  readonly benchmark: Sourced<number>;
  readonly baseline: Sourced<number>;
  readonly note: string | null;
}

/** The shares of national capacity the 2022 guide reports for an area (verbatim text: they are approximate). */
export interface AreaShares {
  readonly atBenchmark2020: string;
  readonly belowBaseline2020: string;
  readonly target2025AtBenchmark: string;
}

/** An area (industry) of a benchmark edition with its rows. */
export interface BenchmarkArea {
  readonly area: string;
  readonly shares: AreaShares | null;
  readonly rows: readonly BenchmarkRow[];
}

/** An edition of the NDRC benchmark/baseline levels. */
export interface BenchmarkEdition {
  readonly kind: 'benchmark-edition';
  readonly id: string;
  readonly version: string;
  readonly key: string;
  readonly title: string;
  readonly document: string;
  readonly source: string;
  readonly notes: readonly string[];
  readonly areas: readonly BenchmarkArea[];
}

/** A row as a data file writes it; the tag and source default to the edition's. */
export interface BenchmarkRowInput {
  readonly slug: string;
  readonly product: string;
  readonly unit: string;
  readonly benchmark: number;
  readonly baseline: number;
  readonly tag?: Tag;
  readonly source?: string;
  readonly note?: string;
}

/** Builds a deep-frozen benchmark edition; every value carries its row's (or the edition's) source and tag. */
export function defineBenchmarkEdition(input: {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly document: string;
  readonly source: string;
  readonly tag: Tag;
  readonly notes?: readonly string[];
  readonly areas: readonly {
    readonly area: string;
    readonly shares?: AreaShares;
    readonly rows: readonly BenchmarkRowInput[];
  }[];
}): BenchmarkEdition {
  const key = standardKey(input.id, input.version);
  return deepFreeze({
    kind: 'benchmark-edition' as const,
    id: input.id,
    version: input.version,
    key,
    title: input.title,
    document: input.document,
    source: input.source,
    notes: input.notes ?? [],
    areas: input.areas.map((a) => ({
      area: a.area,
      shares: a.shares ?? null,
      rows: a.rows.map((r) => {
        const tag = r.tag ?? input.tag;
        const source = r.source ?? input.source;
        const s = (v: number): Sourced<number> => ({
          value: v,
          unit: r.unit,
          source,
          tag,
          verified: tag !== 'U',
        });
        return {
          key: `${key}#${r.slug}`,
          area: a.area,
          product: r.product,
          unit: r.unit,
          benchmark: s(r.benchmark),
          baseline: s(r.baseline),
          note: r.note ?? null,
        };
      }),
    })),
  });
}

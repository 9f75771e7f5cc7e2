import type { Sourced, Tag } from './sourced.ts';
import { deepFreeze } from './deep-freeze.ts';
import { standardKey } from './standard-key.ts';

/** The three grades of a newer quota standard; 1 = benchmark (≈ 先进值), 2 = new plants (≈ 准入值), 3 = limit (= 限定值). */
export type QuotaGradeNumber = 1 | 2 | 3;

/** Per-grade numbers of a correction; null where the correction does not touch that grade. */
export type PerGrade = readonly [number | null, number | null, number | null];

/**
 * A correction of the grade values, as declarative data (domain.md §5.2). Corrections move the limits;
 * comparing a corrected value with the plain limit would be the same test with the sign turned round.
 */
export type QuotaCorrection =
  | {
      /** k kgce/t per percentage point of `input` away from `reference` on the given side (at most `maxPoints`). */
      readonly kind: 'per-point';
      readonly input: string;
      readonly reference: number;
      readonly side: 'below' | 'above' | 'both';
      readonly maxPoints: number | null;
      readonly perPoint: PerGrade;
      readonly description: string;
      readonly source: string;
      readonly tag: Tag;
    }
  | {
      /** Grade 3 multiplied by a - b·p/p0 for plants above `minAltitudeM` (p = local air pressure, Pa). */
      readonly kind: 'altitude-factor';
      readonly altitudeInput: string;
      readonly pressureInput: string;
      readonly minAltitudeM: number;
      readonly a: number;
      readonly b: number;
      readonly p0: number;
      readonly grades: PerGrade;
      readonly description: string;
      readonly source: string;
      readonly tag: Tag;
    }
  | {
      /** A fixed addition when a yes/no condition holds (e.g. wet coke quenching). */
      readonly kind: 'flag-add';
      readonly input: string;
      readonly add: PerGrade;
      readonly description: string;
      readonly source: string;
      readonly tag: Tag;
    }
  | {
      /** Limits multiplied by the product of factors the caller reads from the standard's tables. */
      readonly kind: 'factor-product';
      readonly inputs: readonly string[];
      readonly description: string;
      readonly source: string;
      readonly tag: Tag;
    }
  | {
      /** A correction the standard has but whose numbers are not encoded; results say so. */
      readonly kind: 'not-encoded';
      readonly description: string;
      readonly source: string;
      readonly tag: Tag;
    };

/** One product or process row of a quota standard: unit, three grade values, corrections. */
export interface QuotaRow {
  /** `GB 16780@2021#clinker-comprehensive`. */
  readonly key: string;
  readonly standardKey: string;
  readonly slug: string;
  readonly product: string;
  readonly unit: string;
  readonly grade1: Sourced<number> | null;
  readonly grade2: Sourced<number> | null;
  readonly grade3: Sourced<number> | null;
  readonly corrections: readonly QuotaCorrection[];
  /** Key of the matching NDRC benchmark/baseline row, where domain.md §5.2 relates them. */
  readonly benchmarkRow: string | null;
  readonly note: string | null;
}

/** A mandatory energy consumption quota standard (单位产品能源消耗限额) edition. */
export interface QuotaStandard {
  readonly kind: 'quota-standard';
  readonly id: string;
  readonly version: string;
  readonly key: string;
  readonly title: string;
  readonly inForce: string | null;
  readonly replaces: readonly string[];
  /** 'grades' for 1/2/3 editions; 'limit-entry-advanced' for older editions mapped onto grades 3/2/1. */
  readonly scheme: 'grades' | 'limit-entry-advanced';
  readonly source: string;
  readonly tag: Tag;
  readonly rows: readonly QuotaRow[];
}

/** A row as a data file writes it: grades as numbers (null for "—"), everything else optional. */
export interface QuotaRowInput {
  readonly slug: string;
  readonly product: string;
  readonly unit: string;
  readonly grades: PerGrade;
  readonly corrections?: readonly QuotaCorrection[];
  readonly benchmarkRow?: string;
  readonly note?: string;
}

/** The fields a data file writes for a quota standard. */
export interface QuotaStandardInput {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly inForce: string | null;
  readonly replaces?: readonly string[];
  readonly scheme?: 'grades' | 'limit-entry-advanced';
  readonly source: string;
  readonly tag: Tag;
  readonly rows: readonly QuotaRowInput[];
}

/** Builds a deep-frozen quota standard, tagging every grade value with the standard's source and tag. */
export function defineQuotaStandard(input: QuotaStandardInput): QuotaStandard {
  const key = standardKey(input.id, input.version);
  const grade = (v: number | null, unit: string): Sourced<number> | null =>
    v === null ? null : { value: v, unit, source: input.source, tag: input.tag, verified: input.tag !== 'U' };
  return deepFreeze({
    kind: 'quota-standard' as const,
    id: input.id,
    version: input.version,
    key,
    title: input.title,
    inForce: input.inForce,
    replaces: input.replaces ?? [],
    scheme: input.scheme ?? 'grades',
    source: input.source,
    tag: input.tag,
    rows: input.rows.map((r) => ({
      key: `${key}#${r.slug}`,
      standardKey: key,
      slug: r.slug,
      product: r.product,
      unit: r.unit,
      grade1: grade(r.grades[0], r.unit),
      grade2: grade(r.grades[1], r.unit),
      grade3: grade(r.grades[2], r.unit),
      corrections: r.corrections ?? [],
      benchmarkRow: r.benchmarkRow ?? null,
      note: r.note ?? null,
    })),
  });
}

import { GmError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';
import type { IndicatorDef, IndicatorSystem, PassRule, Reference, RatingBand } from './indicator-system.ts';
import { defineIndicatorSystem } from './indicator-system.ts';
import type { Sourced, Tag } from './sourced.ts';

/** What an industry (or product) edition changes in its base system; every number carries its own source. */
export interface DeriveOptions {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly source: string;
  readonly tag: Tag;
  /** Lead/baseline values per indicator code. */
  readonly references?: Readonly<
    Record<string, { readonly lead: Sourced<number> | null; readonly baseline: Sourced<number> | null }>
  >;
  /** Weights (points) per indicator code. */
  readonly weights?: Readonly<Record<string, Sourced<number> | null>>;
  readonly addIndicators?: readonly IndicatorDef[];
  readonly removeIndicators?: readonly string[];
  readonly passRule?: PassRule;
  readonly ratingBands?: readonly RatingBand[];
  readonly notes?: readonly string[];
}

/** Builds a new immutable edition from a base system (e.g. an industry standard from GB/T 36132-2025). */
export function deriveStandard(base: IndicatorSystem, options: DeriveOptions): IndicatorSystem {
  const codes = new Set(base.indicators.map((i) => i.code));
  const issues: FieldIssue[] = [];
  for (const field of ['references', 'weights'] as const) {
    for (const code of Object.keys(options[field] ?? {})) {
      if (!codes.has(code))
        issues.push({ field: `${field}.${code}`, message: `no indicator ${code} in ${base.key}` });
    }
  }
  for (const code of options.removeIndicators ?? []) {
    if (!codes.has(code))
      issues.push({ field: `removeIndicators`, message: `no indicator ${code} in ${base.key}`, value: code });
  }
  if (issues.length > 0) {
    const first = issues[0];
    throw new GmError('GM_VALIDATION', `Invalid derived standard: ${first ? first.message : ''}`, { issues });
  }
  const removed = new Set(options.removeIndicators ?? []);
  const indicators = base.indicators
    .filter((i) => !removed.has(i.code))
    .map((i): IndicatorDef => {
      const ref = options.references?.[i.code];
      const weight = options.weights?.[i.code];
      const reference: Reference = ref
        ? { kind: 'fixed', lead: ref.lead, baseline: ref.baseline }
        : i.reference;
      return { ...i, reference, ...(weight !== undefined ? { weight } : {}) };
    });
  return defineIndicatorSystem({
    id: options.id,
    version: options.version,
    title: options.title,
    titleZh: base.titleZh,
    subject: base.subject,
    source: options.source,
    tag: options.tag,
    groups: base.groups,
    gates: base.gates,
    indicators: [...indicators, ...(options.addIndicators ?? [])],
    defaultScoring: base.defaultScoring,
    passRule: options.passRule ?? base.passRule,
    ratingBands: options.ratingBands ?? base.ratingBands,
    notes: [`Derived from ${base.key}.`, ...(options.notes ?? [])],
  });
}

import type { AnyStandard } from '../../core/standards/standard-registry.ts';
import { standardRegistry } from '../../core/standards/standard-registry.ts';

/** One line of the standards catalogue. */
export interface StandardSummary {
  readonly key: string;
  readonly kind: AnyStandard['kind'];
  readonly id: string;
  readonly version: string;
  readonly title: string;
  /** Confidence tag of the edition as a whole (benchmark editions tag each row instead). */
  readonly tag: string | null;
  /** Indicator systems: what they evaluate, and how many gates and indicators. */
  readonly subject?: string;
  readonly gates?: number;
  readonly indicators?: number;
  /** Quota standards: rows; benchmark editions: rows over all areas. */
  readonly rows?: number;
}

const summaryOf = (s: AnyStandard): StandardSummary => {
  const base = {
    key: s.key,
    kind: s.kind,
    id: s.id,
    version: s.version,
    tag: s.kind === 'benchmark-edition' ? null : s.tag,
  };
  switch (s.kind) {
    case 'indicator-system':
      return {
        ...base,
        title: s.title,
        subject: s.subject,
        gates: s.gates.length,
        indicators: s.indicators.length,
      };
    case 'quota-standard':
      return { ...base, title: s.title, rows: s.rows.length };
    case 'benchmark-edition':
      return { ...base, title: s.title, rows: s.areas.reduce((n, a) => n + a.rows.length, 0) };
  }
};

/** The catalogue of loaded standard editions, optionally of one kind. */
export function listStandards(kind?: AnyStandard['kind']): StandardSummary[] {
  return standardRegistry
    .keys()
    .map((k) => standardRegistry.get(k))
    .filter((s) => kind === undefined || s.kind === kind)
    .map(summaryOf);
}

/** One standard edition as data (GM_STANDARD_NOT_FOUND when no edition has that key). */
export function getStandard(key: string): AnyStandard {
  return standardRegistry.get(key);
}

// The enterprise green code (企业绿码, MIIT, January 2024; domain.md §1.6 [S]): national green
// factories graded every year from their reported data, A+ for the top 5 %, A for the next 35 %,
// B for the remaining 60 %.
import { validationError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';

/** A green code grade. */
export type GreenCode = 'A+' | 'A' | 'B';

/** The shares of the grades, with their source (domain.md §1.6, relayed by szslczx.com [S]). */
export const greenCodeShares = Object.freeze({
  aPlus: 0.05,
  a: 0.35,
  source:
    'MIIT enterprise green code, January 2024 (domain.md §1.6) [S]: A+ top 5 %, A next 35 %, B remaining 60 %',
});

/** A unit's score from its reported data (higher is better). */
export interface ScoredUnit {
  readonly id: string;
  readonly score: number;
}

/**
 * Grades a population: ranked by score (higher first; equal scores by id, so the result does not
 * depend on input order), the first round(5 % × n) get A+, up to round(40 % × n) A, the rest B. The
 * published rule gives shares, not tie-breaking; units tied across a boundary are reported.
 */
export function greenCodes(units: readonly ScoredUnit[]): {
  readonly codes: Map<string, GreenCode>;
  readonly counts: Readonly<Record<GreenCode, number>>;
  /** Ids whose score equals that of a unit on the other side of a grade boundary. */
  readonly tiedAtBoundary: readonly string[];
} {
  const issues: FieldIssue[] = units.flatMap((u, i) =>
    Number.isFinite(u.score)
      ? []
      : [{ field: `units[${i}].score`, message: `${u.id}: not a finite number`, value: u.score }],
  );
  if (issues.length > 0) throw validationError(issues, 'green code scores');
  const ranked = [...units].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = ranked.length;
  const aPlus = Math.round(greenCodeShares.aPlus * n);
  const aOrBetter = Math.round((greenCodeShares.aPlus + greenCodeShares.a) * n);
  const codes = new Map<string, GreenCode>();
  ranked.forEach((u, i) => codes.set(u.id, i < aPlus ? 'A+' : i < aOrBetter ? 'A' : 'B'));
  const tied = new Set<string>();
  for (const cut of [aPlus, aOrBetter]) {
    if (cut <= 0 || cut >= n) continue;
    const edge = (ranked[cut - 1] as ScoredUnit).score;
    if ((ranked[cut] as ScoredUnit).score !== edge) continue;
    for (const u of ranked) if (u.score === edge) tied.add(u.id);
  }
  return {
    codes,
    counts: { 'A+': aPlus, A: aOrBetter - aPlus, B: n - aOrBetter },
    tiedAtBoundary: [...tied],
  };
}

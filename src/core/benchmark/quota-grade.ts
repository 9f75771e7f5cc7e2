// Quota grades of a unit-product energy figure (domain.md §5.1): lower is better; grade 1 is the
// benchmark (≈ advanced value, 先进值), grade 2 the requirement for new plants, grade 3 the limit
// every existing plant must meet. Corrections move the limits (adgo07/ECQuota-Insight models them
// the same way); when a multiplicative and an additive correction both apply, the limit is
// base × factors + additions.
import { validationError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';
import type { QuotaGradeNumber, QuotaRow } from '../standards/quota-standard.ts';

/** Correction inputs by name (e.g. `{ clinkerRatioPct: 78 }`, `{ wetQuenching: true }`); absent = reference conditions. */
export type CorrectionInputs = Readonly<Record<string, number | boolean>>;

/** The grade limits of a row after corrections, and what was and was not applied. */
export interface QuotaLimits {
  readonly rowKey: string;
  readonly unit: string;
  readonly grade1: number | null;
  readonly grade2: number | null;
  readonly grade3: number | null;
  readonly applied: readonly string[];
  /** Corrections the standard has but this package does not encode: the limits may be off by them. */
  readonly notEncoded: readonly string[];
  readonly usesUnverified: boolean;
}

const inputNames = (row: QuotaRow): Set<string> => {
  const names = new Set<string>();
  for (const c of row.corrections) {
    if (c.kind === 'per-point' || c.kind === 'flag-add') names.add(c.input);
    else if (c.kind === 'altitude-factor') {
      names.add(c.altitudeInput);
      names.add(c.pressureInput);
    } else if (c.kind === 'factor-product') for (const i of c.inputs) names.add(i);
  }
  return names;
};

/** Computes the corrected grade limits of a quota row; malformed or unknown correction inputs are a validation error. */
export function quotaLimits(row: QuotaRow, inputs: CorrectionInputs = {}): QuotaLimits {
  const issues: FieldIssue[] = [];
  const known = inputNames(row);
  for (const [name, v] of Object.entries(inputs)) {
    if (!known.has(name))
      issues.push({
        field: `corrections.${name}`,
        message: `${row.key} has no correction input "${name}"`,
        value: v,
      });
    else if (typeof v === 'number' && !Number.isFinite(v))
      issues.push({ field: `corrections.${name}`, message: 'not a finite number', value: v });
  }
  const num = (name: string): number | undefined => {
    const v = inputs[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'number') {
      issues.push({ field: `corrections.${name}`, message: 'expected a number', value: v });
      return undefined;
    }
    return v;
  };
  const base = [row.grade1?.value ?? null, row.grade2?.value ?? null, row.grade3?.value ?? null];
  const factor = [1, 1, 1];
  const add = [0, 0, 0];
  const applied: string[] = [];
  const notEncoded: string[] = [];
  let usesUnverified = [row.grade1, row.grade2, row.grade3].some((g) => g !== null && !g.verified);
  for (const c of row.corrections) {
    switch (c.kind) {
      case 'per-point': {
        const x = num(c.input);
        if (x === undefined) break;
        let points =
          c.side === 'below'
            ? Math.max(0, c.reference - x)
            : c.side === 'above'
              ? Math.max(0, x - c.reference)
              : x - c.reference;
        if (c.maxPoints !== null) points = Math.max(-c.maxPoints, Math.min(c.maxPoints, points));
        for (let g = 0; g < 3; g++) add[g] = (add[g] ?? 0) + (c.perPoint[g] ?? 0) * points;
        applied.push(c.description);
        usesUnverified ||= c.tag === 'U';
        break;
      }
      case 'altitude-factor': {
        const alt = num(c.altitudeInput);
        if (alt === undefined || alt <= c.minAltitudeM) break;
        const p = num(c.pressureInput);
        if (p === undefined) {
          if (inputs[c.pressureInput] === undefined) {
            issues.push({
              field: `corrections.${c.pressureInput}`,
              message: `required when ${c.altitudeInput} > ${c.minAltitudeM}`,
            });
          }
          break;
        }
        const k = c.a - (c.b * p) / c.p0;
        for (let g = 0; g < 3; g++) if (c.grades[g] !== null) factor[g] = (factor[g] ?? 1) * k;
        applied.push(c.description);
        usesUnverified ||= c.tag === 'U';
        break;
      }
      case 'flag-add': {
        const v = inputs[c.input];
        if (v === undefined) break;
        if (typeof v !== 'boolean') {
          issues.push({ field: `corrections.${c.input}`, message: 'expected true or false', value: v });
          break;
        }
        if (v) {
          for (let g = 0; g < 3; g++) add[g] = (add[g] ?? 0) + (c.add[g] ?? 0);
          applied.push(c.description);
          usesUnverified ||= c.tag === 'U';
        }
        break;
      }
      case 'factor-product': {
        const given = c.inputs.filter((i) => inputs[i] !== undefined);
        if (given.length === 0) break;
        if (given.length < c.inputs.length) {
          for (const i of c.inputs)
            if (inputs[i] === undefined)
              issues.push({ field: `corrections.${i}`, message: `all of ${c.inputs.join(', ')} are needed` });
          break;
        }
        let k = 1;
        for (const i of c.inputs) k *= num(i) ?? 1;
        for (let g = 0; g < 3; g++) factor[g] = (factor[g] ?? 1) * k;
        applied.push(c.description);
        usesUnverified ||= c.tag === 'U';
        break;
      }
      case 'not-encoded':
        notEncoded.push(c.description);
        break;
    }
  }
  if (issues.length > 0) throw validationError(issues, 'correction inputs');
  const limit = (g: 0 | 1 | 2): number | null => {
    const b = base[g];
    return b === null || b === undefined ? null : b * (factor[g] ?? 1) + (add[g] ?? 0);
  };
  return {
    rowKey: row.key,
    unit: row.unit,
    grade1: limit(0),
    grade2: limit(1),
    grade3: limit(2),
    applied,
    notEncoded,
    usesUnverified,
  };
}

/** The grade of a value: 1, 2, 3, or above the limit (worse than grade 3). */
export type QuotaGradeOutcome = QuotaGradeNumber | 'above-limit';

/** A graded value with the limits used. */
export interface QuotaGradeResult {
  readonly grade: QuotaGradeOutcome;
  /** True when the value is at or better than grade 1 (the advanced value / benchmark). */
  readonly meetsAdvanced: boolean;
  readonly limits: QuotaLimits;
  /** Grades the row does not define ("—" in the standard); they are skipped. */
  readonly undefinedGrades: readonly QuotaGradeNumber[];
  readonly usesUnverified: boolean;
}

/** Grades a unit-product energy value against a quota row after corrections: the best grade whose limit it meets. */
export function quotaGrade(
  row: QuotaRow,
  value: number,
  corrections: CorrectionInputs = {},
): QuotaGradeResult {
  if (!Number.isFinite(value))
    throw validationError([{ field: 'value', message: 'not a finite number', value }], 'quota value');
  const limits = quotaLimits(row, corrections);
  const ordered: readonly [QuotaGradeNumber, number | null][] = [
    [1, limits.grade1],
    [2, limits.grade2],
    [3, limits.grade3],
  ];
  const undefinedGrades = ordered.filter(([, l]) => l === null).map(([g]) => g);
  let grade: QuotaGradeOutcome = 'above-limit';
  for (const [g, l] of ordered) {
    if (l !== null && value <= l) {
      grade = g;
      break;
    }
  }
  return {
    grade,
    meetsAdvanced: limits.grade1 !== null && value <= limits.grade1,
    limits,
    undefinedGrades,
    usesUnverified: limits.usesUnverified,
  };
}

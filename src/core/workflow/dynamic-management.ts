/**
 * Annual dynamic management of listed units: self-declared data by its deadlines, the agency cap,
 * and what a failed check leads to (domain.md §1.3, §1.5).
 */
import { GmError, type FieldIssue } from '../errors.ts';
import { deadlineIn, programmeRules } from './programme-rules.ts';

export type ReportKind = 'full_year' | 'half_year' | 'dynamic_table';

export interface ReportingPeriod {
  readonly period: string;
  readonly kind: ReportKind;
  readonly year: number;
  /** The first day on which the report can be filed (the day after the period ends). */
  readonly opensOn: string;
  readonly dueOn: string;
  readonly source: string;
}

const periodPattern = /^(\d{4})(-H1|-dynamic)?$/;

/**
 * Parses a reporting period: "2024" is the full year 2024 (due 15 January 2025), "2024-H1" its
 * first half (due 15 July 2024), "2024-dynamic" the dynamic-management table for 2024 (due 15 April 2025).
 */
export function parseReportingPeriod(period: string): ReportingPeriod | null {
  const m = periodPattern.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2016 || year > 2100) return null;
  const r = programmeRules;
  if (m[2] === '-H1')
    return {
      period,
      kind: 'half_year',
      year,
      opensOn: `${m[1]}-07-01`,
      dueOn: deadlineIn(year, r.halfYearSelfDeclarationBy.value),
      source: r.halfYearSelfDeclarationBy.source,
    };
  if (m[2] === '-dynamic')
    return {
      period,
      kind: 'dynamic_table',
      year,
      opensOn: deadlineIn(year + 1, { month: 1, day: 1 }),
      dueOn: deadlineIn(year + 1, r.dynamicTableBy.value),
      source: r.dynamicTableBy.source,
    };
  return {
    period,
    kind: 'full_year',
    year,
    opensOn: deadlineIn(year + 1, { month: 1, day: 1 }),
    dueOn: deadlineIn(year + 1, r.fullYearSelfDeclarationBy.value),
    source: r.fullYearSelfDeclarationBy.source,
  };
}

/** Checks a report's period against today's date: it must be well formed and over; a report after its due date is accepted and marked late. */
export function checkReportingPeriod(
  period: string,
  today: string,
):
  | { readonly ok: true; readonly period: ReportingPeriod; readonly late: boolean }
  | { readonly ok: false; readonly issue: FieldIssue } {
  const p = parseReportingPeriod(period);
  if (!p)
    return {
      ok: false,
      issue: { field: 'period', message: 'expected YYYY, YYYY-H1 or YYYY-dynamic', value: period },
    };
  if (today < p.opensOn)
    return {
      ok: false,
      issue: {
        field: 'period',
        message: `the period has not ended; reports open on ${p.opensOn}`,
        value: period,
      },
    };
  return { ok: true, period: p, late: today > p.dueOn };
}

/**
 * Checks the art. 20 cap: evaluators under one legal representative take at most 15 national
 * evaluation projects a year; `used` counts those already signed this calendar year.
 */
export function checkAgencyQuota(input: {
  readonly agencyId: string;
  readonly legalRepresentative: string;
  readonly year: number;
  readonly used: number;
}): void {
  const cap = programmeRules.agencyNationalEvaluationsPerYear.value;
  if (input.used >= cap)
    throw new GmError(
      'GM_QUOTA_EXCEEDED',
      `Agencies under legal representative "${input.legalRepresentative}" have signed ${input.used} national evaluations in ${input.year}; the cap is ${cap}`,
      {
        field: 'agencyId',
        agencyId: input.agencyId,
        legalRepresentative: input.legalRepresentative,
        year: input.year,
        used: input.used,
        cap,
        source: programmeRules.agencyNationalEvaluationsPerYear.source,
      },
    );
}

/** Decodes standard base64 to bytes, or null when the text is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

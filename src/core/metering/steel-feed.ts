import type { FieldIssue } from '../errors.ts';
import { epochSecondsOf, isValidCivil } from './civil-time.ts';

/**
 * Epoch seconds of a timestamp of the UCI steel plant feed ("DD/MM/YYYY HH:MM", site time). The
 * feed writes the reading that closes a day (24:00) as 00:00 of that same date: it is the last row
 * of the date's block and its NSM (seconds since midnight) column is 0 where the row before it
 * has 85500. So 00:00 is read as 00:00 of the next day. NaN when the text is not such a timestamp.
 */
export function steelFeedTimestamp(text: string, utcOffsetMinutes: number): number {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(text);
  if (!m) return NaN;
  const [d, mo, y, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  if (!isValidCivil(y, mo, d, h, mi, 0)) return NaN;
  const ts = epochSecondsOf(y, mo, d, h, mi, 0, utcOffsetMinutes);
  return h === 0 && mi === 0 ? ts + 86400 : ts;
}

/**
 * Readings of the steel plant feed's `Usage_kWh` column (each row is the energy of the 15 minutes
 * ending at its timestamp), with any row that does not parse reported by its line.
 */
export function steelFeedReadings(
  rows: readonly { readonly line: number; readonly cells: Readonly<Record<string, string>> }[],
  utcOffsetMinutes: number,
): { readonly readings: { ts: number; value: number }[]; readonly issues: FieldIssue[] } {
  const readings: { ts: number; value: number }[] = [];
  const issues: FieldIssue[] = [];
  for (const { line, cells } of rows) {
    const ts = steelFeedTimestamp(cells.date ?? '', utcOffsetMinutes);
    const value = Number(cells.Usage_kWh);
    if (Number.isNaN(ts))
      issues.push({ field: 'date', row: line, message: 'not DD/MM/YYYY HH:MM', value: cells.date });
    else if (!Number.isFinite(value) || cells.Usage_kWh === '')
      issues.push({ field: 'Usage_kWh', row: line, message: 'not a number', value: cells.Usage_kWh });
    else readings.push({ ts, value });
  }
  return { readings, issues };
}

import type { CsvCursor, Rejection } from '../../core/metering/reading-input.ts';
import { readCsv } from '../read-csv.ts';

/** Where each CSV row's cells go: called once per data row with its 0-based index. */
export type ReadingSink = (
  index: number,
  meter: string,
  ts: string,
  value: string,
  unit: string | undefined,
) => void;

/** The same, with the cells given as [start, end) spans of the text (the fast path slices nothing). */
export type ReadingSpanSink = (
  index: number,
  text: string,
  ms: number,
  me: number,
  ts: number,
  te: number,
  vs: number,
  ve: number,
  us: number,
  ue: number,
) => void;

/**
 * Reads a CSV body of readings with a header naming `meter`, `ts` and `value` (and optionally
 * `unit`), in any order, calling `sink` per data row. Unquoted text, the usual case for machine
 * feeds, takes a fast path that scans for commas and line ends without building row objects;
 * text with quotes goes through the RFC 4180 parser. A header without the columns, or a row with
 * the wrong number of fields, is reported as a rejection naming the row.
 */
export function parseReadingsCsv(
  text: string,
  sink: ReadingSink,
  spanSink: ReadingSpanSink = (i, t, ms, me, ts, te, vs, ve, us, ue) =>
    sink(i, t.slice(ms, me), t.slice(ts, te), t.slice(vs, ve), us < 0 ? undefined : t.slice(us, ue)),
  scan?: (text: string, cursor: CsvCursor, withUnit: boolean) => void,
): { rows: number; rejections: Rejection[] } {
  const rejections: Rejection[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const headEnd = body.indexOf('\n');
  const headLine = (headEnd < 0 ? body : body.slice(0, headEnd)).replace(/\r$/, '');
  const header = headLine.split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  const col = (name: string) => header.indexOf(name);
  const [mi, ti, vi, ui] = [col('meter'), col('ts'), col('value'), col('unit')];
  if (mi < 0 || ti < 0 || vi < 0) {
    rejections.push({
      index: -1,
      reason: 'malformed',
      field: '(header)',
      message: `the header must name the columns meter, ts and value; found ${header.join(',')}`,
    });
    return { rows: 0, rejections };
  }
  const width = header.length;
  if (body.includes('"')) {
    const table = readCsv(body);
    for (const issue of table.issues)
      rejections.push({
        index: (issue.row ?? 2) - 2,
        reason: 'malformed',
        field: issue.field,
        message: issue.message,
      });
    table.rows.forEach((r, i) => {
      const c = r.cells;
      sink(i, c.meter ?? '', c.ts ?? '', c.value ?? '', ui < 0 ? undefined : c.unit);
    });
    return { rows: table.rows.length, rejections };
  }
  const starts = new Int32Array(width);
  const ends = new Int32Array(width);
  // The documented order takes the validator's fused scan; it stops at any row it cannot decide
  // alone, which the loop below reads field by field, and then resumes.
  const standard = mi === 0 && ti === 1 && vi === 2 && (width === 3 || (width === 4 && ui === 3));
  const cursor = { pos: headEnd < 0 ? body.length : headEnd + 1, index: 0 };
  const n = body.length;
  for (;;) {
    if (standard && scan) scan(body, cursor, width === 4);
    if (cursor.pos >= n) break;
    const pos = cursor.pos;
    const index = cursor.index;
    let end = body.indexOf('\n', pos);
    if (end < 0) end = n;
    let lineEnd = end;
    if (lineEnd > pos && body.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    if (lineEnd > pos) {
      let f = 0;
      let start = pos;
      while (f < width) {
        let comma = body.indexOf(',', start);
        if (comma < 0 || comma > lineEnd) comma = lineEnd;
        starts[f] = start;
        ends[f++] = comma;
        start = comma + 1;
        if (comma === lineEnd) break;
      }
      if (f !== width || start <= lineEnd) {
        rejections.push({
          index,
          reason: 'malformed',
          field: '(row)',
          message: `expected ${width} fields as in the header`,
          value: body.slice(pos, lineEnd),
        });
      } else
        spanSink(
          index,
          body,
          starts[mi] as number,
          ends[mi] as number,
          starts[ti] as number,
          ends[ti] as number,
          starts[vi] as number,
          ends[vi] as number,
          ui < 0 ? -1 : (starts[ui] as number),
          ui < 0 ? -1 : (ends[ui] as number),
        );
      cursor.index++;
    }
    cursor.pos = end + 1;
  }
  return { rows: cursor.index, rejections };
}

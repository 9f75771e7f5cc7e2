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
  input: string | Uint8Array,
  sink: ReadingSink,
  spanSink: ReadingSpanSink = (i, t, ms, me, ts, te, vs, ve, us, ue) =>
    sink(i, t.slice(ms, me), t.slice(ts, te), t.slice(vs, ve), us < 0 ? undefined : t.slice(us, ue)),
  scan?: (bytes: Uint8Array, cursor: CsvCursor, withUnit: boolean) => void,
): { rows: number; rejections: Rejection[] } {
  const rejections: Rejection[] = [];
  const bytes = typeof input === 'string' ? undefined : input;
  // The text of the body (decoded only when the general path needs it) and its first line.
  let body: string | undefined;
  let headLine: string;
  let bodyStart = 0;
  if (bytes) {
    bodyStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const nl = bytes.indexOf(10, bodyStart);
    headLine = decode(bytes.subarray(bodyStart, nl < 0 ? bytes.length : nl));
  } else {
    body = (input as string).charCodeAt(0) === 0xfeff ? (input as string).slice(1) : (input as string);
    const nl = body.indexOf('\n');
    headLine = nl < 0 ? body : body.slice(0, nl);
  }
  headLine = headLine.replace(/\r$/, '');
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
  const starts = new Int32Array(width);
  const ends = new Int32Array(width);
  /** Splits one row text[pos, lineEnd) into its fields and hands it on, or rejects it. */
  const readRow = (text: string, pos: number, lineEnd: number, index: number) => {
    let f = 0;
    let start = pos;
    while (f < width) {
      let comma = text.indexOf(',', start);
      if (comma < 0 || comma > lineEnd) comma = lineEnd;
      starts[f] = start;
      ends[f++] = comma;
      start = comma + 1;
      if (comma === lineEnd) break;
    }
    if (f !== width || start <= lineEnd)
      rejections.push({
        index,
        reason: 'malformed',
        field: '(row)',
        message: `expected ${width} fields as in the header`,
        value: text.slice(pos, lineEnd),
      });
    else
      spanSink(
        index,
        text,
        starts[mi] as number,
        ends[mi] as number,
        starts[ti] as number,
        ends[ti] as number,
        starts[vi] as number,
        ends[vi] as number,
        ui < 0 ? -1 : (starts[ui] as number),
        ui < 0 ? -1 : (ends[ui] as number),
      );
  };

  // The documented order, without quotes, takes the validator's fused scan over the bytes; it
  // stops at any row it cannot decide alone, which is decoded and read field by field, and resumes.
  const standard = mi === 0 && ti === 1 && vi === 2 && (width === 3 || (width === 4 && ui === 3));
  if (scan && standard && !(bytes ? bytes.includes(34) : (body as string).includes('"'))) {
    const raw = bytes ?? new TextEncoder().encode(body);
    const n = raw.length;
    const first = raw.indexOf(10, bodyStart);
    const cursor = { pos: first < 0 ? n : first + 1, index: 0 };
    for (;;) {
      scan(raw, cursor, width === 4);
      if (cursor.pos >= n) break;
      let end = raw.indexOf(10, cursor.pos);
      if (end < 0) end = n;
      const line = decode(raw.subarray(cursor.pos, end)).replace(/\r$/, '');
      if (line.length > 0) readRow(line, 0, line.length, cursor.index++);
      cursor.pos = end + 1;
    }
    return { rows: cursor.index, rejections };
  }

  const text = body ?? decode((bytes as Uint8Array).subarray(bodyStart));
  if (text.includes('"')) {
    const table = readCsv(text);
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
  let index = 0;
  let pos = text.indexOf('\n');
  pos = pos < 0 ? text.length : pos + 1;
  const n = text.length;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    let lineEnd = end;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    if (lineEnd > pos) readRow(text, pos, lineEnd, index++);
    pos = end + 1;
  }
  return { rows: index, rejections };
}

const utf8 = new TextDecoder();
const decode = (bytes: Uint8Array) => utf8.decode(bytes);

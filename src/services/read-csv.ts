import { CsvError, parse } from 'csv-parse/sync';
import type { FieldIssue } from '../core/errors.ts';

export interface CsvTable {
  readonly header: string[];
  readonly rows: { readonly line: number; readonly cells: Record<string, string> }[];
  readonly issues: FieldIssue[];
}

/**
 * Parses CSV text (UTF-8, optional BOM) into rows keyed by the header. A row with the wrong number
 * of fields, or text that is not CSV, becomes an issue naming its line; nothing is thrown.
 */
export function readCsv(text: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      return {
        header: [],
        rows: [],
        issues: [{ field: '(csv)', message: e.message, ...(line === undefined ? {} : { row: line }) }],
      };
    }
    throw e;
  }
  const [head, ...body] = records;
  if (!head)
    return {
      header: [],
      rows: [],
      issues: [{ field: '(csv)', row: 1, message: 'the file is empty: no header row' }],
    };
  const header = head.record.map((h) => h.trim());
  const issues: FieldIssue[] = [];
  const rows: CsvTable['rows'] = [];
  for (const { record, info } of body) {
    if (record.length !== header.length) {
      issues.push({
        field: '(row)',
        row: info.lines,
        message: `expected ${header.length} fields as in the header, found ${record.length}`,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, i) => (cells[h] = record[i] ?? ''));
    rows.push({ line: info.lines, cells });
  }
  return { header, rows, issues };
}

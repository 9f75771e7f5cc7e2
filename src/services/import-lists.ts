import type { FieldIssue } from '../core/errors.ts';
import type { CodeTables, ImportOutcome, Registry, TextSource } from '../core/ports.ts';
import { buildRegionResolver } from '../core/registry/region-resolver.ts';
import { checkListHeader, parseListRows, type ParsedList } from '../core/registry/parse-list-rows.ts';
import type { Enterprise, UnitKind } from '../core/registry/types.ts';
import { readCsv } from './read-csv.ts';

/** The four published lists shipped in datasets/miit-green-manufacturing. */
export const shippedListPaths: Readonly<Record<UnitKind, string>> = {
  factory: 'miit-green-manufacturing/green_factories.csv',
  supply_chain: 'miit-green-manufacturing/green_supply_chain_enterprises.csv',
  park: 'miit-green-manufacturing/green_industrial_parks.csv',
  product: 'miit-green-manufacturing/green_design_products.csv',
};

export interface ListReport {
  readonly kind: UnitKind;
  readonly file: string;
  readonly rows: number;
  readonly units: number;
  readonly issues: readonly FieldIssue[];
  readonly skipped: ParsedList['skipped'];
}

export interface ImportReport {
  /** False when any row could not be mapped: then nothing was written. */
  readonly ok: boolean;
  readonly lists: readonly ListReport[];
  readonly outcome: ImportOutcome | null;
}

/**
 * Imports the published lists: every row is mapped to a region (and an industry where the list
 * names one) before anything is written; a single unmappable row leaves the database as it was.
 * Importing the same files twice reports every row unchanged.
 */
export async function importLists(
  ports: { source: TextSource; codeTables: CodeTables; registry: Registry },
  paths: Readonly<Record<UnitKind, string>> = shippedListPaths,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  const resolver = buildRegionResolver(await ports.codeTables.allRegions());
  const reports: ListReport[] = [];
  const parsed: ParsedList[] = [];
  const kinds = Object.keys(paths) as UnitKind[];
  for (const [i, kind] of kinds.entries()) {
    const path = paths[kind];
    const table = readCsv(await ports.source.readText(path));
    const headerIssues = table.header.length > 0 ? checkListHeader(kind, table.header) : [];
    const result = parseListRows(kind, headerIssues.length > 0 ? [] : table.rows, resolver);
    parsed.push(result);
    const units =
      result.factories.length + result.parks.length + result.supplyChain.length + result.products.length;
    reports.push({
      kind,
      file: ports.source.describe(path),
      rows: table.rows.length,
      units,
      issues: [...table.issues, ...headerIssues, ...result.issues],
      skipped: result.skipped,
    });
    onProgress?.(i + 1, kinds.length + 1);
  }
  if (reports.some((r) => r.issues.length > 0)) return { ok: false, lists: reports, outcome: null };

  const enterprises = new Map<string, Enterprise>();
  for (const p of parsed)
    for (const [id, e] of p.enterprises) if (!enterprises.has(id)) enterprises.set(id, e);
  const outcome = await ports.registry.applyListImport({
    enterprises: [...enterprises.values()],
    factories: parsed.flatMap((p) => p.factories),
    parks: parsed.flatMap((p) => p.parks),
    supplyChain: parsed.flatMap((p) => p.supplyChain),
    products: parsed.flatMap((p) => p.products),
    events: parsed.flatMap((p) => p.events),
  });
  onProgress?.(kinds.length + 1, kinds.length + 1);
  return { ok: true, lists: reports, outcome };
}

/** One line per issue, naming the file, the row and the field, for the CLI and logs. */
export function formatImportIssues(report: ImportReport): string[] {
  return report.lists.flatMap((l) =>
    l.issues.map(
      (i) => `${l.file}: ${i.row === undefined ? '' : `row ${i.row}, `}field "${i.field}": ${i.message}`,
    ),
  );
}

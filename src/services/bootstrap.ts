import { GmError } from '../core/errors.ts';
import type { CodeTables, Registry, TextSource } from '../core/ports.ts';
import { loadCodeTables } from './code-tables.ts';
import { formatImportIssues, importLists, type ImportReport } from './import-lists.ts';

/**
 * What the first start does: load the code tables and import the shipped lists when the database
 * has none. Later starts find them and do nothing, so a restart never re-imports.
 */
export async function bootstrapRegistry(
  ports: { source: TextSource; codeTables: CodeTables; registry: Registry },
  onProgress?: (done: number, total: number) => void,
): Promise<{ loadedCodeTables: boolean; imported: ImportReport | null }> {
  let loadedCodeTables = false;
  if ((await ports.codeTables.countRegions()) === 0) {
    await loadCodeTables(ports);
    loadedCodeTables = true;
  }
  const counts = await ports.registry.counts();
  if (counts.factories + counts.parks + counts.supplyChainEnterprises + counts.products > 0)
    return { loadedCodeTables, imported: null };
  const imported = await importLists(ports, undefined, onProgress);
  if (!imported.ok) {
    throw new GmError(
      'GM_VALIDATION',
      `The shipped lists did not import:\n${formatImportIssues(imported).join('\n')}`,
    );
  }
  return { loadedCodeTables, imported };
}

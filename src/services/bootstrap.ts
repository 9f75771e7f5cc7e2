import { GmError } from '../core/errors.ts';
import type { CodeTables, OperatingYears, Registry, TextSource } from '../core/ports.ts';
import { loadCodeTables } from './code-tables.ts';
import { formatImportIssues, importLists, type ImportReport } from './import-lists.ts';
import { SIMULATION_VERSION } from '../core/simulation/operating-data.ts';
import { simulateOperatingData, simulatedYears } from './operating/simulate-operating-data.ts';

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

/**
 * Simulates operating data for every listed factory and park when the store holds none, so the
 * console has something to account and evaluate; every simulated record says so and carries its seed.
 */
export async function bootstrapOperatingData(
  ports: { registry: Registry; operatingYears: OperatingYears },
  seed: string,
): Promise<{ records: number } | null> {
  if ((await ports.operatingYears.count()) > 0) {
    // Simulated years written by an older simulation lack fields the evaluation needs: simulate them
    // again from the seed they were made with (reported years are never touched).
    const sample = (await ports.operatingYears.allOfKind('factory', Math.max(...simulatedYears)))[0]?.data;
    const stale = sample?.['simulated'] === true && sample['simulationVersion'] !== SIMULATION_VERSION;
    const storedSeed = typeof sample?.['seed'] === 'string' ? sample['seed'] : seed;
    if (!stale) return null;
    const redone = await simulateOperatingData(ports, { seed: storedSeed });
    return { records: redone.records };
  }
  const done = await simulateOperatingData(ports, { seed });
  return { records: done.records };
}

import type { OperatingYearRecord, OperatingYears, Registry } from '../../core/ports.ts';
import { stableId } from '../../core/registry/stable-id.ts';
import { simulateFactoryYear, simulateParkYear } from '../../core/simulation/operating-data.ts';

/** The years simulated on first start: the latest two with published grid factors (domain.md §6.2). */
export const simulatedYears: readonly number[] = [2022, 2023];

/**
 * Simulates operating data for every listed factory and park, deterministic from the seed, and
 * replaces the simulated years in the store. Reported (non-simulated) years are never touched.
 */
export async function simulateOperatingData(
  ports: { registry: Registry; operatingYears: OperatingYears },
  options: { seed: string; years?: readonly number[] },
  onProgress?: (done: number, total: number) => void,
): Promise<{ factories: number; parks: number; records: number }> {
  const years = options.years ?? simulatedYears;
  const records: OperatingYearRecord[] = [];
  const pageSize = 1000;
  let factories = 0;
  let parks = 0;
  for (let page = 1; ; page++) {
    const batch = await ports.registry.listFactories({ page, pageSize, sort: 'name' });
    for (const f of batch.items) {
      factories++;
      for (const year of years) {
        records.push({
          id: stableId('opy', 'factory', f.id, String(year)),
          enterpriseId: f.enterpriseId,
          unitKind: 'factory',
          unitId: f.id,
          year,
          simulated: true,
          seed: options.seed,
          data: { ...simulateFactoryYear(f, year, options.seed) },
        });
      }
    }
    onProgress?.(factories, batch.total);
    if (page * pageSize >= batch.total) break;
  }
  for (let page = 1; ; page++) {
    const batch = await ports.registry.listParks({ page, pageSize, sort: 'name' });
    for (const p of batch.items) {
      parks++;
      for (const year of years) {
        records.push({
          id: stableId('opy', 'park', p.id, String(year)),
          enterpriseId: null,
          unitKind: 'park',
          unitId: p.id,
          year,
          simulated: true,
          seed: options.seed,
          data: { ...simulateParkYear(p, year, options.seed) },
        });
      }
    }
    if (page * pageSize >= batch.total) break;
  }
  await ports.operatingYears.replaceAll(records);
  return { factories, parks, records: records.length };
}

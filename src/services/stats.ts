import type { CodeTables, Registry, UnitsByKey } from '../core/ports.ts';
import { listBatches } from '../core/registry/batches.ts';

/** The headline statistics of the programme as the API and `greenmfg stats` present them. */
export interface ProgrammeStats extends UnitsByKey {
  readonly enterprises: number;
  readonly byProvince: readonly (UnitsByKey & {
    readonly provinceCode: string | null;
    readonly name: string | null;
  })[];
  readonly byBatch: readonly (UnitsByKey & {
    readonly batch: string;
    readonly labelZh: string;
    readonly labelEn: string;
    readonly published: string | null;
  })[];
}

/** Computes the headline statistics from the database, naming provinces and batches. */
export async function getStats(ports: {
  registry: Registry;
  codeTables: CodeTables;
}): Promise<ProgrammeStats> {
  const counts = await ports.registry.counts();
  const names = new Map(
    (await ports.codeTables.allRegions()).filter((r) => r.level === 'province').map((r) => [r.code, r.name]),
  );
  return {
    factories: counts.factories,
    supplyChainEnterprises: counts.supplyChainEnterprises,
    parks: counts.parks,
    products: counts.products,
    enterprises: counts.enterprises,
    byProvince: counts.byProvince.map((p) => ({
      ...p,
      name: p.provinceCode === null ? null : (names.get(p.provinceCode) ?? null),
    })),
    byBatch: counts.byBatch.map((b) => {
      const batch = listBatches.find((x) => x.code === b.batch);
      return {
        ...b,
        labelZh: batch?.labelZh ?? b.batch,
        labelEn: batch?.labelEn ?? b.batch,
        published: batch?.published ?? null,
      };
    }),
  };
}

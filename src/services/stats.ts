import type { CodeTables, OperatingYears, Registry, UnitsByKey } from '../core/ports.ts';
import { listBatches } from '../core/registry/batches.ts';
import { getProgrammeClaims, type ProgrammeClaims } from './evaluation/programme-claims.ts';

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
  /**
   * The programme's claims computed over the loaded population (issue 3 item 7), labelled with
   * where the operating data came from; absent without operating data.
   */
  readonly claims?: ProgrammeClaims;
}

/** Computes the headline statistics from the database, naming provinces and batches, with the programme's claims when operating data is there. */
export async function getStats(ports: {
  registry: Registry;
  codeTables: CodeTables;
  operatingYears?: OperatingYears;
}): Promise<ProgrammeStats> {
  const counts = await ports.registry.counts();
  const names = new Map(
    (await ports.codeTables.allRegions()).filter((r) => r.level === 'province').map((r) => [r.code, r.name]),
  );
  const claims =
    ports.operatingYears && (await ports.operatingYears.count()) > 0
      ? await getProgrammeClaims({ registry: ports.registry, operatingYears: ports.operatingYears })
      : undefined;
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
    ...(claims ? { claims } : {}),
  };
}

import {
  accountOperatingYear,
  type OperatingYearAccounts,
} from '../../core/accounting/operating-year-accounts.ts';
import { GmError } from '../../core/errors.ts';
import type { OperatingYearRecord, OperatingYears, Registry } from '../../core/ports.ts';
import type { FactoryOperatingYear } from '../../core/simulation/operating-data.ts';

/** A factory's operating years, each with its energy and carbon accounts. */
export interface FactoryAccounts {
  readonly factoryId: string;
  readonly years: readonly {
    readonly year: number;
    readonly simulated: boolean;
    readonly seed: string | null;
    readonly data: Readonly<Record<string, unknown>>;
    readonly accounts: OperatingYearAccounts;
  }[];
}

/** Reads a factory's operating years and accounts each: tce, unit-product energy, scope 1 and 2 CO2. */
export async function getFactoryAccounts(
  ports: { registry: Registry; operatingYears: OperatingYears },
  factoryId: string,
): Promise<FactoryAccounts> {
  const factory = await ports.registry.getFactory(factoryId);
  if (!factory)
    throw new GmError('GM_NOT_FOUND', `No factory with id "${factoryId}"`, { field: 'id', id: factoryId });
  const records: OperatingYearRecord[] = await ports.operatingYears.ofUnit('factory', factoryId);
  return {
    factoryId,
    years: records.map((r) => {
      const d = r.data as unknown as FactoryOperatingYear;
      return {
        year: r.year,
        simulated: r.simulated,
        seed: r.seed,
        data: r.data,
        accounts: accountOperatingYear(
          { year: r.year, production: d.production, productUnit: d.product.unit, energy: d.energy },
          factory.regionCode,
        ),
      };
    }),
  };
}

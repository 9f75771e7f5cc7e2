/**
 * Operating data as the API serves it (GET /api/v1/factories/{id}/accounts and
 * /api/v1/parks/{id}/operating-years). The records and accounts are core types; the response
 * envelopes mirror src/services/operating/factory-accounts.ts and src/server/plugins/operating-routes.ts.
 */
import type { OperatingYearAccounts } from '../../../../src/core/accounting/operating-year-accounts.ts';
import type {
  FactoryOperatingYear,
  ParkOperatingYear,
} from '../../../../src/core/simulation/operating-data.ts';

export interface FactoryAccountsResponse {
  readonly factoryId: string;
  readonly years: readonly {
    readonly year: number;
    readonly simulated: boolean;
    readonly seed: string | null;
    readonly data: FactoryOperatingYear;
    readonly accounts: OperatingYearAccounts;
  }[];
}

export interface ParkOperatingYearsResponse {
  readonly parkId: string;
  readonly years: readonly {
    readonly year: number;
    readonly simulated: boolean;
    readonly seed: string | null;
    readonly data: ParkOperatingYear;
  }[];
}

/** A share as a percentage with one decimal, or a dash when the whole is zero. */
export function percent(part: number, whole: number, language: string): string {
  if (!(whole > 0)) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);
}

import { GmError } from '../errors.ts';
import type { BenchmarkEdition, BenchmarkRow } from './benchmark-edition.ts';
import type { IndicatorSystem } from './indicator-system.ts';
import type { QuotaRow, QuotaStandard } from './quota-standard.ts';
import { gbt32161of2015 } from './data/gbt-32161-2015.ts';
import { gbt36132of2018, miitGreenFactory2016 } from './data/gbt-36132-2018.ts';
import { gbt36132of2025 } from './data/gbt-36132-2025.ts';
import { miitGreenPark2016 } from './data/green-park-2016.ts';
import { ndrcBenchmark2021 } from './data/ndrc-benchmark-2021.ts';
import { ndrcBenchmark2023 } from './data/ndrc-benchmark-2023.ts';
import {
  gb21257of2024,
  gb21343of2023,
  gb21344of2023,
  gb21346of2022,
  gb25323of2023,
  gb29140of2024,
  gb29436of2023,
  gb30251of2024,
} from './data/quota-chemicals-metals.ts';
import { gb21256of2007, gb21257of2008, gb21346of2013 } from './data/quota-historic.ts';
import {
  gb16780of2021,
  gb21256of2025,
  gb21340of2019,
  gb21341of2022,
  gb21342of2025,
} from './data/quota-steel-building.ts';
import { miitGreenSupplyChain2016, miitGreenSupplyChainElectronicsStars } from './data/supply-chain-2016.ts';

/** Anything the registry holds, discriminated by `kind`. */
export type AnyStandard = IndicatorSystem | QuotaStandard | BenchmarkEdition;

/** Look-ups over a fixed set of standard editions keyed `id@version`. */
export interface StandardRegistry {
  readonly keys: () => readonly string[];
  readonly get: (key: string) => AnyStandard;
  readonly indicatorSystem: (key: string) => IndicatorSystem;
  readonly quotaStandard: (key: string) => QuotaStandard;
  readonly benchmarkEdition: (key: string) => BenchmarkEdition;
  /** A quota row by its key, e.g. `GB 16780@2021#clinker-comprehensive`. */
  readonly quotaRow: (rowKey: string) => QuotaRow;
  /** A benchmark row by its key, e.g. `NDRC-benchmark@2021#cement-clinker`. */
  readonly benchmarkRow: (rowKey: string) => BenchmarkRow;
  readonly list: <K extends AnyStandard['kind']>(kind: K) => readonly Extract<AnyStandard, { kind: K }>[];
}

const notFound = (key: string, kind?: string): GmError =>
  new GmError('GM_STANDARD_NOT_FOUND', `No ${kind ?? 'standard'} "${key}" is loaded`, {
    key,
    ...(kind ? { kind } : {}),
  });

/** Builds a registry over the given editions; duplicate keys are a conflict. */
export function createStandardRegistry(standards: readonly AnyStandard[]): StandardRegistry {
  const byKey = new Map<string, AnyStandard>();
  const quotaRows = new Map<string, QuotaRow>();
  const benchmarkRows = new Map<string, BenchmarkRow>();
  for (const s of standards) {
    if (byKey.has(s.key))
      throw new GmError('GM_CONFLICT', `Standard ${s.key} is loaded twice`, { key: s.key });
    byKey.set(s.key, s);
    if (s.kind === 'quota-standard') for (const r of s.rows) quotaRows.set(r.key, r);
    if (s.kind === 'benchmark-edition')
      for (const a of s.areas) for (const r of a.rows) benchmarkRows.set(r.key, r);
  }
  const get = (key: string): AnyStandard => {
    const s = byKey.get(key);
    if (!s) throw notFound(key);
    return s;
  };
  const ofKind =
    <K extends AnyStandard['kind']>(kind: K) =>
    (key: string): Extract<AnyStandard, { kind: K }> => {
      const s = get(key);
      if (s.kind !== kind) throw notFound(key, kind);
      return s as Extract<AnyStandard, { kind: K }>;
    };
  return {
    keys: () => [...byKey.keys()].sort(),
    get,
    indicatorSystem: ofKind('indicator-system'),
    quotaStandard: ofKind('quota-standard'),
    benchmarkEdition: ofKind('benchmark-edition'),
    quotaRow: (rowKey) => {
      const r = quotaRows.get(rowKey);
      if (!r) throw notFound(rowKey, 'quota row');
      return r;
    },
    benchmarkRow: (rowKey) => {
      const r = benchmarkRows.get(rowKey);
      if (!r) throw notFound(rowKey, 'benchmark row');
      return r;
    },
    list: (kind) => [...byKey.values()].filter((s) => s.kind === kind) as never,
  };
}

/** Every edition encoded in this package (see docs/standards.md). */
export const builtinStandards: readonly AnyStandard[] = Object.freeze([
  gbt36132of2025,
  gbt36132of2018,
  miitGreenFactory2016,
  miitGreenPark2016,
  miitGreenSupplyChain2016,
  miitGreenSupplyChainElectronicsStars,
  gbt32161of2015,
  gb21256of2025,
  gb16780of2021,
  gb21340of2019,
  gb21342of2025,
  gb21341of2022,
  gb21346of2022,
  gb21257of2024,
  gb21344of2023,
  gb30251of2024,
  gb25323of2023,
  gb21343of2023,
  gb29436of2023,
  gb29140of2024,
  gb21256of2007,
  gb21257of2008,
  gb21346of2013,
  ndrcBenchmark2021,
  ndrcBenchmark2023,
]);

/** The registry of the built-in editions. */
export const standardRegistry: StandardRegistry = createStandardRegistry(builtinStandards);

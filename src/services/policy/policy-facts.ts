import { comprehensiveEnergy } from '../../core/accounting/comprehensive-energy.ts';
import { quantity } from '../../core/units/quantity.ts';
import { parseUnit } from '../../core/units/unit-registry.ts';
import type { PolicyFacts } from '../../core/policy/compile-policy-condition.ts';
import type { OperatingYears, Registry } from '../../core/ports.ts';
import { listBatches } from '../../core/registry/batches.ts';
import type { Placement, UnitKind } from '../../core/registry/types.ts';
import type { FactoryOperatingYear } from '../../core/simulation/operating-data.ts';

/** A unit with the facts it is matched on. */
export interface UnitFacts {
  readonly kind: UnitKind;
  readonly id: string;
  readonly name: string;
  readonly facts: PolicyFacts;
}

const listYear = (batch: string): number =>
  Number((listBatches.find((b) => b.code === batch)?.published ?? '0').slice(0, 4));

/** The facts every listed unit has from the registry: kind, tier, list year, region and industry. */
export function registryFacts(
  kind: UnitKind,
  unit: Placement & { batch: string; industryCode?: string | null },
): Record<string, string | number | boolean> {
  const facts: Record<string, string | number | boolean> = {
    unitKind: kind,
    // Every unit of the shipped lists is on the national list.
    tier: 'national',
    listYear: listYear(unit.batch),
    batch: unit.batch,
  };
  if (unit.provinceCode) facts.provinceCode = unit.provinceCode;
  if (unit.regionCode) facts.regionCode = unit.regionCode;
  if (unit.industryCode)
    facts.industryDivision = /^\d/.test(unit.industryCode)
      ? unit.industryCode.slice(0, 2)
      : unit.industryCode;
  return facts;
}

const pageThrough = async <T>(
  fetch: (page: number) => Promise<{ items: readonly T[]; total: number }>,
): Promise<T[]> => {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const batch = await fetch(page);
    all.push(...batch.items);
    if (all.length >= batch.total || batch.items.length === 0) return all;
  }
};

/**
 * The saving a factory made between its last two operating years: the fall in unit-product energy
 * times the later year's production, in tce (0 when energy per unit rose). Made from simulated
 * years it is itself simulated, and the facts say so.
 */
export function savingBetween(earlier: FactoryOperatingYear, later: FactoryOperatingYear): number {
  // Only energy is needed here; the carbon accounts (scope 1 and 2) would cost six times as much.
  const kgcePerUnit = (y: FactoryOperatingYear) =>
    (comprehensiveEnergy(
      y.energy.map((e) => ({
        medium: e.medium,
        role: 'purchased' as const,
        quantity: quantity(e.quantity, parseUnit(e.unit)),
      })),
    ).total.value *
      1000) /
    y.production;
  return Math.max(0, ((kgcePerUnit(earlier) - kgcePerUnit(later)) * later.production) / 1000);
}

const withSaving = (
  facts: Record<string, string | number | boolean>,
  years: FactoryOperatingYear[],
): Record<string, string | number | boolean> => {
  const [earlier, later] = [...years].sort((a, b) => a.year - b.year).slice(-2);
  if (earlier && later && earlier.year !== later.year) {
    facts.retrofitSavingsTce = savingBetween(earlier, later);
    facts.operatingDataSimulated = earlier.simulated && later.simulated;
  }
  return facts;
};

/** Builds the facts of one listed unit, or undefined when there is no such unit. */
export async function oneUnitFacts(
  ports: { registry: Registry; operatingYears: OperatingYears },
  kind: UnitKind,
  id: string,
): Promise<UnitFacts | undefined> {
  switch (kind) {
    case 'factory': {
      const f = await ports.registry.getFactory(id);
      if (!f) return undefined;
      const years = (await ports.operatingYears.ofUnit('factory', id)).map(
        (r) => r.data as unknown as FactoryOperatingYear,
      );
      return { kind, id, name: f.name, facts: withSaving(registryFacts(kind, f), years) };
    }
    case 'park': {
      const p = await ports.registry.getPark(id);
      return p && { kind, id, name: p.name, facts: registryFacts(kind, p) };
    }
    case 'supply_chain': {
      const s = await ports.registry.getSupplyChain(id);
      return s && { kind, id, name: s.name, facts: registryFacts(kind, s) };
    }
    case 'product': {
      const p = await ports.registry.getProduct(id);
      return p && { kind, id, name: `${p.enterpriseName} ${p.name}`, facts: registryFacts(kind, p) };
    }
  }
}

/** Builds the facts of every listed unit: registry facts, and for factories the retrofit saving. */
export async function allUnitFacts(ports: {
  registry: Registry;
  operatingYears: OperatingYears;
}): Promise<UnitFacts[]> {
  const pageSize = 1000;
  const q = (page: number) => ({ page, pageSize, sort: 'name' as const });
  const [factories, parks, chains, products] = await Promise.all([
    pageThrough((p) => ports.registry.listFactories(q(p))),
    pageThrough((p) => ports.registry.listParks(q(p))),
    pageThrough((p) => ports.registry.listSupplyChain(q(p))),
    pageThrough((p) => ports.registry.listProducts(q(p))),
  ]);
  const yearsOf = new Map<string, FactoryOperatingYear[]>();
  for (const year of [2022, 2023]) {
    for (const row of await ports.operatingYears.allOfKind('factory', year)) {
      const list = yearsOf.get(row.unitId) ?? [];
      list.push(row.data as unknown as FactoryOperatingYear);
      yearsOf.set(row.unitId, list);
    }
  }
  const out: UnitFacts[] = [];
  for (const f of factories) {
    const facts = withSaving(registryFacts('factory', f), yearsOf.get(f.id) ?? []);
    out.push({ kind: 'factory', id: f.id, name: f.name, facts });
  }
  for (const p of parks) out.push({ kind: 'park', id: p.id, name: p.name, facts: registryFacts('park', p) });
  for (const s of chains)
    out.push({ kind: 'supply_chain', id: s.id, name: s.name, facts: registryFacts('supply_chain', s) });
  for (const p of products)
    out.push({
      kind: 'product',
      id: p.id,
      name: `${p.enterpriseName} ${p.name}`,
      facts: registryFacts('product', p),
    });
  return out;
}

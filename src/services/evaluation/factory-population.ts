import {
  accountOperatingYear,
  type OperatingYearAccounts,
} from '../../core/accounting/operating-year-accounts.ts';
import type { Facts } from '../../core/evaluation/evaluate.ts';
import type { Subject } from '../../core/evaluation/subject.ts';
import type { OperatingYears, Registry } from '../../core/ports.ts';
import type { Factory } from '../../core/registry/types.ts';
import {
  factsOfOperatingYear,
  quotaFigureOf,
  subjectOfOperatingYear,
} from '../../core/simulation/evaluation-facts.ts';
import {
  SIMULATION_VERSION,
  simulateFactoryYear,
  type FactoryOperatingYear,
} from '../../core/simulation/operating-data.ts';
import { standardRegistry } from '../../core/standards/standard-registry.ts';
import { simulatedYears } from '../operating/simulate-operating-data.ts';

/** The year the population is evaluated for when none is named: the latest simulated year. */
export const defaultEvaluationYear: number = Math.max(...simulatedYears);

/** A listed factory's operating year made ready to evaluate: subject, facts, accounts, quota figure. */
export interface FactoryCase {
  readonly factory: Factory;
  readonly year: FactoryOperatingYear;
  readonly accounts: OperatingYearAccounts;
  readonly subject: Subject;
  readonly facts: Facts;
  /** Unit-product energy of the quota-covered product or process, in the quota row's unit. */
  readonly quotaFigure: number | null;
  readonly simulated: boolean;
  /** Set when the stored year predates the current simulation and was re-simulated from its seed. */
  readonly resimulated: boolean;
}

/**
 * Turns a stored operating year into an evaluable case. A simulated year stored by an older version
 * of the simulation is simulated again from its own seed (deterministic), so the facts exist.
 */
export function factoryCaseOf(
  factory: Factory,
  data: Readonly<Record<string, unknown>>,
  year: number,
): FactoryCase {
  let y = data as unknown as FactoryOperatingYear;
  let resimulated = false;
  if (y.simulationVersion !== SIMULATION_VERSION && y.simulated && typeof y.seed === 'string') {
    y = simulateFactoryYear(factory, year, y.seed);
    resimulated = true;
  }
  const accounts = accountOperatingYear(
    { year, production: y.production, productUnit: y.product.unit, energy: y.energy },
    factory.regionCode,
  );
  return {
    factory,
    year: y,
    accounts,
    subject: subjectOfOperatingYear(y, (k) => standardRegistry.quotaRow(k)),
    facts: factsOfOperatingYear(y, accounts),
    quotaFigure: quotaFigureOf(y, accounts),
    simulated: y.simulated,
    resimulated,
  };
}

/** Every listed factory with an operating year, made ready to evaluate (one query for the years). */
export async function loadFactoryPopulation(
  ports: { registry: Registry; operatingYears: OperatingYears },
  year: number = defaultEvaluationYear,
  onProgress?: (done: number, total: number) => void,
): Promise<FactoryCase[]> {
  const byUnit = new Map(
    (await ports.operatingYears.allOfKind('factory', year)).map((r) => [r.unitId, r.data]),
  );
  const cases: FactoryCase[] = [];
  const pageSize = 1000;
  for (let page = 1; ; page++) {
    const batch = await ports.registry.listFactories({ page, pageSize, sort: 'name' });
    for (const f of batch.items) {
      const data = byUnit.get(f.id);
      if (data) cases.push(factoryCaseOf(f, data, year));
    }
    onProgress?.(Math.min(page * pageSize, batch.total), batch.total);
    if (page * pageSize >= batch.total) break;
  }
  return cases;
}

import { benchmarkLevel, type BenchmarkLevelResult } from '../../core/benchmark/benchmark-level.ts';
import { peerPercentile } from '../../core/benchmark/peer-percentile.ts';
import { quotaGrade, type QuotaGradeResult } from '../../core/benchmark/quota-grade.ts';
import { GmError } from '../../core/errors.ts';
import { evaluate } from '../../core/evaluation/evaluate.ts';
import type { EvaluationResult } from '../../core/evaluation/evaluation-result.ts';
import { leastChangeToPass, type LeastChange } from '../../core/evaluation/least-change.ts';
import { plan } from '../../core/evaluation/plan.ts';
import type { OperatingYears, Registry } from '../../core/ports.ts';
import { standardRegistry } from '../../core/standards/standard-registry.ts';
import { defaultEvaluationYear, factoryCaseOf, loadFactoryPopulation } from './factory-population.ts';

/** The standard a factory is evaluated under when none is named. */
export const defaultFactoryStandard = 'GB/T 36132@2025';

/** A factory's evaluation: the engine's result, the least change to pass, its quota grade and peer percentile. */
export interface FactoryEvaluation {
  readonly factoryId: string;
  readonly name: string;
  readonly year: number;
  readonly simulated: boolean;
  readonly label: string;
  readonly profile: string;
  readonly result: EvaluationResult;
  readonly leastChange: LeastChange;
  readonly quota: {
    readonly rowKey: string;
    readonly product: string;
    readonly scope: 'plant' | 'process';
    readonly process: string | null;
    readonly value: number;
    readonly unit: string;
    readonly grade: QuotaGradeResult;
    readonly benchmark: BenchmarkLevelResult | null;
  } | null;
  readonly peer: {
    readonly group: string;
    readonly metric: string;
    readonly value: number;
    /** 0-100, higher is better (lower energy per unit); mid-rank among the group's factories. */
    readonly percentile: number | null;
    readonly peers: number;
  };
}

/**
 * Evaluates one listed factory from its operating year under a standard edition (GB/T 36132-2025
 * by default): per-indicator values, scores and gaps, the least change to reach the pass mark (or
 * the target given), the quota grade of its quota-covered product and its percentile among the
 * factories of its industry profile.
 */
export async function evaluateFactory(
  ports: { registry: Registry; operatingYears: OperatingYears },
  factoryId: string,
  options: { readonly standard?: string; readonly target?: number; readonly year?: number } = {},
): Promise<FactoryEvaluation> {
  const year = options.year ?? defaultEvaluationYear;
  const factory = await ports.registry.getFactory(factoryId);
  if (!factory)
    throw new GmError('GM_NOT_FOUND', `No factory with id "${factoryId}"`, { field: 'id', id: factoryId });
  const standard = standardRegistry.indicatorSystem(options.standard ?? defaultFactoryStandard);
  const record = (await ports.operatingYears.ofUnit('factory', factoryId)).find((r) => r.year === year);
  if (!record)
    throw new GmError('GM_NOT_FOUND', `Factory "${factoryId}" has no operating data for ${year}`, {
      field: 'year',
      id: factoryId,
      year,
    });
  const c = factoryCaseOf(factory, record.data, year);
  const p = plan(standard, c.subject);
  const result = evaluate(p, c.facts);
  const leastChange = leastChangeToPass(
    p,
    c.facts,
    options.target === undefined ? {} : { target: options.target },
  );
  const q = c.year.quota;
  let quota: FactoryEvaluation['quota'] = null;
  if (q && c.quotaFigure !== null) {
    const row = standardRegistry.quotaRow(q.rowKey);
    quota = {
      rowKey: q.rowKey,
      product: row.product,
      scope: q.scope,
      process: q.process,
      value: c.quotaFigure,
      unit: row.unit,
      grade: quotaGrade(row, c.quotaFigure),
      benchmark: row.benchmarkRow
        ? benchmarkLevel(standardRegistry.benchmarkRow(row.benchmarkRow), c.quotaFigure)
        : null,
    };
  }
  // Peers: the factories of the same simulation profile, on the same figure.
  const figure = (x: typeof c): number => x.quotaFigure ?? x.accounts.unitProductEnergy;
  const peers = (await loadFactoryPopulation(ports, year))
    .filter((x) => x.year.profile === c.year.profile)
    .map(figure);
  return {
    factoryId,
    name: factory.name,
    year,
    simulated: c.simulated,
    label: c.simulated
      ? `evaluated on SIMULATED operating data (${year}, seed "${c.year.seed}"; greenmfg simulation assumptions), not reported figures${c.resimulated ? '; the stored year predates the current simulation and was simulated again from its seed' : ''}`
      : `evaluated on reported operating data (${year})`,
    profile: c.year.profile,
    result,
    leastChange,
    quota,
    peer: {
      group: c.year.profile,
      metric: q
        ? `unit-product energy (${standardRegistry.quotaRow(q.rowKey).unit}, ${q.rowKey})`
        : c.accounts.unitProductEnergyUnit,
      value: figure(c),
      percentile: peerPercentile(figure(c), peers, 'reverse'),
      peers: peers.length,
    },
  };
}

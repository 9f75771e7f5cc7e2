import { quotaGrade } from '../../core/benchmark/quota-grade.ts';
import type { ParkOperatingYear } from '../../core/simulation/operating-data.ts';
import type { OperatingYears, Registry } from '../../core/ports.ts';
import { standardRegistry } from '../../core/standards/standard-registry.ts';
import { defaultEvaluationYear, loadFactoryPopulation } from './factory-population.ts';

/** The programme's own claims (issue 3 item 7), computed over the loaded population. */
export interface ProgrammeClaims {
  readonly year: number;
  /** True: the figures come from simulated operating data, not from reported data. */
  readonly simulated: boolean;
  readonly label: string;
  readonly advancedValue: {
    /** Factories whose product or process a national energy quota standard covers. */
    readonly covered: number;
    /** Of them, at or better than grade 1 (the advanced value) after corrections. */
    readonly atOrBetterThanAdvanced: number;
    readonly share: number | null;
    readonly byRow: readonly {
      readonly rowKey: string;
      readonly product: string;
      readonly grade1: number | null;
      readonly unit: string;
      readonly covered: number;
      readonly atOrBetterThanAdvanced: number;
    }[];
    readonly notCovered: number;
  };
  readonly parkSolidWaste: {
    readonly parks: number;
    /** Σ utilised ÷ Σ (generated + earlier-year stock utilised) × 100 over all parks (GB/T 36132-2025 B.11 form). */
    readonly utilisationRatePct: number | null;
    /** The mean of the parks' own rates. */
    readonly meanParkRatePct: number | null;
  };
}

/**
 * Computes, over every listed factory and park with an operating year, the share of factories at or
 * better than the advanced value (grade 1) of their quota standard and the parks' solid-waste
 * utilisation rate, labelled with where the operating data came from.
 */
export async function getProgrammeClaims(
  ports: { registry: Registry; operatingYears: OperatingYears },
  year: number = defaultEvaluationYear,
): Promise<ProgrammeClaims> {
  const cases = await loadFactoryPopulation(ports, year);
  const rows = new Map<string, { covered: number; better: number }>();
  let simulated = false;
  let notCovered = 0;
  for (const c of cases) {
    simulated ||= c.simulated;
    const q = c.year.quota;
    if (!q || c.quotaFigure === null) {
      notCovered++;
      continue;
    }
    const r = rows.get(q.rowKey) ?? { covered: 0, better: 0 };
    r.covered++;
    if (quotaGrade(standardRegistry.quotaRow(q.rowKey), c.quotaFigure).meetsAdvanced) r.better++;
    rows.set(q.rowKey, r);
  }
  const parks = (await ports.operatingYears.allOfKind('park', year)).map(
    (p) => p.data as unknown as ParkOperatingYear,
  );
  simulated ||= parks.some((p) => p.simulated);
  let used = 0;
  let base = 0;
  let rateSum = 0;
  for (const p of parks) {
    used += p.solidWasteUsedT;
    base += p.solidWasteT + p.solidWasteStockUsedT;
    rateSum += (p.solidWasteUsedT / (p.solidWasteT + p.solidWasteStockUsedT)) * 100;
  }
  const covered = [...rows.values()].reduce((s, r) => s + r.covered, 0);
  const better = [...rows.values()].reduce((s, r) => s + r.better, 0);
  return {
    year,
    simulated,
    label: simulated
      ? `computed from SIMULATED operating data (${year}; greenmfg simulation assumptions, seeded), not from reported figures`
      : `computed from reported operating data (${year})`,
    advancedValue: {
      covered,
      atOrBetterThanAdvanced: better,
      share: covered > 0 ? better / covered : null,
      byRow: [...rows.entries()]
        .map(([rowKey, r]) => {
          const row = standardRegistry.quotaRow(rowKey);
          return {
            rowKey,
            product: row.product,
            grade1: row.grade1?.value ?? null,
            unit: row.unit,
            covered: r.covered,
            atOrBetterThanAdvanced: r.better,
          };
        })
        .sort((a, b) => (a.rowKey < b.rowKey ? -1 : 1)),
      notCovered,
    },
    parkSolidWaste: {
      parks: parks.length,
      utilisationRatePct: base > 0 ? (100 * used) / base : null,
      meanParkRatePct: parks.length > 0 ? rateSum / parks.length : null,
    },
  };
}

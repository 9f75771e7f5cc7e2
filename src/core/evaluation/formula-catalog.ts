import type { FormulaId } from '../standards/indicator-system.ts';
import {
  carbonIntensity,
  energyPerOutputValue,
  renewableShare,
  unitProductEnergy,
} from './formulas/energy-formulas.ts';
import { capacityPerLandArea, outputPerLandArea, plotRatio } from './formulas/land-formulas.ts';
import { annualReductionRate, pollutantElasticity } from './formulas/park-formulas.ts';
import {
  materialIntensity,
  percentShare,
  pollutantIntensity,
  ratio,
  retrofitInvestmentShare,
  solidWasteUtilisationRate,
  waterIntensity,
  waterReuseRate,
} from './formulas/resource-formulas.ts';

/** A formula with its positional parameter count and the clause it implements. */
export interface FormulaEntry {
  readonly arity: number;
  readonly clause: string;
  readonly fn: (...args: number[]) => number;
}

const entry = <A extends number[]>(clause: string, fn: (...args: A) => number): FormulaEntry => ({
  arity: fn.length,
  clause,
  fn: fn as unknown as (...args: number[]) => number,
});

/** Every formula a standard may name, by id; the record type makes the catalog exhaustive. */
export const formulaCatalog: Readonly<Record<FormulaId, FormulaEntry>> = Object.freeze({
  ratio: entry('quotient', ratio),
  percentShare: entry('share in %', percentShare),
  unitProductEnergy: entry('GB/T 36132-2025 B.1', unitProductEnergy),
  energyPerOutputValue: entry('GB/T 36132-2025 B.2', energyPerOutputValue),
  carbonIntensity: entry('GB/T 36132-2025 B.3 / B.4', carbonIntensity),
  renewableShare: entry('GB/T 36132-2025 B.5', renewableShare),
  materialIntensity: entry('GB/T 36132-2025 B.6 / B.7', materialIntensity),
  waterIntensity: entry('GB/T 36132-2025 B.8 / B.9', waterIntensity),
  waterReuseRate: entry('GB/T 36132-2025 B.10', waterReuseRate),
  solidWasteUtilisationRate: entry('GB/T 36132-2025 B.11', solidWasteUtilisationRate),
  pollutantIntensity: entry('GB/T 36132-2025 B.12–B.23', pollutantIntensity),
  capacityPerLandArea: entry('GB/T 36132-2025 B.24', capacityPerLandArea),
  outputPerLandArea: entry('GB/T 36132-2025 B.26', outputPerLandArea),
  buildingCoefficient: entry(
    'GB/T 36132-2025 B.27',
    (footprint: number, land: number) => (footprint / land) * 100,
  ),
  plotRatio: entry('GB/T 36132-2025 B.28', plotRatio),
  retrofitInvestmentShare: entry('GB/T 36132-2025 Annex C', retrofitInvestmentShare),
  annualReductionRate: entry('MIIT 2016 green park EN2', annualReductionRate),
  pollutantElasticity: entry('MIIT 2016 green park EN4', pollutantElasticity),
});

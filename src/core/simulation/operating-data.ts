import {
  energyConversionCoefficients,
  type EnergyMedium,
} from '../standards/coefficients/energy-conversion-coefficients.ts';
import { isRange } from '../standards/coefficients/sourced-value.ts';
import { profileFor, type IndustryProfile } from './industry-profiles.ts';
import { seededRandom, type SeededRandom } from './seeded-random.ts';

/** One energy flow of a simulated year, in the physical unit the GB/T 2589 coefficient is given per. */
export interface SimulatedEnergy {
  readonly medium: EnergyMedium;
  readonly quantity: number;
  readonly unit: string;
}

/** A factory's simulated operating year: production, energy by medium, water, waste, land, value. */
export interface FactoryOperatingYear {
  readonly simulated: true;
  readonly seed: string;
  readonly year: number;
  readonly profile: string;
  readonly product: { readonly zh: string; readonly en: string; readonly unit: string };
  readonly production: number;
  readonly outputValue10kYuan: number;
  readonly energy: readonly SimulatedEnergy[];
  readonly freshWaterM3: number;
  readonly reusedWaterM3: number;
  readonly solidWasteT: number;
  readonly solidWasteUsedT: number;
  readonly landAreaM2: number;
  readonly buildingFootprintM2: number;
  readonly floorAreaM2: number;
  /** Version of the simulation that made the record; older stored records are re-simulated. */
  readonly simulationVersion: typeof SIMULATION_VERSION;
  /** Renewable energy counted as GB/T 36132-2025 B.5 does, kgce (a share of comprehensive energy). */
  readonly renewableKgce: number;
  readonly rawMaterialT: number;
  /** Output value of the last three years and the green / low-carbon retrofit investment over them. */
  readonly outputValue3y10kYuan: number;
  readonly retrofitInvestment3y10kYuan: number;
  /** Main pollutants generated (COD, NH3-N, SO2, NOx, particulates together), kg. */
  readonly mainPollutantKg: number;
  readonly productCategories: number;
  readonly productCategoriesWithFootprint: number;
  /** Functions of the energy-carbon management platform, of the twelve GB/T 36132-2025 Annex C names. */
  readonly energyPlatformFunctions: number;
  /** Assessed fractions of the qualitative indicators (advanced equipment CP1, green design PG1). */
  readonly assessed: { readonly advancedEquipment: number; readonly greenDesign: number };
  /** The basic requirements of GB/T 36132-2025 4.2 as met or not. */
  readonly basicRequirements: Readonly<Record<BasicRequirement, boolean>>;
  /** The 2016/2018 scheme's facts: the six assessed categories and the performance figures it reports. */
  readonly legacy: {
    readonly assessed: Readonly<Record<'INF' | 'MS' | 'ERI' | 'PRD' | 'ENV' | 'PERF', number>>;
    readonly greenMaterialSharePct: number;
    readonly wasteGasM3: number;
    readonly wastewaterM3: number;
    readonly wastewaterReusePct: number;
    readonly floorAreaTallStoreysM2: number;
  };
  /** The product or process an energy quota row covers, with its output and energy (null when none). */
  readonly quota: {
    readonly rowKey: string;
    readonly scope: 'plant' | 'process';
    readonly process: string | null;
    readonly quantity: number;
    readonly energyKgce: number;
  } | null;
}

/** The current version of simulateFactoryYear's output (2: evaluation fields and quota rows). */
export const SIMULATION_VERSION = 2;

/** The basic requirements (gates) of GB/T 36132-2025 4.2 that a simulated year answers. */
export type BasicRequirement = 'compliance' | 'management' | 'qms' | 'enms' | 'ems' | 'ohsms';

/** How often a listed factory meets each basic requirement in the simulation (assumptions, not statistics). */
const basicRequirementRates: Readonly<Record<BasicRequirement, number>> = {
  compliance: 0.99,
  management: 0.98,
  qms: 0.97,
  enms: 0.88,
  ems: 0.94,
  ohsms: 0.92,
};

const defaultMaterialPerUnit = (unit: IndustryProfile['product']['unit']): readonly [number, number] =>
  unit === '10^4 yuan' ? [0.05, 0.4] : unit === 'unit' ? [0.8, 2.5] : [0.9, 1.6];

/** A park's simulated operating year, with the figures its green park indicators need. */
export interface ParkOperatingYear {
  readonly simulated: true;
  readonly seed: string;
  readonly year: number;
  readonly memberEnterprises: number;
  readonly outputValue10kYuan: number;
  readonly energyTce: number;
  readonly freshWaterM3: number;
  readonly reusedWaterM3: number;
  readonly solidWasteT: number;
  readonly solidWasteUsedT: number;
  readonly solidWasteStockUsedT: number;
  readonly landAreaM2: number;
}

const kgcePer = (medium: EnergyMedium): { value: number; per: string } => {
  const v = energyConversionCoefficients.media[medium].coefficient;
  // Profiles use only media with a single reference coefficient; a range implies no midpoint.
  if (isRange(v))
    throw new RangeError(
      `the GB/T 2589 coefficient of ${medium} is a range; simulate it with another medium`,
    );
  return { value: v.value, per: v.unit.split('/')[1] ?? '' };
};

const round = (x: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

const between = (r: SeededRandom, [min, max]: readonly [number, number]): number => r.between(min, max);

/**
 * Simulates one operating year of a listed factory, deterministic in (seed, unit id, year): energy
 * is drawn as an intensity times production and split by the profile's mix into physical quantities
 * with the GB/T 2589-2020 coefficients, so that accounting the simulated year gives back the drawn intensity.
 */
export function simulateFactoryYear(
  unit: { readonly id: string; readonly name: string; readonly industryCode: string | null },
  year: number,
  seed: string,
): FactoryOperatingYear {
  const r = seededRandom(`${seed}|factory|${unit.id}|${year}`);
  const profile: IndustryProfile = profileFor(unit.industryCode, unit.name);
  const production = round(r.logBetween(profile.production[0], profile.production[1]));
  const intensity = between(r, profile.intensityKgce);
  const totalKgce = production * intensity;
  const energy = Object.entries(profile.energyMix).map(([medium, share]) => {
    const c = kgcePer(medium as EnergyMedium);
    return {
      medium: medium as EnergyMedium,
      quantity: round((totalKgce * (share ?? 0)) / c.value, 1),
      unit: c.per,
    };
  });
  const freshWaterM3 = round(production * between(r, profile.waterPerUnit));
  const reuse = between(r, profile.waterReuse);
  const solidWasteT = round(production * between(r, profile.wastePerUnit), 1);
  const outputValue10kYuan = round(production * between(r, profile.valuePerUnit));
  // Land: output per hectare drawn around typical industrial land productivity.
  const landAreaM2 = round((outputValue10kYuan / r.between(800, 3_000)) * 10_000);
  const buildingFootprintM2 = round(landAreaM2 * r.between(0.3, 0.6));
  // Same draw order as simulation version 1 (waste use, then floor area), so its values are kept.
  const solidWasteUsedT = round(solidWasteT * between(r, profile.wasteUse), 1);
  const floorAreaM2 = round(buildingFootprintM2 * r.between(1.1, 2.5));
  // Draws added in simulation version 2 come after the earlier ones, so those keep their values.
  const renewableKgce = round(totalKgce * between(r, profile.renewableShare ?? [0, 0.15]));
  const rawMaterialT = round(
    production * between(r, profile.materialPerUnit ?? defaultMaterialPerUnit(profile.product.unit)),
    1,
  );
  const outputValue3y10kYuan = round(outputValue10kYuan * r.between(2.7, 3.3));
  const retrofitInvestment3y10kYuan = round(outputValue3y10kYuan * r.between(0.002, 0.04));
  const mainPollutantKg = round(outputValue10kYuan * r.between(0.05, 0.8), 1);
  const productCategories = 1 + Math.floor(r.next() * 8);
  const productCategoriesWithFootprint = Math.floor(r.next() * (productCategories + 1));
  const energyPlatformFunctions = Math.floor(r.next() * 13);
  const assessed = {
    advancedEquipment: round(r.between(0.4, 1), 1),
    greenDesign: round(r.between(0, 1), 1),
  };
  const basicRequirements = Object.fromEntries(
    (Object.keys(basicRequirementRates) as BasicRequirement[]).map((k) => [
      k,
      r.next() < basicRequirementRates[k],
    ]),
  ) as Record<BasicRequirement, boolean>;
  const q = profile.quota;
  let quota: FactoryOperatingYear['quota'] = null;
  if (q?.scope === 'plant')
    quota = {
      rowKey: q.row,
      scope: 'plant',
      process: null,
      quantity: production,
      energyKgce: round(totalKgce),
    };
  else if (q?.scope === 'process') {
    const quantity = round(production * between(r, q.outputPerUnit));
    quota = {
      rowKey: q.row,
      scope: 'process',
      process: q.process,
      quantity,
      energyKgce: round(quantity * between(r, q.intensityKgce)),
    };
  }
  const legacyCategories = ['INF', 'MS', 'ERI', 'PRD', 'ENV', 'PERF'] as const;
  const legacy = {
    assessed: Object.fromEntries(legacyCategories.map((c) => [c, round(r.between(0.55, 1), 2)])) as Record<
      (typeof legacyCategories)[number],
      number
    >,
    greenMaterialSharePct: round(r.between(5, 60), 1),
    wasteGasM3: round(outputValue10kYuan * r.between(500, 5_000)),
    wastewaterM3: round(freshWaterM3 * r.between(0.3, 0.8)),
    wastewaterReusePct: round(r.between(20, 95), 1),
    floorAreaTallStoreysM2: round(floorAreaM2 * r.between(0, 0.3)),
  };
  return {
    simulated: true,
    seed,
    year,
    profile: profile.key,
    product: profile.product,
    production,
    outputValue10kYuan,
    energy,
    freshWaterM3,
    reusedWaterM3: round((freshWaterM3 * reuse) / (1 - reuse)),
    solidWasteT,
    solidWasteUsedT,
    landAreaM2,
    buildingFootprintM2,
    floorAreaM2,
    simulationVersion: SIMULATION_VERSION,
    renewableKgce,
    rawMaterialT,
    outputValue3y10kYuan,
    retrofitInvestment3y10kYuan,
    mainPollutantKg,
    productCategories,
    productCategoriesWithFootprint,
    energyPlatformFunctions,
    assessed,
    basicRequirements,
    legacy,
    quota,
  };
}

/** Simulates one operating year of a listed park, deterministic in (seed, park id, year). */
export function simulateParkYear(
  park: { readonly id: string },
  year: number,
  seed: string,
): ParkOperatingYear {
  const r = seededRandom(`${seed}|park|${park.id}|${year}`);
  const memberEnterprises = Math.round(r.logBetween(30, 600));
  const outputValue10kYuan = round(memberEnterprises * r.logBetween(5_000, 80_000));
  const solidWasteT = round(outputValue10kYuan * r.between(0.02, 0.3));
  return {
    simulated: true,
    seed,
    year,
    memberEnterprises,
    outputValue10kYuan,
    energyTce: round(outputValue10kYuan * r.between(0.1, 0.5)),
    freshWaterM3: round(outputValue10kYuan * r.between(2, 10)),
    reusedWaterM3: round(outputValue10kYuan * r.between(2, 20)),
    solidWasteT,
    // The programme reports more than 95 % use in green parks; the simulation spreads around that.
    solidWasteUsedT: round(solidWasteT * r.between(0.88, 0.995)),
    solidWasteStockUsedT: round(solidWasteT * r.between(0, 0.05)),
    landAreaM2: round(r.logBetween(2, 60) * 1_000_000),
  };
}

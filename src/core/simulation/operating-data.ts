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
}

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
    solidWasteUsedT: round(solidWasteT * between(r, profile.wasteUse), 1),
    landAreaM2,
    buildingFootprintM2,
    floorAreaM2: round(buildingFootprintM2 * r.between(1.1, 2.5)),
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

// Land-use indicator formulas of GB/T 36132-2025 Annex B (B.24, B.26–B.28).

/** One product of a multi-product plant: its output and its unit processing time. */
export interface ProductLine {
  readonly quantity: number;
  readonly unitTime: number;
}

/**
 * Output converted to the reference product with k_i = t_i / t_0 (GB/T 36132-2025 B.24):
 * Σ q_i · t_i / t_0, where t_0 is the reference product's unit processing time.
 */
export function equivalentProduction(lines: readonly ProductLine[], referenceUnitTime: number): number {
  let sum = 0;
  for (const l of lines) sum += l.quantity * (l.unitTime / referenceUnitTime);
  return sum;
}

/** Capacity per unit land area, equivalent product units per m² (GB/T 36132-2025 B.24). */
export function capacityPerLandArea(equivalentQuantity: number, landAreaM2: number): number {
  return equivalentQuantity / landAreaM2;
}

/** Output value per unit land area, 10⁴ yuan per m² (GB/T 36132-2025 B.26). */
export function outputPerLandArea(outputValue10kYuan: number, landAreaM2: number): number {
  return outputValue10kYuan / landAreaM2;
}

/** Footprints that count towards the building coefficient. */
export interface Footprints {
  readonly buildings: number;
  readonly structures: number;
  readonly openYards: number;
}

/** Building coefficient r = (buildings + structures + open yards) ÷ total land area, expressed in % (GB/T 36132-2025 B.27). */
export function buildingCoefficient(footprints: Footprints, landAreaM2: number): number {
  return ((footprints.buildings + footprints.structures + footprints.openYards) / landAreaM2) * 100;
}

/** One storey of a building: floor area and storey height. */
export interface Storey {
  readonly floorArea: number;
  readonly heightM: number;
}

/** Storeys taller than this count twice in the plot ratio (GB/T 36132-2025 B.28). */
export const TALL_STOREY_M = 8;

/** Plot ratio R = total floor area ÷ land area, a storey taller than 8 m counting twice (GB/T 36132-2025 B.28). */
export function plotRatioOfStoreys(storeys: readonly Storey[], landAreaM2: number): number {
  let total = 0;
  let tall = 0;
  for (const s of storeys) {
    total += s.floorArea;
    if (s.heightM > TALL_STOREY_M) tall += s.floorArea;
  }
  return plotRatio(total, tall, landAreaM2);
}

/**
 * Plot ratio from aggregates (GB/T 36132-2025 B.28): every storey's floor area once, plus the floor
 * area of storeys taller than 8 m once more, over the land area.
 */
export function plotRatio(totalFloorArea: number, tallStoreyFloorArea: number, landAreaM2: number): number {
  return (totalFloorArea + tallStoreyFloorArea) / landAreaM2;
}

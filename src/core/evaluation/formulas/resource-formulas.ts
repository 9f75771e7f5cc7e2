// Resource and pollution indicator formulas of GB/T 36132-2025 Annex B (and Annex C's retrofit
// share). A zero denominator gives a non-finite number, which the engine reports as an error.

/** Raw-material consumption per unit product or per 10⁴ yuan (GB/T 36132-2025 B.6 / B.7). */
export function materialIntensity(consumption: number, volume: number): number {
  return consumption / volume;
}

/** Water withdrawal per unit product or per 10⁴ yuan, excluding construction, firefighting and third-party supply (GB/T 36132-2025 B.8 / B.9). */
export function waterIntensity(withdrawal: number, volume: number): number {
  return withdrawal / volume;
}

/** Industrial water reuse rate R_w = V_r / (V + V_r) × 100 % (GB/T 36132-2025 B.10); V_r reused, V fresh water withdrawn. */
export function waterReuseRate(reused: number, fresh: number): number {
  return (reused / (fresh + reused)) * 100;
}

/**
 * General industrial solid waste comprehensive utilisation rate K_r = Z_r / (Z + Z_w) × 100 %
 * (GB/T 36132-2025 B.11): Z_r utilised this year (waste bought in excluded), Z generated this year,
 * Z_w earlier-year stock utilised this year (it is in Z_r too, so the rate cannot exceed 100 %).
 */
export function solidWasteUtilisationRate(
  utilised: number,
  generated: number,
  stockUtilised: number,
): number {
  return (utilised / (generated + stockUtilised)) * 100;
}

/** Wastewater, waste-gas or main-pollutant generation/emission per unit product or per 10⁴ yuan (GB/T 36132-2025 B.12–B.23). */
export function pollutantIntensity(quantity: number, volume: number): number {
  return quantity / volume;
}

/** Green/low-carbon retrofit investment as a share of the last three years' output value, % (GB/T 36132-2025 Annex C). */
export function retrofitInvestmentShare(investment3y: number, outputValue3y: number): number {
  return (investment3y / outputValue3y) * 100;
}

/** A part as a percentage of a whole (e.g. product categories with a carbon footprint). */
export function percentShare(part: number, whole: number): number {
  return (part / whole) * 100;
}

/** A plain quotient a / b (e.g. a park's value added per tce, MIIT 2016 park EG1). */
export function ratio(numerator: number, denominator: number): number {
  return numerator / denominator;
}

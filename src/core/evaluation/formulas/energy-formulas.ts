// Energy and carbon indicator formulas of GB/T 36132-2025 Annex B. Pure arithmetic: a zero
// denominator gives a non-finite number, which the engine reports as an error on the indicator
// rather than scoring it (never a silent zero).

/** Comprehensive energy per unit product E_ui = E_i / Q_i (GB/T 36132-2025 B.1; feedstock energy excluded, accounting per GB/T 2589). */
export function unitProductEnergy(energy: number, quantity: number): number {
  return energy / quantity;
}

/** Comprehensive energy per 10⁴ yuan output value, kgce/10⁴ yuan (GB/T 36132-2025 B.2). */
export function energyPerOutputValue(energyKgce: number, outputValue10kYuan: number): number {
  return energyKgce / outputValue10kYuan;
}

/** CO₂ per unit product or per 10⁴ yuan, emissions and volume on the same boundary (GB/T 36132-2025 B.3 / B.4). */
export function carbonIntensity(emissions: number, volume: number): number {
  return emissions / volume;
}

/**
 * Renewable energy utilisation rate R_re = E_re / E × 100 % (GB/T 36132-2025 B.5); E_re counts
 * self-generated, traded, direct-line and certificate (GEC) renewable electricity once, plus non-electric renewables.
 */
export function renewableShare(renewableEnergy: number, totalEnergy: number): number {
  return (renewableEnergy / totalEnergy) * 100;
}

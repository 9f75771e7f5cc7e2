import { describe, expect, it } from 'vitest';
import {
  carbonIntensity,
  energyPerOutputValue,
  renewableShare,
  unitProductEnergy,
} from './energy-formulas.ts';
import {
  buildingCoefficient,
  capacityPerLandArea,
  equivalentProduction,
  outputPerLandArea,
  plotRatio,
  plotRatioOfStoreys,
} from './land-formulas.ts';
import { annualReductionRate, pollutantElasticity } from './park-formulas.ts';
import {
  materialIntensity,
  pollutantIntensity,
  retrofitInvestmentShare,
  solidWasteUtilisationRate,
  waterIntensity,
  waterReuseRate,
} from './resource-formulas.ts';

describe('GB/T 36132-2025 Annex B energy and carbon formulas', () => {
  it('B.1 unit-product energy: 1,050,000 kgce / 10,000 t = 105 kgce/t', () => {
    expect(unitProductEnergy(1_050_000, 10_000)).toBe(105);
  });
  it('B.2 energy per 10⁴ yuan: 500,000 kgce / 2,000 (10⁴ yuan) = 250 kgce/10⁴ yuan', () => {
    expect(energyPerOutputValue(500_000, 2_000)).toBe(250);
  });
  it('B.3/B.4 carbon intensity: 2,400,000 kgCO2 / 8,000 t = 300 kgCO2/t', () => {
    expect(carbonIntensity(2_400_000, 8_000)).toBe(300);
  });
  it('B.5 renewable share: 1,200 / 8,000 × 100 = 15 %', () => {
    expect(renewableShare(1_200, 8_000)).toBe(15);
  });
  it('a zero denominator is not a silent zero', () => {
    expect(Number.isFinite(unitProductEnergy(5, 0))).toBe(false);
    expect(Number.isNaN(renewableShare(0, 0))).toBe(true);
  });
});

describe('GB/T 36132-2025 Annex B resource formulas', () => {
  it('B.6–B.9 intensities are quantity ÷ volume', () => {
    expect(materialIntensity(12_000, 10_000)).toBeCloseTo(1.2, 12);
    expect(waterIntensity(40_000, 10_000)).toBe(4);
    expect(pollutantIntensity(3_000, 10_000)).toBeCloseTo(0.3, 12);
  });
  it('B.10 water reuse: V_r = 900,000, V = 100,000 -> 900,000 / 1,000,000 = 90 %', () => {
    expect(waterReuseRate(900_000, 100_000)).toBe(90);
  });
  it('B.11 solid waste with the earlier-year stock term: Z_r = 950, Z = 900, Z_w = 100 -> 950 / 1,000 = 95 %', () => {
    expect(solidWasteUtilisationRate(950, 900, 100)).toBe(95);
    // Without the stock term in the denominator the rate would exceed 100 % (950 / 900 = 105.6 %).
    expect(solidWasteUtilisationRate(950, 900, 0)).toBeGreaterThan(100);
  });
  it('Annex C retrofit share: 600 / 30,000 × 100 = 2 %', () => {
    expect(retrofitInvestmentShare(600, 30_000)).toBe(2);
  });
});

describe('GB/T 36132-2025 Annex B land formulas', () => {
  it('B.24 equivalent production with k_i = t_i / t_0: 1,000 × 2/2 + 500 × 4/2 = 2,000; per 4,000 m² = 0.5', () => {
    const q = equivalentProduction(
      [
        { quantity: 1_000, unitTime: 2 },
        { quantity: 500, unitTime: 4 },
      ],
      2,
    );
    expect(q).toBe(2_000);
    expect(capacityPerLandArea(q, 4_000)).toBe(0.5);
  });
  it('B.26 output per land area: 30,000 (10⁴ yuan) / 100,000 m² = 0.3', () => {
    expect(outputPerLandArea(30_000, 100_000)).toBeCloseTo(0.3, 12);
  });
  it('B.27 building coefficient: (3,000 + 1,000 + 500) / 10,000 = 45 %', () => {
    expect(buildingCoefficient({ buildings: 3_000, structures: 1_000, openYards: 500 }, 10_000)).toBe(45);
  });
  it('B.28 plot ratio: a 10 m storey of 6,000 m² counts twice -> (6,000×2 + 4,000 + 4,000) / 10,000 = 2.0', () => {
    const storeys = [
      { floorArea: 6_000, heightM: 10 },
      { floorArea: 4_000, heightM: 4.5 },
      { floorArea: 4_000, heightM: 4.5 },
    ];
    expect(plotRatioOfStoreys(storeys, 10_000)).toBe(2);
    expect(plotRatio(14_000, 6_000, 10_000)).toBe(2);
  });
  it('B.28 plot ratio: a storey of exactly 8 m counts once -> 14,000 / 10,000 = 1.4', () => {
    const storeys = [
      { floorArea: 6_000, heightM: 8 },
      { floorArea: 8_000, heightM: 4 },
    ];
    expect(plotRatioOfStoreys(storeys, 10_000)).toBeCloseTo(1.4, 12);
  });
});

describe('MIIT 2016 green park formulas', () => {
  it('EN2 reduction rate: 1 − (0.729 / 1)^(1/3) = 1 − 0.9 = 10 %', () => {
    expect(annualReductionRate(0.729, 1, 3)).toBeCloseTo(10, 10);
  });
  it('EN4 elasticity: mean of 2/10, 4/10, 1/10, 1/10 = 0.2', () => {
    expect(pollutantElasticity(2, 4, 1, 1, 10)).toBeCloseTo(0.2, 12);
  });
});

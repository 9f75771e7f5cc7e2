// Green park indicator formulas given in words by the MIIT 2016 park requirements (domain.md §2.1).

/**
 * Average yearly reduction rate of CO₂ per 10⁴ yuan value added over the creation period,
 * 1 − (final/base)^(1/period), in % (MIIT 2016 green park EN2).
 */
export function annualReductionRate(
  finalIntensity: number,
  baseIntensity: number,
  periodYears: number,
): number {
  return (1 - Math.pow(finalIntensity / baseIntensity, 1 / periodYears)) * 100;
}

/**
 * Elasticity coefficient of main pollutants: the mean over COD, SO₂, NH₃-N and NOx of emission
 * growth ÷ value-added growth (MIIT 2016 green park EN4).
 */
export function pollutantElasticity(
  growthCod: number,
  growthSo2: number,
  growthNh3n: number,
  growthNox: number,
  growthValueAdded: number,
): number {
  return (
    (growthCod / growthValueAdded +
      growthSo2 / growthValueAdded +
      growthNh3n / growthValueAdded +
      growthNox / growthValueAdded) /
    4
  );
}

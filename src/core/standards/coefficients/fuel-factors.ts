import type { SourcedValue } from './sourced-value.ts';

/** The fuels of the NDRC default parameter table (domain.md §6.3). */
export type Fuel =
  | 'anthracite'
  | 'bituminous-coal'
  | 'lignite'
  | 'washed-clean-coal'
  | 'other-washed-coal'
  | 'briquettes'
  | 'coke'
  | 'crude-oil'
  | 'fuel-oil'
  | 'gasoline'
  | 'diesel'
  | 'kerosene'
  | 'naphtha'
  | 'petroleum-coke'
  | 'lpg'
  | 'lng'
  | 'natural-gas'
  | 'coke-oven-gas'
  | 'blast-furnace-gas'
  | 'converter-gas'
  | 'refinery-dry-gas';

/** The physical unit a fuel's NCV is given per: tonnes for solids and liquids, 10^4 Nm3 for gases. */
export type FuelBasisUnit = 't' | '10^4 Nm3';

/** Default parameters of one fuel: NCV, carbon content per unit heat, oxidation rate (each sourced). */
export interface FuelFactor {
  readonly fuel: Fuel;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly basisUnit: FuelBasisUnit;
  readonly ncv: SourcedValue<'GJ/t' | 'GJ/10^4 Nm3'>;
  readonly carbonContent: SourcedValue<'tC/GJ'>;
  readonly oxidationRate: SourcedValue<'fraction'>;
}

const transcription =
  'NDRC industry GHG accounting guidelines (24 guidelines, 2013-2015) default parameters, as transcribed in a GitHub ' +
  'code file (repository not identified, find_string id 18294087442) (domain.md §6.3)';
const caution =
  'Check against the industry guideline in use; values differ slightly between guidelines (domain.md §6.3).';

function row(
  fuel: Fuel,
  nameZh: string,
  nameEn: string,
  ncv: number,
  basisUnit: FuelBasisUnit,
  carbonContent: number,
  oxidationRate: number,
  oxidationRateTranscribed: boolean,
): FuelFactor {
  const secondary = { source: transcription, tag: 'S', verified: true, note: caution } as const;
  return {
    fuel,
    nameZh,
    nameEn,
    basisUnit,
    ncv: { ...secondary, value: ncv, unit: basisUnit === 't' ? 'GJ/t' : 'GJ/10^4 Nm3' },
    carbonContent: { ...secondary, value: carbonContent, unit: 'tC/GJ' },
    oxidationRate: oxidationRateTranscribed
      ? { ...secondary, value: oxidationRate, unit: 'fraction' }
      : {
          value: oxidationRate,
          unit: 'fraction',
          source: 'domain.md §6.3 bracketed "typical" value, not in the transcription',
          tag: 'U',
          verified: false,
        },
  };
}

/**
 * Default fuel parameters for CO2 = AD × NCV × CC × OF × 44/12 (NDRC guidelines, domain.md §6.3). The
 * emission factor itself is derived by `fuelEmissionFactor`, never stored.
 */
export const fuelFactors: { readonly [F in Fuel]: FuelFactor } = {
  anthracite: row('anthracite', '无烟煤', 'Anthracite', 24.515, 't', 0.02749, 0.94, true),
  'bituminous-coal': row('bituminous-coal', '烟煤', 'Bituminous coal', 23.204, 't', 0.02618, 0.93, true),
  lignite: row('lignite', '褐煤', 'Lignite', 14.449, 't', 0.028, 0.96, true),
  'washed-clean-coal': row(
    'washed-clean-coal',
    '洗精煤',
    'Washed clean coal',
    26.344,
    't',
    0.0254,
    0.93,
    true,
  ),
  'other-washed-coal': row(
    'other-washed-coal',
    '其他洗煤',
    'Other washed coal',
    15.373,
    't',
    0.0254,
    0.9,
    true,
  ),
  briquettes: row('briquettes', '型煤', 'Briquettes', 17.46, 't', 0.0336, 0.9, true),
  coke: row('coke', '焦炭', 'Coke', 28.446, 't', 0.0294, 0.93, true),
  'crude-oil': row('crude-oil', '原油', 'Crude oil', 42.62, 't', 0.0201, 0.98, true),
  'fuel-oil': row('fuel-oil', '燃料油', 'Fuel oil', 40.19, 't', 0.0211, 0.98, true),
  gasoline: row('gasoline', '汽油', 'Gasoline', 44.8, 't', 0.0189, 0.98, true),
  diesel: row('diesel', '柴油', 'Diesel', 43.33, 't', 0.0202, 0.98, true),
  kerosene: row('kerosene', '煤油', 'Kerosene', 44.75, 't', 0.0196, 0.98, true),
  naphtha: row('naphtha', '石脑油', 'Naphtha', 41.031, 't', 0.02, 0.98, false),
  'petroleum-coke': row('petroleum-coke', '石油焦', 'Petroleum coke', 31, 't', 0.0275, 0.98, false),
  lpg: row('lpg', '液化石油气', 'LPG', 47.31, 't', 0.0172, 0.99, true),
  lng: row('lng', '液化天然气', 'LNG', 41.868, 't', 0.0153, 0.99, true),
  'natural-gas': row('natural-gas', '天然气', 'Natural gas', 389.31, '10^4 Nm3', 0.0153, 0.99, true),
  'coke-oven-gas': row(
    'coke-oven-gas',
    '焦炉煤气',
    'Coke-oven gas',
    173.854,
    '10^4 Nm3',
    0.0136,
    0.99,
    false,
  ),
  'blast-furnace-gas': row(
    'blast-furnace-gas',
    '高炉煤气',
    'Blast-furnace gas',
    37.69,
    '10^4 Nm3',
    0.0708,
    0.99,
    false,
  ),
  'converter-gas': row('converter-gas', '转炉煤气', 'Converter gas', 79.54, '10^4 Nm3', 0.0496, 0.99, false),
  'refinery-dry-gas': row(
    'refinery-dry-gas',
    '炼厂干气',
    'Refinery dry gas',
    46.05,
    't',
    0.0182,
    0.99,
    false,
  ),
};

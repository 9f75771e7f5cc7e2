import type { Unit } from '../../units/unit-registry.ts';
import type { Range, SourcedRange, SourcedValue } from './sourced-value.ts';

/** The energy media of the GB/T 2589-2020 reference table and its working-media annex (domain.md §6.1). */
export type EnergyMedium =
  | 'raw-coal'
  | 'washed-coal'
  | 'middlings'
  | 'slime'
  | 'coke'
  | 'crude-oil'
  | 'fuel-oil'
  | 'gasoline'
  | 'kerosene'
  | 'diesel'
  | 'coal-tar'
  | 'lpg'
  | 'refinery-dry-gas'
  | 'natural-gas-oil-field'
  | 'natural-gas-gas-field'
  | 'coke-oven-gas'
  | 'blast-furnace-gas'
  | 'heat'
  | 'electricity'
  | 'steam-low-pressure'
  | 'fresh-water'
  | 'compressed-air'
  | 'oxygen'
  | 'acetylene'
  | 'calcium-carbide'
  | 'nitrogen';

/** What kind of energy carrier a medium is; decides which inputs (measured NCV, method) apply. */
export type MediumKind = 'fuel' | 'electricity' | 'heat' | 'steam' | 'working-medium';

/** A coefficient unit: kgce per one physical unit of the medium. */
export type CoefficientUnit = `kgce/${Unit}`;

/** One medium of the table with its reference coefficient (a number or, where the source gives one, a range). */
export interface EnergyMediumCoefficient {
  readonly medium: EnergyMedium;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly kind: MediumKind;
  /** Measured per m³ at the table's reference state (a gas); see the accounting note on Nm³. */
  readonly gaseous: boolean;
  readonly coefficient: SourcedValue<CoefficientUnit> | SourcedRange<CoefficientUnit>;
  /** The average net calorific value printed beside the coefficient, where the table gives one. */
  readonly ncv?: { readonly value: number | Range; readonly unit: 'kJ/kg' | 'kJ/m3' | 'kJ/kWh' | 'MJ/t' };
}

/** A year's equal-value (等价值) electricity coefficient, in one named statistical series. */
export type EqualValueCoefficient = SourcedValue<'kgce/kWh'> & {
  readonly year: number;
  readonly series: string;
};

/** A complete set of energy conversion coefficients (one standard edition). */
export interface EnergyCoefficientSet {
  readonly id: string;
  /** The calorific basis of the coal equivalent: kJ per kgce. */
  readonly kjPerKgce: SourcedValue<'kJ/kgce'>;
  readonly media: { readonly [M in EnergyMedium]: EnergyMediumCoefficient };
  /** Equal-value electricity coefficients by year and series; other years are unknown. */
  readonly electricityEqualValue: readonly EqualValueCoefficient[];
}

const table =
  'GB/T 2589-2020, informative annex (average net calorific values and reference conversion coefficients), ' +
  'as transcribed by msthinker.com/zhuanjia/article-134429.html and huatuo6.cn (domain.md §6.1)';
const editionCaution =
  'The transcribing pages show the same table for the 2008 and 2020 editions, and the 2020 foreword lists ' +
  '"Annexes A and B modified": check this row against the 2020 text before release (domain.md §6.1).';
const workingMediaAnnex =
  'GB/T 2589 annex of equivalent-energy values of energy-consuming working media, as transcribed by huatuo6.cn (domain.md §6.1)';

function fuel(
  medium: EnergyMedium,
  nameZh: string,
  nameEn: string,
  coefficient: number | Range,
  unit: 'kgce/kg' | 'kgce/m3',
  ncv: number | Range,
  source = table,
): EnergyMediumCoefficient {
  const gaseous = unit === 'kgce/m3';
  const provenance = { source, tag: 'S', verified: true, method: 'reference', note: editionCaution } as const;
  return {
    medium,
    nameZh,
    nameEn,
    kind: 'fuel',
    gaseous,
    coefficient:
      typeof coefficient === 'number'
        ? { ...provenance, value: coefficient, unit }
        : { ...provenance, value: coefficient, unit },
    ncv: { value: ncv, unit: gaseous ? 'kJ/m3' : 'kJ/kg' },
  };
}

function workingMedium(
  medium: EnergyMedium,
  nameZh: string,
  nameEn: string,
  value: number,
  unit: 'kgce/t' | 'kgce/m3' | 'kgce/kg',
  source = workingMediaAnnex,
): EnergyMediumCoefficient {
  return {
    medium,
    nameZh,
    nameEn,
    kind: 'working-medium',
    gaseous: unit === 'kgce/m3',
    coefficient: {
      value,
      unit,
      source,
      tag: 'S',
      verified: true,
      method: 'equivalent-energy value of a working medium',
    },
  };
}

/**
 * GB/T 2589-2020 reference conversion coefficients to coal equivalent, with the confidence tags of
 * domain.md §6.1. Only the numbers domain.md gives are here; the measured calorific value of an
 * enterprise takes precedence over them (accounting applies that rule).
 */
export const energyConversionCoefficients: EnergyCoefficientSet = {
  id: 'GB/T 2589-2020',
  kjPerKgce: {
    value: 29_307,
    unit: 'kJ/kgce',
    source: 'GB/T 2589-2020: 1 kgce = 29,307 kJ (7,000 kcal) (domain.md §6.1)',
    tag: 'S',
    verified: true,
  },
  media: {
    'raw-coal': fuel('raw-coal', '原煤', 'Raw coal', 0.7143, 'kgce/kg', 20_908),
    'washed-coal': fuel('washed-coal', '洗精煤', 'Washed coal (clean)', 0.9, 'kgce/kg', 26_344),
    middlings: fuel('middlings', '中煤', 'Middlings', 0.2857, 'kgce/kg', 8_363),
    slime: fuel('slime', '煤泥', 'Slime', { min: 0.2857, max: 0.4286 }, 'kgce/kg', {
      min: 8_363,
      max: 12_545,
    }),
    coke: fuel('coke', '焦炭', 'Coke', 0.9714, 'kgce/kg', 28_435),
    'crude-oil': fuel('crude-oil', '原油', 'Crude oil', 1.4286, 'kgce/kg', 41_816),
    'fuel-oil': fuel('fuel-oil', '燃料油', 'Fuel oil', 1.4286, 'kgce/kg', 41_816),
    gasoline: fuel('gasoline', '汽油', 'Gasoline', 1.4714, 'kgce/kg', 43_070),
    kerosene: fuel('kerosene', '煤油', 'Kerosene', 1.4714, 'kgce/kg', 43_070),
    diesel: fuel('diesel', '柴油', 'Diesel', 1.4571, 'kgce/kg', 42_652),
    'coal-tar': fuel('coal-tar', '煤焦油', 'Coal tar', 1.1429, 'kgce/kg', 33_453),
    lpg: fuel('lpg', '液化石油气', 'LPG', 1.7143, 'kgce/kg', 50_179),
    'refinery-dry-gas': fuel('refinery-dry-gas', '炼厂干气', 'Refinery dry gas', 1.5714, 'kgce/kg', 46_055),
    'natural-gas-oil-field': fuel(
      'natural-gas-oil-field',
      '油田天然气',
      'Natural gas, oil-field',
      1.33,
      'kgce/m3',
      38_931,
    ),
    'natural-gas-gas-field': fuel(
      'natural-gas-gas-field',
      '气田天然气',
      'Natural gas, gas-field',
      1.2143,
      'kgce/m3',
      35_544,
    ),
    'coke-oven-gas': fuel(
      'coke-oven-gas',
      '焦炉煤气',
      'Coke-oven gas',
      { min: 0.5714, max: 0.6143 },
      'kgce/m3',
      { min: 16_726, max: 17_981 },
    ),
    'blast-furnace-gas': fuel(
      'blast-furnace-gas',
      '高炉煤气',
      'Blast-furnace gas',
      0.1286,
      'kgce/m3',
      3_763,
      'GB/T 2589 reference table as listed by huatuo6.cn (0.1286 kgce/m³ = 1.286 tce/10⁴ m³) (domain.md §6.1)',
    ),
    heat: {
      medium: 'heat',
      nameZh: '热力',
      nameEn: 'Heat',
      kind: 'heat',
      gaseous: false,
      coefficient: {
        value: 0.03412,
        unit: 'kgce/MJ',
        source: table,
        tag: 'S',
        verified: true,
        method: 'reference',
        note:
          'domain.md also prints the rounded 0.0341; 0.03412 = 1,000/29,307 follows from the kgce definition. ' +
          'domain.md records that no copy of the 2020 annex row for heat was found in its pass.',
      },
    },
    electricity: {
      medium: 'electricity',
      nameZh: '电力',
      nameEn: 'Electricity',
      kind: 'electricity',
      gaseous: false,
      coefficient: {
        value: 0.1229,
        unit: 'kgce/kWh',
        source:
          'GB/T 2589-2020 electricity equivalent (calorific) value 当量值, 3,600 kJ/kWh, per the nimonik FAQ; also used by ' +
          'T/CISA 416-2024 according to a GitHub file (find_string id 63227275886) (domain.md §6.1)',
        tag: 'S',
        verified: true,
        method: 'equivalent',
      },
      ncv: { value: 3_600, unit: 'kJ/kWh' },
    },
    'steam-low-pressure': {
      medium: 'steam-low-pressure',
      nameZh: '蒸汽(低压)',
      nameEn: 'Steam, low pressure',
      kind: 'steam',
      gaseous: false,
      coefficient: {
        value: 0.1286,
        unit: 'kgce/kg',
        source: 'domain.md §6.1 steam row; no copy of the GB/T 2589-2020 annex rows for steam was found',
        tag: 'U',
        verified: false,
        method: 'reference',
        note: 'Placeholder. Better computed from the measured enthalpy × 0.03412 kgce/MJ (domain.md §6.1).',
      },
      ncv: { value: 3_763, unit: 'MJ/t' },
    },
    'fresh-water': workingMedium('fresh-water', '新水', 'Fresh water', 0.2571, 'kgce/t'),
    'compressed-air': workingMedium('compressed-air', '压缩空气', 'Compressed air', 0.04, 'kgce/m3'),
    oxygen: workingMedium('oxygen', '氧气', 'Oxygen', 0.4, 'kgce/m3'),
    acetylene: workingMedium('acetylene', '乙炔', 'Acetylene', 8.3143, 'kgce/m3'),
    'calcium-carbide': workingMedium('calcium-carbide', '电石', 'Calcium carbide', 2.0786, 'kgce/kg'),
    nitrogen: workingMedium(
      'nitrogen',
      '氮气',
      'Nitrogen',
      0.0169,
      'kgce/m3',
      'As used by T/CISA 416-2024 according to a GitHub file (find_string id 63227275886) (domain.md §6.1)',
    ),
  },
  electricityEqualValue: [
    {
      year: 2020,
      series: 'ndrc-thermal-supply-coal-consumption',
      value: 0.3055,
      unit: 'kgce/kWh',
      source:
        'NDRC 发改运行〔2021〕1519号: 2020 national supply coal consumption of thermal power plants of 6 MW and above, ' +
        '305.5 gce/kWh (yeahqiona/Dual-carbon-policies PDF 400; domain.md §6.1)',
      documentNumber: '发改运行〔2021〕1519号',
      tag: 'C',
      verified: true,
      method: 'equal-value',
      note: 'Which series a given policy context uses is unconfirmed (domain.md §6.1).',
    },
    {
      year: 2020,
      series: 'climate-white-paper-2021',
      value: 0.3058,
      unit: 'kgce/kWh',
      source:
        'State Council white paper on climate policy (2021): average supply coal consumption of thermal plants at end-2020, ' +
        '305.8 gce/kWh (yeahqiona/Dual-carbon-policies PDF 38; domain.md §6.1)',
      tag: 'C',
      verified: true,
      method: 'equal-value',
      note: 'Which series a given policy context uses is unconfirmed (domain.md §6.1).',
    },
  ],
};

/** The equal-value series used when a caller names none: the NDRC 1519号 supply coal consumption. */
export const defaultEqualValueSeries = 'ndrc-thermal-supply-coal-consumption';

import type { SourcedValue } from './sourced-value.ts';

/** What a grid factor is for: statistical accounting, carbon-market reporting, or product footprints. */
export type GridFactorPurpose = 'statistical' | 'carbon-market' | 'product-footprint';

/** Which electricity a national factor covers (domain.md §6.2). */
export type GridFactorScope =
  'average' | 'excluding-market-non-fossil' | 'fossil' | 'wind' | 'photovoltaic' | 'biomass';

/** The geographic level of a factor. */
export type GridLevel = 'national' | 'regional' | 'provincial';

/** The seven regional grids of the MEE/NBS statistical factors (domain.md §6.2). */
export type GridRegion =
  'north-china' | 'northeast' | 'east-china' | 'central-china' | 'northwest' | 'south' | 'southwest';

/** One grid emission factor with its provenance; `year` is the data year where domain.md states one. */
export type GridFactor = SourcedValue<'kgCO2/kWh' | 'kgCO2e/kWh'> & {
  readonly id: string;
  readonly purpose: GridFactorPurpose;
  readonly scope: GridFactorScope;
  readonly level: GridLevel;
  readonly gridRegion?: GridRegion;
  /** GB/T 2260 two-digit province code. */
  readonly provinceCode?: string;
  /** For carbon-market defaults: the emissions year the factor is to be used for, where stated. */
  readonly forEmissionsYear?: number;
};

const nationalSources: Readonly<
  Record<2021 | 2022 | 2023, { source: string; published: string; documentNumber?: string }>
> = {
  2021: {
    source:
      'MEE/NBS grid CO2 emission factors, data year 2021, reported by szcbn.com/newsinfo/7157203.html and daydaynews; ' +
      'release confirmed by langguan-vision.com/news/2201.html and zjzili.com (domain.md §6.2)',
    published: '2024-04-12',
    documentNumber: 'MEE/NBS announcement 2024 No. 12',
  },
  2022: {
    source:
      'MEE/NBS grid CO2 emission factors, data year 2022, reported by daydaynews.cc/zh-hant/finance/3899452.html (domain.md §6.2)',
    published: '2024-12',
  },
  2023: {
    source:
      'MEE/NBS grid CO2 emission factors, data year 2023 (MEE PDF W020251231726284332528.pdf), as quoted by 163.com ' +
      'article KIQVBKCG05567I2C (Guangming Daily) and reportify (China Electric Power News, 2026-01-15) (domain.md §6.2)',
    published: '2025-12-31',
  },
};

function national(year: 2021 | 2022 | 2023, scope: GridFactorScope, value: number): GridFactor {
  const { source, published, documentNumber } = nationalSources[year];
  return {
    id: `statistical/national/${scope}/${year}`,
    purpose: 'statistical',
    scope,
    level: 'national',
    year,
    value,
    unit: 'kgCO2/kWh',
    source,
    published,
    ...(documentNumber === undefined ? {} : { documentNumber }),
    tag: 'S',
    verified: true,
  };
}

function regional(year: 2022 | 2023, gridRegion: GridRegion, value: number): GridFactor {
  return {
    id: `statistical/regional/${gridRegion}/${year}`,
    purpose: 'statistical',
    scope: 'average',
    level: 'regional',
    gridRegion,
    year,
    value,
    unit: 'kgCO2/kWh',
    source: `MEE/NBS grid CO2 emission factors, data year ${year}, regional grid averages (secondary, domain.md §6.2)`,
    tag: 'S',
    verified: true,
  };
}

function provincial(year: 2022 | 2023, provinceCode: string, value: number): GridFactor {
  return {
    id: `statistical/provincial/${provinceCode}/${year}`,
    purpose: 'statistical',
    scope: 'average',
    level: 'provincial',
    provinceCode,
    year,
    value,
    unit: 'kgCO2/kWh',
    source:
      year === 2022
        ? 'MEE/NBS grid CO2 emission factors, data year 2022, provincial highest/lowest five as reported by daydaynews (domain.md §6.2)'
        : 'MEE/NBS grid CO2 emission factors, data year 2023, provincial values as quoted in GitHub code files (domain.md §6.2); ' +
          'the full table should be taken from the MEE PDF',
    tag: 'S',
    verified: true,
  };
}

/**
 * Grid CO2 emission factors of domain.md §6.2, in kgCO2/kWh (= tCO2/MWh): the MEE/NBS statistical
 * factors (national 2021-2023, regional 2022-2023, provincial examples), the carbon-market defaults
 * and the 2023 electricity carbon-footprint factors. Only domain.md's numbers; no others are filled in.
 */
export const gridFactors: readonly GridFactor[] = [
  national(2021, 'average', 0.5568),
  national(2021, 'excluding-market-non-fossil', 0.5942),
  national(2021, 'fossil', 0.8426),
  national(2022, 'average', 0.5366),
  national(2022, 'excluding-market-non-fossil', 0.5856),
  national(2022, 'fossil', 0.8325),
  national(2023, 'average', 0.5306),
  national(2023, 'excluding-market-non-fossil', 0.6096),
  national(2023, 'fossil', 0.8273),

  regional(2022, 'north-china', 0.6776),
  regional(2022, 'northeast', 0.5564),
  regional(2022, 'east-china', 0.5617),
  regional(2022, 'central-china', 0.5395),
  regional(2022, 'northwest', 0.5857),
  regional(2022, 'south', 0.3869),
  regional(2022, 'southwest', 0.2268),
  regional(2023, 'north-china', 0.6361),
  regional(2023, 'northeast', 0.5122),
  regional(2023, 'east-china', 0.55),
  regional(2023, 'central-china', 0.5271),
  regional(2023, 'northwest', 0.5543),
  regional(2023, 'south', 0.4042),
  regional(2023, 'southwest', 0.2472),

  provincial(2022, '13', 0.7252), // Hebei
  provincial(2022, '14', 0.7096), // Shanxi
  provincial(2022, '12', 0.7041), // Tianjin
  provincial(2022, '15', 0.6849), // Inner Mongolia
  provincial(2022, '34', 0.6782), // Anhui
  provincial(2022, '35', 0.4092), // Fujian
  provincial(2022, '45', 0.4044), // Guangxi
  provincial(2022, '63', 0.1567), // Qinghai
  provincial(2022, '51', 0.1404), // Sichuan
  provincial(2022, '53', 0.1073), // Yunnan
  provincial(2023, '44', 0.4419), // Guangdong
  provincial(2023, '11', 0.5554), // Beijing
  provincial(2023, '31', 0.5737), // Shanghai
  provincial(2023, '33', 0.4974), // Zhejiang
  provincial(2023, '32', 0.5827), // Jiangsu
  provincial(2023, '51', 0.1564), // Sichuan
  provincial(2023, '41', 0.5897), // Henan

  {
    id: 'carbon-market/power-guideline-default',
    purpose: 'carbon-market',
    scope: 'average',
    level: 'national',
    value: 0.6101,
    unit: 'kgCO2/kWh',
    source:
      'Accounting and reporting guideline for enterprise GHG emissions, power generation facilities ' +
      '(企业温室气体排放核算方法与报告指南 发电设施), clause 7.2.2: 0.6101 tCO2/MWh "or the latest value published by MEE"; ' +
      'MEE General Office notice of 2021-03-28 (yeahqiona/Dual-carbon-policies PDF 403; domain.md §6.2)',
    documentNumber: '环办气候〔2021〕9号',
    published: '2021-03-28',
    tag: 'C',
    verified: true,
    note: 'The document number is as cited by the Tianjin relay (secondary).',
  },
  {
    id: 'carbon-market/emissions-2021',
    purpose: 'carbon-market',
    scope: 'average',
    level: 'national',
    forEmissionsYear: 2021,
    value: 0.581,
    unit: 'kgCO2/kWh',
    source:
      '环办气候函〔2022〕111号 grid factor for 2021 emissions (reports filed in 2022), read in the Tianjin relay ' +
      '津环气候〔2022〕19号 of 2022-03-29 (yeahqiona PDF 341) and the Ningxia relay (yeahqiona PDF 212) (domain.md §6.2)',
    documentNumber: '环办气候函〔2022〕111号',
    tag: 'S',
    verified: true,
    note: 'The national notice itself was not seen; two official provincial relays agree.',
  },
  {
    id: 'carbon-market/national-2022',
    purpose: 'carbon-market',
    scope: 'average',
    level: 'national',
    year: 2022,
    value: 0.5703,
    unit: 'kgCO2/kWh',
    source:
      'MEE notice on power-sector GHG reporting for 2023-2025 (关于做好2023—2025年发电行业企业温室气体排放报告管理有关工作的通知), ' +
      '2022 national grid average emission factor; source tanpaifang.com/tanguwen/2023/0215/94510.html (domain.md §6.2)',
    documentNumber: '环办气候函〔2023〕43号',
    published: '2023-02',
    tag: 'S',
    verified: true,
    note: 'The document number 环办气候函〔2023〕43号 is unconfirmed [U]; later updates are to be published at each year end.',
  },

  ...(
    [
      ['average', 0.6205],
      ['wind', 0.0336],
      ['photovoltaic', 0.0545],
      ['biomass', 0.0457],
    ] as const
  ).map(([scope, value]): GridFactor => ({
    id: `product-footprint/national/${scope}/2023`,
    purpose: 'product-footprint',
    scope,
    level: 'national',
    year: 2023,
    value,
    unit: 'kgCO2e/kWh',
    source:
      'MEE/NBS/NEA announcement of 2025-01-17, 2023 electricity carbon-footprint factors, via ' +
      'http://nengy.net/a/xinnenyuanzixun/2025/0124/1821.html (domain.md §6.2); for product carbon footprints (GB/T 36132-2025)',
    published: '2025-01-17',
    tag: 'S',
    verified: true,
  })),
];

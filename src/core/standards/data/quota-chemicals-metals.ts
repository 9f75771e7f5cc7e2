// Energy consumption quota standards, nonferrous metals and chemicals (domain.md §5.2). Transcribed
// from adgo07/ECQuota-Insight, which says its rules still need review against the PDFs: tag 'S'.
import { defineQuotaStandard } from '../quota-standard.ts';
import type { QuotaStandard } from '../quota-standard.ts';

const repo = (file: string): string => `domain.md §5.2; adgo07/ECQuota-Insight ${file} [S+]`;
const ndrc = (slug: string): string => `NDRC-benchmark@2021#${slug}`;

/** GB 21346-2022, aluminium (in force 2024-01-01). */
export const gb21346of2022: QuotaStandard = defineQuotaStandard({
  id: 'GB 21346',
  version: '2022',
  title: '电解铝和氧化铝单位产品能源消耗限额 (aluminium)',
  inForce: '2024-01-01',
  source: repo('data/definitions/gb-21346-2022.json'),
  tag: 'S',
  rows: [
    { slug: 'molten-al-ac', product: 'Molten Al, AC power', unit: 'kWh/t', grades: [12950, 13000, 13350], benchmarkRow: ndrc('electrolytic-aluminium') },
    { slug: 'molten-al-ac-comprehensive', product: 'Molten Al, comprehensive AC power', unit: 'kWh/t', grades: [13250, 13350, 13700] },
    { slug: 'al-ingot-ac-comprehensive', product: 'Al ingot, comprehensive AC power', unit: 'kWh/t', grades: [13300, 13400, 13750] },
    { slug: 'al-ingot-energy', product: 'Al ingot, comprehensive energy', unit: 'kgce/t', grades: [1670, 1680, 1720] },
    { slug: 'alumina-bayer-process', product: 'Alumina (Bayer), process energy', unit: 'kgce/t', grades: [310, 360, 430] },
    { slug: 'alumina-bayer-comprehensive', product: 'Alumina (Bayer), comprehensive', unit: 'kgce/t', grades: [340, 390, 460] },
  ],
});

/** GB 21257-2024, caustic soda and PVC (in force 2025-05-01). */
export const gb21257of2024: QuotaStandard = defineQuotaStandard({
  id: 'GB 21257',
  version: '2024',
  title: '烧碱和聚氯乙烯单位产品能源消耗限额 (caustic soda and PVC)',
  inForce: '2025-05-01',
  source: repo('data/definitions/gb-21257-2024.json'),
  tag: 'S',
  rows: [
    { slug: 'caustic-liquid-30', product: 'Liquid caustic ≥ 30 %', unit: 'kgce/t', grades: [308, 315, 350], benchmarkRow: ndrc('caustic-liquid-30') },
    { slug: 'caustic-liquid-45', product: 'Liquid caustic ≥ 45 %', unit: 'kgce/t', grades: [410, 420, 470], benchmarkRow: ndrc('caustic-liquid-45') },
    { slug: 'caustic-solid', product: 'Solid caustic', unit: 'kgce/t', grades: [600, 620, 685], benchmarkRow: ndrc('caustic-solid-98') },
    { slug: 'pvc-carbide', product: 'PVC (carbide route, general)', unit: 'kgce/t', grades: [185, 193, 270] },
  ],
});

/** GB 21344-2023, fertilisers (in force 2024-12-01). */
export const gb21344of2023: QuotaStandard = defineQuotaStandard({
  id: 'GB 21344',
  version: '2023',
  title: '化肥单位产品能源消耗限额 (fertilisers)',
  inForce: '2024-12-01',
  source: repo('data/definitions/gb-21344-2023.json'),
  tag: 'S',
  rows: [
    { slug: 'ammonia-anthracite-lump', product: 'Ammonia, high-quality anthracite lump', unit: 'kgce/t', grades: [1090, 1100, 1350], benchmarkRow: ndrc('ammonia-anthracite-lump') },
    { slug: 'ammonia-other-lump', product: 'Ammonia, other lump coal/briquette', unit: 'kgce/t', grades: [1180, 1200, 1520], benchmarkRow: ndrc('ammonia-other-lump') },
    { slug: 'ammonia-pulverised', product: 'Ammonia, pulverised coal', unit: 'kgce/t', grades: [1340, 1350, 1550], benchmarkRow: ndrc('ammonia-pulverised') },
    { slug: 'ammonia-lignite', product: 'Ammonia, lignite', unit: 'kgce/t', grades: [1700, 1800, 1900] },
    { slug: 'ammonia-natural-gas', product: 'Ammonia, natural gas', unit: 'kgce/t', grades: [996, 1000, 1200], benchmarkRow: ndrc('ammonia-natural-gas') },
    { slug: 'urea-turbine', product: 'Urea (turbine-driven)', unit: 'kgce/t', grades: [130, 150, 170] },
  ],
});

/** GB 30251-2024, refining and chemicals. */
export const gb30251of2024: QuotaStandard = defineQuotaStandard({
  id: 'GB 30251',
  version: '2024',
  title: '炼油与石化单位产品能源消耗限额 (refining and chemicals)',
  inForce: null,
  source: repo('data/definitions/gb-30251-2024.json'),
  tag: 'S',
  rows: [
    { slug: 'oil-refining', product: 'Oil refining', unit: 'kgoe/(t·energy factor)', grades: [6.85, 7.5, 8.5], benchmarkRow: ndrc('oil-refining') },
    { slug: 'ethylene', product: 'Ethylene', unit: 'kgoe/t', grades: [580, 590, 640], benchmarkRow: ndrc('ethylene') },
    { slug: 'p-xylene', product: 'p-Xylene', unit: 'kgoe/t', grades: [370, 380, 550], benchmarkRow: ndrc('p-xylene') },
    { slug: 'pta', product: 'PTA', unit: 'kgce/t', grades: [70, 80, 180] },
  ],
});

/** GB 25323-2023, heavy nonferrous smelting (copper rows). */
export const gb25323of2023: QuotaStandard = defineQuotaStandard({
  id: 'GB 25323',
  version: '2023',
  title: '重有色金属冶炼企业单位产品能源消耗限额 (heavy nonferrous smelting)',
  inForce: null,
  source: repo('data/definitions/gb-25323-2023.json'),
  tag: 'S',
  rows: [
    {
      slug: 'copper-concentrate-cathode',
      product: 'Copper, concentrate → cathode',
      unit: 'kgce/t',
      grades: [210, 230, 340],
      benchmarkRow: ndrc('copper-smelting'),
      note: 'stricter than the 2021 NDRC values 260 / 380 (domain.md §5.2).',
    },
    { slug: 'blister-copper', product: 'Blister copper step', unit: 'kgce/t', grades: [100, 125, 175] },
    { slug: 'anode-copper', product: 'Anode copper step', unit: 'kgce/t', grades: [125, 140, 235] },
    { slug: 'electrolytic-refining', product: 'Electrolytic refining step', unit: 'kgce/t', grades: [70, 85, 110] },
  ],
});

/** GB 21343-2023, calcium carbide. */
export const gb21343of2023: QuotaStandard = defineQuotaStandard({
  id: 'GB 21343',
  version: '2023',
  title: '电石单位产品能源消耗限额 (calcium carbide)',
  inForce: null,
  source: repo('data/definitions/gb-21343-2023.json'),
  tag: 'S',
  rows: [
    { slug: 'comprehensive', product: 'Calcium carbide, comprehensive', unit: 'kgce/t', grades: [805, 823, 940], benchmarkRow: ndrc('calcium-carbide') },
    { slug: 'furnace-electricity', product: 'Calcium carbide, furnace electricity', unit: 'kWh/t', grades: [3000, 3080, 3200] },
  ],
});

/** GB 29436-2023, methanol. */
export const gb29436of2023: QuotaStandard = defineQuotaStandard({
  id: 'GB 29436',
  version: '2023',
  title: '甲醇单位产品能源消耗限额 (methanol)',
  inForce: null,
  source: repo('data/definitions/gb-29436-2023.json'),
  tag: 'S',
  rows: [
    { slug: 'bituminous-coal', product: 'Methanol, bituminous coal route', unit: 'kgce/t', grades: [1380, 1400, 1800], benchmarkRow: ndrc('methanol-bituminous') },
    { slug: 'natural-gas', product: 'Methanol, natural gas route', unit: 'kgce/t', grades: [1130, 1150, 1380] },
  ],
});

/** GB 29140-2024, soda ash. */
export const gb29140of2024: QuotaStandard = defineQuotaStandard({
  id: 'GB 29140',
  version: '2024',
  title: '纯碱单位产品能源消耗限额 (soda ash)',
  inForce: null,
  source: repo('data/definitions/gb-29140-2024.json'),
  tag: 'S',
  rows: [
    { slug: 'ammonia-soda-light', product: 'Soda ash, ammonia-soda, light ash', unit: 'kgce/t', grades: [310, 320, 370], benchmarkRow: ndrc('soda-ash-ammonia-light') },
    { slug: 'combined', product: 'Soda ash, combined (联碱) process', unit: 'kgce/t', grades: [145, 160, 200], benchmarkRow: ndrc('soda-ash-combined-light') },
  ],
});

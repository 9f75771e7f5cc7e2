// Energy consumption quota standards, steel and building materials (domain.md §5.2). Every row is
// transcribed from adgo07/ECQuota-Insight, which labels its JSON rules as still needing review
// against the PDFs: tag 'S' ([S+] in domain.md). A "—" in the source is null here.
import { defineQuotaStandard } from '../quota-standard.ts';
import type { QuotaStandard } from '../quota-standard.ts';

const repo = (file: string): string => `domain.md §5.2; adgo07/ECQuota-Insight ${file} [S+]`;
const ndrc = (slug: string): string => `NDRC-benchmark@2021#${slug}`;

/** GB 21256-2025, crude steel main processes (published 2025-06-30, in force 2026-07-01). */
export const gb21256of2025: QuotaStandard = defineQuotaStandard({
  id: 'GB 21256',
  version: '2025',
  title: '粗钢生产主要工序单位产品能源消耗限额 (crude steel main processes)',
  inForce: '2026-07-01',
  replaces: ['GB 21256@2013', 'GB 32050@2015'],
  source: repo('data/definitions/gb-21256-2025.json'),
  tag: 'S',
  rows: [
    {
      slug: 'sintering',
      product: 'Sintering',
      unit: 'kgce/t',
      grades: [43, 46, 52],
      corrections: [
        ...(
          [
            ['rareEarthOrePct', 0.15, 'rare-earth ore'],
            ['vanadiumTitaniumMagnetitePct', 0.2, 'vanadium-titanium magnetite'],
            ['lateriteNickelOrePct', 1.2, 'laterite nickel ore'],
          ] as const
        ).map(([input, k, what]) => ({
          kind: 'per-point' as const,
          input,
          reference: 0,
          side: 'above' as const,
          maxPoints: null,
          perPoint: [k, k, k] as const,
          description: `+${k} kgce/t on each grade per percentage point of ${what} in the burden`,
          source: repo('data/definitions/gb-21256-2025.json'),
          tag: 'S' as const,
        })),
      ],
    },
    { slug: 'pelletising', product: 'Pelletising', unit: 'kgce/t', grades: [15, 22, 33] },
    {
      slug: 'blast-furnace',
      product: 'Blast furnace ironmaking',
      unit: 'kgce/t',
      grades: [361, 370, 415],
      benchmarkRow: ndrc('ironmaking-blast-furnace'),
      corrections: [
        {
          kind: 'per-point',
          input: 'oreGradePct',
          reference: 62,
          side: 'below',
          maxPoints: 5,
          perPoint: [3.61, 3.61, 3.61],
          // domain.md does not say which grades the correction moves; it is applied to all three here.
          description: '+3.61 kgce/t per percentage point of ore grade below 62 %, at most 5 points (applied to every grade)',
          source: repo('tools/build_verified_rules_batch*.py'),
          tag: 'S',
        },
      ],
    },
    {
      slug: 'converter',
      product: 'Basic oxygen (converter) steelmaking',
      unit: 'kgce/t',
      grades: [-30, -28, -12],
      benchmarkRow: ndrc('steelmaking-converter'),
    },
    ...(
      [
        ['eaf-lt-50', 'EAF < 50 t', [61, null, 86], 'steelmaking-eaf-30-50'],
        ['eaf-50-70', 'EAF 50–70 t', [61, null, 72], 'steelmaking-eaf-ge-50'],
        ['eaf-ge-70', 'EAF ≥ 70 t', [61, 64, 72], 'steelmaking-eaf-ge-50'],
      ] as const
    ).map(([slug, product, grades, b]) => ({
      slug,
      product,
      unit: 'kgce/t',
      grades,
      benchmarkRow: ndrc(b),
      corrections: [
        {
          kind: 'not-encoded' as const,
          description: 'corrections for raw materials and steel grade (numbers not in domain.md)',
          source: repo('data/definitions/gb-21256-2025.json'),
          tag: 'S' as const,
        },
      ],
    })),
  ],
});

const altitude = {
  kind: 'altitude-factor' as const,
  altitudeInput: 'altitudeM',
  pressureInput: 'airPressurePa',
  minAltitudeM: 1500,
  a: 1.179,
  b: 0.211,
  p0: 101325,
  grades: [null, null, 1] as const,
  // domain.md states it at standard level; it is attached to every row of the standard here.
  description: 'plants above 1,500 m: grade 3 multiplied by 1.179 − 0.211·p/101325 (p = local air pressure, Pa)',
  source: repo('data/definitions/gb-16780-2021.json'),
  tag: 'S' as const,
};

/** GB 16780-2021, cement (in force 2022-11-01). */
export const gb16780of2021: QuotaStandard = defineQuotaStandard({
  id: 'GB 16780',
  version: '2021',
  title: '水泥单位产品能源消耗限额 (cement)',
  inForce: '2022-11-01',
  source: repo('data/definitions/gb-16780-2021.json'),
  tag: 'S',
  rows: [
    {
      slug: 'cement-comprehensive',
      product: 'Cement, comprehensive (at 75 % clinker)',
      unit: 'kgce/t',
      grades: [80, 87, 94],
      corrections: [
        {
          kind: 'per-point',
          input: 'clinkerRatioPct',
          reference: 75,
          side: 'both',
          maxPoints: null,
          perPoint: [1.1, 1.15, 1.2],
          description: '±1.10 / 1.15 / 1.20 kgce/t (grades 1/2/3) per percentage point of clinker ratio away from 75 %',
          source: repo('data/definitions/gb-16780-2021.json'),
          tag: 'S',
        },
        altitude,
      ],
    },
    {
      slug: 'clinker-comprehensive',
      product: 'Clinker, comprehensive energy',
      unit: 'kgce/t',
      grades: [100, 107, 117],
      corrections: [altitude],
      benchmarkRow: ndrc('cement-clinker'),
    },
    { slug: 'clinker-electricity', product: 'Clinker, electricity', unit: 'kWh/t', grades: [48, 57, 61], corrections: [altitude] },
    { slug: 'clinker-fuel', product: 'Clinker, fuel (coal)', unit: 'kgce/t', grades: [94, 100, 109], corrections: [altitude] },
    { slug: 'cement-grinding-electricity', product: 'Cement grinding electricity', unit: 'kWh/t', grades: [26, 29, 34], corrections: [altitude] },
  ],
});

const glassFactors = {
  kind: 'factor-product' as const,
  inputs: ['a', 'b', 'c', 'd'],
  description: 'multiplicative correction factors a·b·c·d (values from the standard’s tables, supplied by the caller)',
  source: repo('data/definitions/gb-21340-2019.json'),
  tag: 'S' as const,
};

/** GB 21340-2019, flat glass. */
export const gb21340of2019: QuotaStandard = defineQuotaStandard({
  id: 'GB 21340',
  version: '2019',
  title: '平板玻璃单位产品能源消耗限额 (flat glass)',
  inForce: null,
  source: repo('data/definitions/gb-21340-2019.json'),
  tag: 'S',
  rows: [
    { slug: 'float-le-500', product: 'Float, melting ≤ 500 t/d', unit: 'kgce/weight box', grades: [null, null, 14.0], corrections: [glassFactors] },
    {
      slug: 'float-500-800',
      product: 'Float, 500–800 t/d',
      unit: 'kgce/weight box',
      grades: [9.5, 11.5, 13.5],
      corrections: [glassFactors],
      benchmarkRow: ndrc('flat-glass-500-800'),
    },
    {
      slug: 'float-gt-800',
      product: 'Float, > 800 t/d',
      unit: 'kgce/weight box',
      grades: [8.0, 10.0, 12.0],
      corrections: [glassFactors],
      benchmarkRow: ndrc('flat-glass-over-800'),
    },
    { slug: 'pv-rolled-le-300', product: 'PV rolled glass ≤ 300 t/d', unit: 'kgce/t', grades: [300, 300, 400] },
    { slug: 'pv-rolled-gt-300', product: 'PV rolled glass > 300 t/d', unit: 'kgce/t', grades: [260, 260, 370] },
  ],
});

const wetQuenching = {
  kind: 'flag-add' as const,
  input: 'wetQuenching',
  add: [null, null, 46.46] as const,
  description: 'wet quenching adds 46.46 kgce/t on grade 3',
  source: repo('data/definitions/gb-21342-2025.json'),
  tag: 'S' as const,
};
const otherCokeCorrections = {
  kind: 'not-encoded' as const,
  description: 'other corrections of GB 21342-2025 (numbers not in domain.md)',
  source: repo('data/definitions/gb-21342-2025.json'),
  tag: 'S' as const,
};

/** GB 21342-2025, coke (in force 2026-05-01). */
export const gb21342of2025: QuotaStandard = defineQuotaStandard({
  id: 'GB 21342',
  version: '2025',
  title: '焦炭单位产品能源消耗限额 (coke)',
  inForce: '2026-05-01',
  source: repo('data/definitions/gb-21342-2025.json'),
  tag: 'S',
  rows: [
    {
      slug: 'top-charged',
      product: 'Top-charged coke oven',
      unit: 'kgce/t',
      grades: [110, 110, 135],
      corrections: [wetQuenching, otherCokeCorrections],
      benchmarkRow: ndrc('coking-top-charged'),
    },
    {
      slug: 'stamp-charged',
      product: 'Stamp-charged coke oven',
      unit: 'kgce/t',
      grades: [115, 115, 140],
      corrections: [wetQuenching, otherCokeCorrections],
      benchmarkRow: ndrc('coking-stamp-charged'),
      note: 'grade 1 (115) differs from the 2021 NDRC benchmark (110): check GB 21342-2025 (domain.md §5.2).',
    },
  ],
});

/** GB 21341-2022, ferroalloys. */
export const gb21341of2022: QuotaStandard = defineQuotaStandard({
  id: 'GB 21341',
  version: '2022',
  title: '铁合金单位产品能源消耗限额 (ferroalloys)',
  inForce: null,
  source: repo('data/definitions/gb-21341-2022.json'),
  tag: 'S',
  rows: [
    { slug: 'ferrosilicon', product: 'Ferrosilicon, comprehensive', unit: 'kgce/t', grades: [1700, 1770, 1850], benchmarkRow: ndrc('ferrosilicon') },
    { slug: 'silicomanganese', product: 'Silicomanganese, comprehensive', unit: 'kgce/t', grades: [850, 860, 950], benchmarkRow: ndrc('silicomanganese') },
  ],
});

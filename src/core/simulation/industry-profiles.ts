import type { EnergyMedium } from '../standards/coefficients/energy-conversion-coefficients.ts';

/**
 * Simulation assumptions, per kind of plant: the ranges simulated operating data is drawn from.
 * These are NOT values of any standard; they are greenmfg's own plausible ranges, chosen so that
 * simulated plants sit around typical levels of their industry, and every figure made from them
 * is labelled simulated wherever it shows.
 */
export interface IndustryProfile {
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
  /** GB/T 4754-2017 codes this profile stands for (first = the one assigned). */
  readonly industryCodes: readonly string[];
  /** Name fragments that suggest this profile when the list gives no industry. */
  readonly keywords: readonly string[];
  /** What production is counted in (a weight box is 50 kg of 2 mm flat glass, the unit of GB 21340). */
  readonly product: {
    readonly zh: string;
    readonly en: string;
    readonly unit: 't' | 'unit' | '10^4 yuan' | 'weight box';
  };
  /** Annual production range (log-uniform). */
  readonly production: readonly [number, number];
  /** Comprehensive energy per unit of production, kgce (uniform). */
  readonly intensityKgce: readonly [number, number];
  /** Share of comprehensive energy by medium (sums to 1). */
  readonly energyMix: Readonly<Partial<Record<EnergyMedium, number>>>;
  /** Output value per unit of production, 10^4 yuan. */
  readonly valuePerUnit: readonly [number, number];
  /** Fresh water per unit of production, m3; and the share of water reused. */
  readonly waterPerUnit: readonly [number, number];
  readonly waterReuse: readonly [number, number];
  /** Solid waste per unit of production, t; and the share put to use. */
  readonly wastePerUnit: readonly [number, number];
  readonly wasteUse: readonly [number, number];
  /**
   * The energy quota row (domain.md §5.2) that covers the profile's product, when one is encoded:
   * 'plant' = the whole plant's product and energy are the row's (intensityKgce is then drawn in the
   * row's unit, around its grades); 'process' = one process of the plant is covered, simulated with
   * its own output per unit of production and its own intensity. The ranges are simulation
   * assumptions chosen to straddle the grades, not values of the standard.
   */
  readonly quota?:
    | { readonly row: string; readonly scope: 'plant' }
    | {
        readonly row: string;
        readonly scope: 'process';
        readonly process: string;
        readonly outputPerUnit: readonly [number, number];
        readonly intensityKgce: readonly [number, number];
      };
  /** Raw material per unit of production, t (default by product unit, see operating-data.ts). */
  readonly materialPerUnit?: readonly [number, number];
  /** Renewable share of comprehensive energy (default 0-15 %). */
  readonly renewableShare?: readonly [number, number];
}

const general: IndustryProfile = {
  key: 'general',
  labelZh: '一般制造',
  labelEn: 'General manufacturing',
  industryCodes: ['C'],
  keywords: [],
  product: { zh: '工业总产值', en: 'output value', unit: '10^4 yuan' },
  production: [5_000, 500_000],
  intensityKgce: [15, 60],
  energyMix: { electricity: 0.75, 'natural-gas-gas-field': 0.2, diesel: 0.05 },
  valuePerUnit: [1, 1],
  waterPerUnit: [2, 8],
  waterReuse: [0.3, 0.8],
  wastePerUnit: [0.005, 0.03],
  wasteUse: [0.6, 0.98],
};

/** The profiles, most specific first; the last is the fallback for any manufacturer. */
export const industryProfiles: readonly IndustryProfile[] = [
  {
    key: 'steel',
    labelZh: '钢铁',
    labelEn: 'Iron and steel',
    industryCodes: ['31'],
    keywords: ['钢铁', '特钢', '钢厂', '钢管', '钢板', '不锈钢', '炼钢'],
    product: { zh: '粗钢', en: 'crude steel', unit: 't' },
    production: [500_000, 10_000_000],
    intensityKgce: [520, 620],
    energyMix: { 'washed-coal': 0.55, coke: 0.25, electricity: 0.15, 'natural-gas-gas-field': 0.05 },
    valuePerUnit: [0.35, 0.5],
    waterPerUnit: [2, 4],
    waterReuse: [0.95, 0.985],
    wastePerUnit: [0.5, 0.7],
    wasteUse: [0.9, 0.99],
    // The blast furnace of an integrated works: hot metal per t crude steel and its process energy,
    // straddling GB 21256-2025 grades 361 / 370 / 415 kgce/t (simulation assumptions).
    quota: {
      row: 'GB 21256@2025#blast-furnace',
      scope: 'process',
      process: 'blast furnace ironmaking (hot metal, t)',
      outputPerUnit: [0.8, 0.95],
      intensityKgce: [352, 425],
    },
    materialPerUnit: [1.5, 1.8],
  },
  {
    key: 'cement',
    labelZh: '水泥',
    labelEn: 'Cement',
    industryCodes: ['3011'],
    keywords: ['水泥'],
    product: { zh: '水泥', en: 'cement', unit: 't' },
    production: [500_000, 6_000_000],
    // Straddles GB 16780-2021 cement comprehensive grades 80 / 87 / 94 kgce/t (simulation assumption).
    intensityKgce: [76, 98],
    quota: { row: 'GB 16780@2021#cement-comprehensive', scope: 'plant' },
    energyMix: { 'raw-coal': 0.85, electricity: 0.15 },
    valuePerUnit: [0.03, 0.045],
    waterPerUnit: [0.2, 0.5],
    waterReuse: [0.6, 0.95],
    wastePerUnit: [0.001, 0.01],
    wasteUse: [0.9, 1],
  },
  {
    key: 'aluminium',
    labelZh: '电解铝',
    labelEn: 'Aluminium smelting',
    industryCodes: ['3216'],
    keywords: ['铝业', '电解铝'],
    product: { zh: '铝锭', en: 'aluminium ingot', unit: 't' },
    production: [100_000, 1_000_000],
    // Straddles GB 21346-2022 Al ingot comprehensive energy grades 1,670 / 1,680 / 1,720 kgce/t.
    intensityKgce: [1_655, 1_735],
    quota: { row: 'GB 21346@2022#al-ingot-energy', scope: 'plant' },
    energyMix: { electricity: 0.96, 'natural-gas-gas-field': 0.04 },
    valuePerUnit: [1.6, 1.9],
    waterPerUnit: [1, 4],
    waterReuse: [0.9, 0.98],
    wastePerUnit: [0.02, 0.06],
    wasteUse: [0.5, 0.95],
    materialPerUnit: [1.9, 2.0],
  },
  {
    key: 'copper',
    labelZh: '铜冶炼',
    labelEn: 'Copper smelting',
    industryCodes: ['3211'],
    keywords: ['铜业', '铜冶炼'],
    product: { zh: '阴极铜', en: 'copper cathode', unit: 't' },
    production: [50_000, 800_000],
    // Straddles GB 25323-2023 concentrate-to-cathode grades 210 / 230 / 340 kgce/t.
    intensityKgce: [195, 330],
    quota: { row: 'GB 25323@2023#copper-concentrate-cathode', scope: 'plant' },
    energyMix: { electricity: 0.5, 'natural-gas-gas-field': 0.3, 'raw-coal': 0.2 },
    valuePerUnit: [5, 7],
    waterPerUnit: [5, 15],
    waterReuse: [0.9, 0.98],
    wastePerUnit: [2, 3],
    wasteUse: [0.6, 0.95],
    materialPerUnit: [3.5, 4.5],
  },
  {
    key: 'chlor-alkali',
    labelZh: '氯碱',
    labelEn: 'Chlor-alkali (caustic soda)',
    industryCodes: ['2612'],
    keywords: ['氯碱', '烧碱'],
    product: { zh: '液碱（≥30 %）', en: 'liquid caustic soda (≥ 30 %)', unit: 't' },
    production: [100_000, 1_000_000],
    // Straddles GB 21257-2024 liquid caustic ≥ 30 % grades 308 / 315 / 350 kgce/t.
    intensityKgce: [300, 360],
    quota: { row: 'GB 21257@2024#caustic-liquid-30', scope: 'plant' },
    energyMix: { electricity: 0.85, 'raw-coal': 0.15 },
    valuePerUnit: [0.25, 0.4],
    waterPerUnit: [3, 8],
    waterReuse: [0.9, 0.98],
    wastePerUnit: [0.01, 0.05],
    wasteUse: [0.6, 0.95],
    materialPerUnit: [1.4, 1.6],
  },
  {
    key: 'coke',
    labelZh: '焦化',
    labelEn: 'Coking',
    industryCodes: ['2521'],
    keywords: ['焦化', '焦炭'],
    product: { zh: '焦炭', en: 'coke', unit: 't' },
    production: [500_000, 4_000_000],
    // Straddles GB 21342-2025 top-charged oven grades 110 / 110 / 135 kgce/t.
    intensityKgce: [104, 140],
    quota: { row: 'GB 21342@2025#top-charged', scope: 'plant' },
    energyMix: { 'washed-coal': 0.8, electricity: 0.1, 'natural-gas-gas-field': 0.1 },
    valuePerUnit: [0.2, 0.3],
    waterPerUnit: [0.5, 2],
    waterReuse: [0.95, 0.99],
    wastePerUnit: [0.01, 0.04],
    wasteUse: [0.8, 1],
    materialPerUnit: [1.3, 1.4],
  },
  {
    key: 'nonferrous',
    labelZh: '有色金属',
    labelEn: 'Non-ferrous metals',
    industryCodes: ['32'],
    keywords: ['铝业', '铜业', '有色', '锌业', '铅业', '稀土', '钼业', '镍'],
    product: { zh: '有色金属产品', en: 'non-ferrous product', unit: 't' },
    production: [50_000, 1_000_000],
    intensityKgce: [1_200, 1_800],
    energyMix: { electricity: 0.8, 'natural-gas-gas-field': 0.15, diesel: 0.05 },
    valuePerUnit: [1.2, 2],
    waterPerUnit: [3, 10],
    waterReuse: [0.85, 0.97],
    wastePerUnit: [0.5, 2],
    wasteUse: [0.4, 0.9],
  },
  {
    key: 'chemicals',
    labelZh: '化工',
    labelEn: 'Chemicals',
    industryCodes: ['26'],
    keywords: ['化工', '化学', '化肥', '农药', '石化', '氯碱', '树脂', '涂料', '炼化'],
    product: { zh: '化工产品', en: 'chemical product', unit: 't' },
    production: [50_000, 2_000_000],
    intensityKgce: [150, 600],
    energyMix: { 'raw-coal': 0.45, 'natural-gas-gas-field': 0.25, electricity: 0.25, 'fuel-oil': 0.05 },
    valuePerUnit: [0.4, 1.2],
    waterPerUnit: [3, 12],
    waterReuse: [0.85, 0.98],
    wastePerUnit: [0.02, 0.2],
    wasteUse: [0.5, 0.95],
  },
  {
    key: 'paper',
    labelZh: '造纸',
    labelEn: 'Pulp and paper',
    industryCodes: ['22'],
    keywords: ['纸业', '造纸', '纸品'],
    product: { zh: '纸及纸板', en: 'paper and board', unit: 't' },
    production: [100_000, 2_000_000],
    intensityKgce: [250, 450],
    energyMix: { 'raw-coal': 0.55, electricity: 0.35, 'natural-gas-gas-field': 0.1 },
    valuePerUnit: [0.45, 0.7],
    waterPerUnit: [8, 20],
    waterReuse: [0.8, 0.95],
    wastePerUnit: [0.05, 0.15],
    wasteUse: [0.7, 0.98],
  },
  {
    key: 'glass',
    labelZh: '玻璃',
    labelEn: 'Flat glass',
    industryCodes: ['304'],
    keywords: ['玻璃'],
    // Counted in weight boxes (50 kg) as GB 21340-2019 does; 100,000-1,000,000 t a year.
    product: { zh: '平板玻璃', en: 'flat glass', unit: 'weight box' },
    production: [2_000_000, 20_000_000],
    // Straddles the float > 800 t/d grades 8.0 / 10.0 / 12.0 kgce/weight box (simulation assumption).
    intensityKgce: [7.4, 12.6],
    quota: { row: 'GB 21340@2019#float-gt-800', scope: 'plant' },
    energyMix: { 'natural-gas-gas-field': 0.75, electricity: 0.2, 'fuel-oil': 0.05 },
    valuePerUnit: [0.0075, 0.015],
    waterPerUnit: [0.015, 0.05],
    waterReuse: [0.8, 0.97],
    wastePerUnit: [0.0005, 0.002],
    wasteUse: [0.8, 1],
    materialPerUnit: [0.055, 0.065],
  },
  {
    key: 'textiles',
    labelZh: '纺织',
    labelEn: 'Textiles',
    industryCodes: ['17'],
    keywords: ['纺织', '印染', '棉纺', '化纤', '针织', '丝绸', '毛纺'],
    product: { zh: '纺织品', en: 'textiles', unit: 't' },
    production: [5_000, 100_000],
    intensityKgce: [600, 1_400],
    energyMix: { electricity: 0.6, 'natural-gas-gas-field': 0.3, 'raw-coal': 0.1 },
    valuePerUnit: [2, 5],
    waterPerUnit: [50, 120],
    waterReuse: [0.3, 0.6],
    wastePerUnit: [0.02, 0.08],
    wasteUse: [0.6, 0.95],
  },
  {
    key: 'electronics',
    labelZh: '电子',
    labelEn: 'Electronics',
    industryCodes: ['39'],
    keywords: ['电子', '显示', '光电', '半导体', '通信', '集成电路', '电脑', '芯片', '科技'],
    product: { zh: '工业总产值', en: 'output value', unit: '10^4 yuan' },
    production: [50_000, 5_000_000],
    intensityKgce: [8, 30],
    energyMix: { electricity: 0.92, 'natural-gas-gas-field': 0.08 },
    valuePerUnit: [1, 1],
    waterPerUnit: [0.5, 3],
    waterReuse: [0.4, 0.85],
    wastePerUnit: [0.001, 0.005],
    wasteUse: [0.8, 0.99],
  },
  {
    key: 'automotive',
    labelZh: '汽车',
    labelEn: 'Automotive',
    industryCodes: ['36'],
    keywords: ['汽车', '客车', '新能源车', '汽配'],
    product: { zh: '整车', en: 'vehicles', unit: 'unit' },
    production: [20_000, 600_000],
    intensityKgce: [60, 160],
    energyMix: { electricity: 0.7, 'natural-gas-gas-field': 0.3 },
    valuePerUnit: [8, 20],
    waterPerUnit: [2, 6],
    waterReuse: [0.4, 0.8],
    wastePerUnit: [0.05, 0.2],
    wasteUse: [0.85, 0.99],
  },
  {
    key: 'pharma',
    labelZh: '医药',
    labelEn: 'Pharmaceuticals',
    industryCodes: ['27'],
    keywords: ['药业', '制药', '医药', '生物'],
    product: { zh: '工业总产值', en: 'output value', unit: '10^4 yuan' },
    production: [20_000, 1_000_000],
    intensityKgce: [20, 80],
    energyMix: { electricity: 0.55, 'natural-gas-gas-field': 0.4, diesel: 0.05 },
    valuePerUnit: [1, 1],
    waterPerUnit: [3, 15],
    waterReuse: [0.3, 0.7],
    wastePerUnit: [0.005, 0.03],
    wasteUse: [0.5, 0.9],
  },
  {
    key: 'food',
    labelZh: '食品饮料',
    labelEn: 'Food and beverages',
    industryCodes: ['14', '13', '15'],
    keywords: ['食品', '乳业', '啤酒', '酒业', '饮料', '粮油', '糖业', '肉', '调味'],
    product: { zh: '食品饮料', en: 'food and beverages', unit: 't' },
    production: [20_000, 1_000_000],
    intensityKgce: [30, 120],
    energyMix: { 'natural-gas-gas-field': 0.45, electricity: 0.45, 'raw-coal': 0.1 },
    valuePerUnit: [0.5, 2],
    waterPerUnit: [3, 10],
    waterReuse: [0.3, 0.7],
    wastePerUnit: [0.02, 0.1],
    wasteUse: [0.8, 0.99],
  },
  {
    key: 'machinery',
    labelZh: '机械装备',
    labelEn: 'Machinery',
    industryCodes: ['34', '35', '38'],
    keywords: ['机械', '重工', '装备', '电机', '电器', '电气', '机床', '轴承', '家电', '空调', '冰箱'],
    product: { zh: '工业总产值', en: 'output value', unit: '10^4 yuan' },
    production: [20_000, 2_000_000],
    intensityKgce: [10, 40],
    energyMix: { electricity: 0.8, 'natural-gas-gas-field': 0.17, diesel: 0.03 },
    valuePerUnit: [1, 1],
    waterPerUnit: [0.5, 3],
    waterReuse: [0.4, 0.85],
    wastePerUnit: [0.005, 0.03],
    wasteUse: [0.85, 0.99],
  },
  {
    key: 'building-materials',
    labelZh: '建材',
    labelEn: 'Building materials',
    industryCodes: ['30'],
    keywords: ['建材', '陶瓷', '瓷砖', '石材', '耐火', '新型材料'],
    product: { zh: '建材产品', en: 'building materials', unit: 't' },
    production: [100_000, 3_000_000],
    intensityKgce: [40, 200],
    energyMix: { 'natural-gas-gas-field': 0.5, 'raw-coal': 0.25, electricity: 0.25 },
    valuePerUnit: [0.05, 0.2],
    waterPerUnit: [0.3, 2],
    waterReuse: [0.7, 0.97],
    wastePerUnit: [0.01, 0.08],
    wasteUse: [0.8, 1],
  },
  general,
];

/** Picks the profile for a unit: by its GB/T 4754 code, else by words in its name, else general. */
export function profileFor(industryCode: string | null, name: string): IndustryProfile {
  if (industryCode && industryCode !== 'C') {
    const byCode = industryProfiles.find((p) => p.industryCodes.some((c) => industryCode.startsWith(c)));
    if (byCode) return byCode;
  }
  return industryProfiles.find((p) => p.keywords.some((k) => name.includes(k))) ?? general;
}

// The legacy green-factory scheme: MIIT 2016 green factory evaluation requirements (annex to
// 工信厅节函〔2016〕586号) and GB/T 36132-2018, under which lists up to and including 2025 were
// evaluated (domain.md §1.2). First-level weights are [U] (from memory, no source found); the
// performance indicators are [S]; their lead/baseline are industry data (top 5 % / average), not encoded.
import { defineIndicatorSystem } from '../indicator-system.ts';
import type { IndicatorDef, IndicatorSystem, Measure } from '../indicator-system.ts';
import { sourced } from '../sourced.ts';

const WEIGHTS_U = 'domain.md §1.2 first-level weights, from memory, no source found [U]';
const CATEGORIES = 'domain.md §1.2; ceccweb.org.cn listshow id=3810 [C]';
const PERFORMANCE = 'domain.md §1.2 performance indicators (wbcyn; Zhejiang 2022 guide clauses 7.2–7.6) [S]';

const w = (p: number) => sourced(p, 'U', WEIGHTS_U, 'points');
const none = { kind: 'fixed', lead: null, baseline: null } as const;

const category = (code: string, nameZh: string, nameEn: string, weight: number): IndicatorDef => ({
  code,
  nameZh,
  nameEn,
  level: 'L1',
  group: code,
  direction: 'forward',
  nature: 'qualitative',
  unit: 'fraction',
  formulaRef: null,
  measure: { kind: 'assessment', fact: `assess.${code}` },
  reference: none,
  scoring: { method: 'assessment' },
  weight: w(weight),
  mandatory: true,
  evidence: [],
  source: CATEGORIES,
  tag: 'C',
  note: 'Assessed share of the category’s points (mandatory items are prerequisites, optional items improvement points).',
});

const perf = (
  code: string,
  nameZh: string,
  nameEn: string,
  direction: 'forward' | 'reverse',
  unit: string,
  measure: Measure,
  subgroup: string,
): IndicatorDef => ({
  code,
  nameZh,
  nameEn,
  level: 'L2',
  group: 'PERF',
  direction,
  nature: 'quantitative',
  unit,
  formulaRef: measure.kind === 'formula' ? 'GB/T 36132-2018 Annex A' : null,
  measure,
  reference: none,
  weight: null,
  mandatory: false,
  evidence: [],
  source: PERFORMANCE,
  tag: 'S',
  note: `${subgroup}. Reported for information: the split of the 30 performance points among indicators is not known, and lead/baseline are the industry's top 5 % and average.`,
});

const f = (fact: string, unit: string): Measure => ({ kind: 'fact', fact, unit });

function legacyFactorySystem(id: string, version: string, title: string, titleZh: string, source: string): IndicatorSystem {
  return defineIndicatorSystem({
    id,
    version,
    title,
    titleZh,
    subject: 'factory',
    source,
    tag: 'C',
    groups: [
      { code: 'INF', nameZh: '基础设施', nameEn: 'Infrastructure', weight: w(20) },
      { code: 'MS', nameZh: '管理体系', nameEn: 'Management system', weight: w(15) },
      { code: 'ERI', nameZh: '能源与资源投入', nameEn: 'Energy and resource input', weight: w(15) },
      { code: 'PRD', nameZh: '产品', nameEn: 'Product', weight: w(10) },
      { code: 'ENV', nameZh: '环境排放', nameEn: 'Environmental emission', weight: w(10) },
      { code: 'PERF', nameZh: '绩效', nameEn: 'Performance', weight: w(30) },
    ],
    gates: [
      {
        code: 'basic',
        nameZh: '基本要求',
        nameEn: 'Basic requirements (veto, not scored)',
        check: { kind: 'fact-true', fact: 'gate.basic' },
        source: CATEGORIES,
        tag: 'C',
      },
    ],
    indicators: [
      category('INF', '基础设施', 'Infrastructure: buildings, lighting, equipment', 20),
      category('MS', '管理体系', 'Management system: quality, OHS, environment, energy; CSR report', 15),
      category('ERI', '能源与资源投入', 'Energy and resource input, procurement', 15),
      category('PRD', '产品', 'Product: eco-design, energy saving, carbon footprint, recyclability, hazardous substances', 10),
      category('ENV', '环境排放', 'Environmental emission: air, water, solid waste, noise, GHG', 10),
      category('PERF', '绩效', 'Performance (the five principles), as assessed', 30),
      perf('P-PR', '容积率', 'Plot ratio', 'forward', 'ratio', {
        kind: 'formula',
        formula: 'plotRatio',
        inputs: [
          { fact: 'building.floorArea', unit: 'm2' },
          { fact: 'building.floorAreaTallStoreys', unit: 'm2' },
          { fact: 'land.area', unit: 'm2' },
        ],
      }, '用地集约化'),
      perf('P-BD', '建筑密度', 'Building density', 'forward', '%', f('land.buildingDensityPct', '%'), '用地集约化'),
      perf('P-CL', '单位用地面积产能', 'Capacity per unit land area', 'forward', 'unit/m2', {
        kind: 'formula',
        formula: 'capacityPerLandArea',
        inputs: [
          { fact: 'output.equivalentQuantity', unit: 'unit' },
          { fact: 'land.area', unit: 'm2' },
        ],
      }, '用地集约化'),
      perf('P-GM', '绿色物料使用率', 'Green-material use rate', 'forward', '%', f('material.greenSharePct', '%'), '原料无害化'),
      perf('P-PO', '单位产品主要污染物产生量', 'Main pollutants generated per unit product', 'reverse', 'kg/unit', {
        kind: 'formula',
        formula: 'pollutantIntensity',
        inputs: [
          { fact: 'pollutant.main', unit: 'kg' },
          { fact: 'output.quantity', unit: 'unit' },
        ],
      }, '生产洁净化'),
      perf('P-WG', '单位产品废气产生量', 'Waste gas generated per unit product', 'reverse', 'm3/unit', {
        kind: 'formula',
        formula: 'pollutantIntensity',
        inputs: [
          { fact: 'pollutant.wasteGas', unit: 'm3' },
          { fact: 'output.quantity', unit: 'unit' },
        ],
      }, '生产洁净化'),
      perf('P-WW', '单位产品废水产生量', 'Wastewater generated per unit product', 'reverse', 'm3/unit', {
        kind: 'formula',
        formula: 'pollutantIntensity',
        inputs: [
          { fact: 'pollutant.wastewater', unit: 'm3' },
          { fact: 'output.quantity', unit: 'unit' },
        ],
      }, '生产洁净化'),
      perf('P-RM', '单位产品主要原材料消耗量', 'Main raw-material consumption per unit product', 'reverse', 't/unit', {
        kind: 'formula',
        formula: 'materialIntensity',
        inputs: [
          { fact: 'material.consumption', unit: 't' },
          { fact: 'output.quantity', unit: 'unit' },
        ],
      }, '废物资源化'),
      perf('P-SW', '工业固体废物综合利用率', 'Industrial solid waste comprehensive utilisation rate', 'forward', '%', {
        kind: 'formula',
        formula: 'solidWasteUtilisationRate',
        inputs: [
          { fact: 'waste.utilised', unit: 't' },
          { fact: 'waste.generated', unit: 't' },
          { fact: 'waste.stockUtilised', unit: 't' },
        ],
      }, '废物资源化'),
      perf('P-WR', '废水处理回用率', 'Wastewater treatment-and-reuse rate', 'forward', '%', f('water.wastewaterReusePct', '%'), '废物资源化'),
      perf('P-EN', '单位产品综合能耗', 'Comprehensive energy per unit product', 'reverse', 'kgce/unit', {
        kind: 'formula',
        formula: 'unitProductEnergy',
        inputs: [
          { fact: 'energy.comprehensive', unit: 'kgce' },
          { fact: 'output.quantity', unit: 'unit' },
        ],
      }, '能源低碳化'),
      perf('P-CO2', '单位产品碳排放量', 'Carbon emission per unit product', 'reverse', 'kgCO2/unit', {
        kind: 'formula',
        formula: 'carbonIntensity',
        inputs: [
          { fact: 'carbon.emissions', unit: 'kgCO2' },
          { fact: 'output.quantity', unit: 'unit' },
        ],
      }, '能源低碳化'),
    ],
    defaultScoring: { method: 'linear' },
    passRule: {
      kind: 'none',
      note: 'No national numeric pass mark was found (domain.md §1.2, §9 item 1); the 2021 notice relies on comparison with existing green factories and on the quota advanced value.',
    },
    notes: [
      'Zhejiang 2022 (provincial variant, not encoded): 90 of 100 + 10 bonus to be recommended.',
      '2021 notice (工信厅节函〔2021〕130号) [C]: in 13 energy-intensive industries energy use should in principle reach the quota advanced value (grade 1); check it with quotaGrade.',
    ],
  });
}

/** GB/T 36132-2018 General principle for evaluation of green factory (legacy scheme). */
export const gbt36132of2018: IndicatorSystem = legacyFactorySystem(
  'GB/T 36132',
  '2018',
  'General principle for evaluation of green factory (2018)',
  '绿色工厂评价通则',
  'domain.md §1.2; ceccweb.org.cn; foreword of GB/T 36132-2025 [C]',
);

/** MIIT 2016 green factory evaluation requirements (annex to 工信厅节函〔2016〕586号), same structure as the 2018 standard. */
export const miitGreenFactory2016: IndicatorSystem = legacyFactorySystem(
  'MIIT-green-factory',
  '2016',
  'Green factory evaluation requirements (annex to 工信厅节函〔2016〕586号)',
  '绿色工厂评价要求',
  'domain.md §0, §1.2; 工信厅节函〔2016〕586号 as cited by 工信厅节函〔2021〕130号 [C]',
);

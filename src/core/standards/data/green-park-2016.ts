// MIIT 2016 Green Park Evaluation Requirements (annex to 工信厅节函〔2016〕586号), domain.md §2.1.
// 31 indicators in six groups; names, units and directions [C] (national form, Zhejiang 2022 text);
// mandatory flags [C] for Zhejiang, [S] as a proxy for the national table; reference (lead) values [U].
import { defineIndicatorSystem } from '../indicator-system.ts';
import type { GateDef, IndicatorDef, IndicatorSystem, Measure } from '../indicator-system.ts';
import { sourced } from '../sourced.ts';

const NAMES = 'domain.md §2.1; renrendoc.com/paper/344560115.html, ciipa.net id=947, Zhejiang 2022 guide (yeahqiona PDF 505) [C]';
const LEAD_U = 'domain.md §2.1 reference values, from memory, no source found [U]';

type Row = readonly [
  code: string,
  group: string,
  nameZh: string,
  nameEn: string,
  unit: string,
  direction: 'forward' | 'reverse' | 'yes-no',
  lead: number | null,
  mandatory: boolean,
];

// Reference values: null where domain.md says "not found" (EN7, EN8); yes/no indicators have none.
const rows: readonly Row[] = [
  ['EG1', 'EG', '能源产出率', 'Energy output rate (industrial value added per tce of total energy use)', '10⁴ yuan/tce', 'forward', 3, true],
  ['EG2', 'EG', '可再生能源使用比例', "Share of renewable energy in industrial firms' comprehensive energy use", '%', 'forward', 15, true],
  ['EG3', 'EG', '清洁能源使用率', 'Clean-energy use rate', '%', 'forward', 75, true],
  ['RG1', 'RG', '水资源产出率', 'Water output rate (value added per m³ of fresh water)', 'yuan/m3', 'forward', 1500, true],
  ['RG2', 'RG', '土地资源产出率', 'Land output rate (value added per km² of industrial land)', '10⁸ yuan/km2', 'forward', 15, true],
  ['RG3', 'RG', '工业固体废弃物综合利用率', 'Industrial solid waste comprehensive utilisation rate', '%', 'forward', 95, true],
  ['RG4', 'RG', '工业用水重复利用率', 'Industrial water reuse rate', '%', 'forward', 90, true],
  ['RG5', 'RG', '中水回用率', 'Reclaimed-water reuse rate', '%', 'forward', 30, false],
  ['RG6', 'RG', '余热资源回收利用率', 'Waste-heat recovery rate', '%', 'forward', 60, false],
  ['RG7', 'RG', '废气资源回收利用率', 'Waste-gas resource recovery rate', '%', 'forward', 90, false],
  ['RG8', 'RG', '再生资源回收利用率', 'Recycled-resource recovery rate (mainly for recycling parks)', '%', 'forward', 80, false],
  ['IG1', 'IG', '污水集中处理设施', 'Centralised wastewater treatment with automatic online monitoring', 'yes/no', 'yes-no', null, true],
  ['IG2', 'IG', '新建工业建筑中绿色建筑的比例', 'Share of two-star-or-better green buildings among new industrial buildings (GB/T 50878)', '%', 'forward', 30, false],
  ['IG3', 'IG', '新建公共建筑中绿色建筑的比例', 'Share of two-star-or-better green buildings among new public buildings (GB/T 50378)', '%', 'forward', 60, false],
  ['IG4', 'IG', '500米公交站点覆盖率', 'Bus-stop coverage within 500 m', '%', 'forward', 90, false],
  ['IG5', 'IG', '节能与新能源公交车比例', 'Share of energy-saving and new-energy buses', '%', 'forward', 30, false],
  ['CG1', 'CG', '高新技术产业产值占比', "High-tech enterprises' output as a share of industrial output", '%', 'forward', 30, true],
  ['CG2', 'CG', '绿色产业增加值占比', 'Green-industry value added as a share of industrial value added', '%', 'forward', 30, true],
  ['CG3', 'CG', '人均工业增加值', 'Industrial value added per employee', '10⁴ yuan/person', 'forward', 15, false],
  ['CG4', 'CG', '现代服务业比例', 'Share of modern services', '%', 'forward', 30, false],
  ['EN1', 'EN', '工业固体废物(含危废)处置利用率', 'Disposal/utilisation rate of industrial solid waste including hazardous waste', '%', 'forward', 100, true],
  ['EN2', 'EN', '万元工业增加值碳排放量消减率', 'Reduction rate of CO₂ per 10⁴ yuan value added (average per year)', '%', 'forward', 3, true],
  ['EN3', 'EN', '单位工业增加值废水排放量', 'Industrial wastewater discharged per unit of value added', 't/10⁴ yuan', 'reverse', 5, true],
  ['EN4', 'EN', '主要污染物弹性系数', 'Elasticity coefficient of main pollutants', '—', 'reverse', 0.3, true],
  ['EN5', 'EN', '园区空气质量优良率', 'Share of good air-quality days (GB 3095)', '%', 'forward', 80, true],
  ['EN6', 'EN', '绿化覆盖率', 'Green coverage rate', '%', 'forward', 30, false],
  ['EN7', 'EN', '道路遮荫比例', 'Road shading ratio', '%', 'forward', null, false],
  ['EN8', 'EN', '露天停车场遮荫比例', 'Open-air car-park shading ratio', '%', 'forward', null, false],
  ['MG1', 'MG', '绿色园区标准体系完善程度', 'Completeness of the green-park standard system', 'yes/no', 'yes-no', null, true],
  ['MG2', 'MG', '编制绿色园区发展规划', 'Green-park development plan', 'yes/no', 'yes-no', null, true],
  ['MG3', 'MG', '绿色园区信息平台完善程度', 'Completeness of the green-park information platform', 'yes/no', 'yes-no', null, true],
];

// Formulas domain.md gives in words: EG1 (value added ÷ energy), EN2, EN4; the rest are reported values.
const measures: Readonly<Record<string, Measure>> = {
  EG1: {
    kind: 'formula',
    formula: 'ratio',
    inputs: [
      { fact: 'park.industrialValueAdded', unit: '10⁴ yuan' },
      { fact: 'park.energyUse', unit: 'tce' },
    ],
  },
  EN2: {
    kind: 'formula',
    formula: 'annualReductionRate',
    inputs: [
      { fact: 'park.co2IntensityFinal', unit: 't/10⁴ yuan' },
      { fact: 'park.co2IntensityBase', unit: 't/10⁴ yuan' },
      { fact: 'park.creationPeriodYears', unit: 'years' },
    ],
  },
  EN4: {
    kind: 'formula',
    formula: 'pollutantElasticity',
    inputs: [
      { fact: 'park.growthCodPct', unit: '%' },
      { fact: 'park.growthSo2Pct', unit: '%' },
      { fact: 'park.growthNh3nPct', unit: '%' },
      { fact: 'park.growthNoxPct', unit: '%' },
      { fact: 'park.growthValueAddedPct', unit: '%' },
    ],
  },
};

const formulaRefs: Readonly<Record<string, string>> = {
  EG1: 'MIIT 2016 green park requirements EG1 (domain.md §2.1)',
  EN2: 'MIIT 2016 green park requirements EN2: 1 − (final/base)^(1/period) (domain.md §2.1)',
  EN4: 'MIIT 2016 green park requirements EN4: mean over COD, SO₂, NH₃-N, NOx of emission growth ÷ value-added growth (domain.md §2.1)',
};

const indicators: IndicatorDef[] = rows.map(([code, group, nameZh, nameEn, unit, direction, lead, mandatory]) => {
  const yesNo = direction === 'yes-no';
  const base = {
    code,
    nameZh,
    nameEn,
    level: 'L2' as const,
    group,
    direction: yesNo ? ('forward' as const) : direction,
    unit: yesNo ? 'fraction' : unit,
    weight: null,
    mandatory,
    evidence: [],
    source: NAMES,
    tag: 'C' as const,
  };
  if (yesNo) {
    return {
      ...base,
      nature: 'qualitative' as const,
      formulaRef: null,
      measure: { kind: 'assessment' as const, fact: `assess.${code}` },
      reference: { kind: 'fixed' as const, lead: null, baseline: null },
      scoring: { method: 'assessment' as const },
    };
  }
  return {
    ...base,
    nature: 'quantitative' as const,
    formulaRef: formulaRefs[code] ?? null,
    measure: measures[code] ?? { kind: 'fact' as const, fact: `park.${code}`, unit },
    reference: { kind: 'fixed' as const, lead: lead === null ? null : sourced(lead, 'U', LEAD_U, unit), baseline: null },
    ...(lead === null ? { note: 'Reference value not found (domain.md §2.1).' } : {}),
  };
});

const BASIC = 'domain.md §2.1 basic requirements (renrendoc; ciipa) [S]';
const ELIG = 'domain.md §2.1 eligibility; 工信厅节函〔2021〕130号 (yeahqiona PDF 551) [C]';
const flag = (code: string, nameZh: string, nameEn: string, source: string, tag: 'C' | 'S'): GateDef => ({
  code,
  nameZh,
  nameEn,
  check: { kind: 'fact-true', fact: `gate.${code}` },
  source,
  tag,
});

/** MIIT 2016 green park indicator list, scored by the green-index ratio to the reference value. */
export const miitGreenPark2016: IndicatorSystem = defineIndicatorSystem({
  id: 'MIIT-green-park',
  version: '2016',
  title: 'Green park evaluation requirements (annex to 工信厅节函〔2016〕586号)',
  titleZh: '绿色园区评价要求',
  subject: 'park',
  source: NAMES,
  tag: 'C',
  groups: [
    { code: 'EG', nameZh: '能源利用绿色化', nameEn: 'Energy', weight: null },
    { code: 'RG', nameZh: '资源利用绿色化', nameEn: 'Resources', weight: null },
    { code: 'IG', nameZh: '基础设施绿色化', nameEn: 'Infrastructure', weight: null },
    { code: 'CG', nameZh: '产业绿色化', nameEn: 'Industry', weight: null },
    { code: 'EN', nameZh: '生态环境绿色化', nameEn: 'Ecological environment', weight: null },
    { code: 'MG', nameZh: '运行管理绿色化', nameEn: 'Operational management', weight: null },
  ],
  gates: [
    flag('lawCompliance', '遵守法律法规', 'Complies with laws and regulations', BASIC, 'S'),
    flag('noMajorPollution', '近三年无重大污染事故', 'No major pollution incident in 3 years', BASIC, 'S'),
    flag('targetsMet', '完成节能减排目标', 'Energy and pollution-reduction targets met', BASIC, 'S'),
    flag('cleanProductionAudits', '重点企业清洁生产审核', 'Clean-production audits of all key enterprises', BASIC, 'S'),
    flag('noObsoleteTechnology', '无淘汰落后工艺', 'No obsolete technology', BASIC, 'S'),
    flag('managementBody', '专门管理机构', 'Dedicated management body with at least 2 staff', BASIC, 'S'),
    flag('manufacturingFunction', '以制造业和能源供应为主', 'Main functions are manufacturing and energy supply', ELIG, 'C'),
    {
      code: 'industrialShare',
      nameZh: '工业增加值占比',
      nameEn: 'Industrial value added is more than 50 % of the park total',
      check: {
        kind: 'threshold',
        fact: 'park.industrialValueAddedSharePct',
        unit: '%',
        op: '>',
        value: sourced(50, 'C', ELIG, '%'),
      },
      source: ELIG,
      tag: 'C',
    },
    flag('legalBoundary', '边界清晰', 'Legally defined boundary', ELIG, 'C'),
    flag('unifiedManagement', '统一管理机构', 'A unified management body', ELIG, 'C'),
    flag('provincialLevel', '省级以上园区', 'Provincial-level or higher park', ELIG, 'C'),
  ],
  indicators,
  defaultScoring: {
    method: 'ratio-to-lead',
    cap: sourced(1, 'S', 'domain.md §2.1; Liaoning DB21/T 3662-2022 caps normalised values at 1 [S]'),
  },
  passRule: {
    kind: 'min-total',
    mark: sourced(80, 'U', 'domain.md §2.1: the national GI pass line "often quoted as 80" [U]', 'points'),
  },
  notes: [
    'GI: forward indicators normalised as value ÷ lead, reverse as lead ÷ value (Zhejiang 2022 [C]), capped at 1 [S].',
    'The GI weights are unknown [U]; no weights are encoded, so no total or pass/fail can be computed, only the normalised scores.',
    'GI is computed for each of the last three years and averaged: evaluate each year and average the totals (not automated here).',
    'Zhejiang 2022 variant (not encoded): up to 15 bonus points; recommended at 85 or more.',
  ],
});

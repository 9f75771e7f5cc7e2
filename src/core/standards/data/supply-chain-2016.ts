// Green supply chain management enterprise evaluation, the 100-point table (domain.md §3):
// boteman.cn/paper/435071066.html [S]. No national pass mark was found [U]; the electronics-industry
// star bands (j7575.cn) [S] are the only numeric bands seen.
import { defineIndicatorSystem } from '../indicator-system.ts';
import type { IndicatorDef, IndicatorSystem, IndicatorSystemInput } from '../indicator-system.ts';
import { sourced } from '../sourced.ts';

const TABLE = 'domain.md §3; boteman.cn/paper/435071066.html [S]';
const BASIC = 'domain.md §3 basic requirements [S]';
const STARS = 'domain.md §3; electronics star rating, j7575.cn/article/3000093895 [S]';

const pts = (p: number) => sourced(p, 'S', TABLE, 'points');

type Row = readonly [code: string, group: string, nameZh: string, nameEn: string, points: number, nature: 'qualitative' | 'quantitative'];

const rows: readonly Row[] = [
  ['STR1', 'STR', '绿色供应链纳入发展规划', 'Green SC written into the development plan', 8, 'qualitative'],
  ['STR2', 'STR', '绿色供应链目标', 'Green SC targets set', 6, 'qualitative'],
  ['STR3', 'STR', '专门机构', 'Dedicated organisation', 6, 'qualitative'],
  ['SUP1', 'SUP', '绿色采购标准制度', 'Green procurement standards/rules', 4, 'qualitative'],
  ['SUP2', 'SUP', '供应商认证', 'Supplier certification', 3, 'qualitative'],
  ['SUP3', 'SUP', '供应商审核', 'Supplier audit', 3, 'qualitative'],
  ['SUP4', 'SUP', '供应商绩效评价', 'Supplier performance evaluation', 3, 'qualitative'],
  ['SUP5', 'SUP', '供应商培训', 'Supplier training', 3, 'qualitative'],
  ['SUP6', 'SUP', '低风险供应商占比', 'Share of low-risk suppliers', 4, 'quantitative'],
  ['PRO1', 'PRO', '节能减排环保合规', 'Energy saving, emission reduction and environmental compliance', 10, 'qualitative'],
  ['PRO2', 'PRO', '有害物质限制使用', 'Restriction of hazardous substances', 10, 'qualitative'],
  ['REC1', 'REC', '产品回收率', 'Product recycling rate', 5, 'quantitative'],
  ['REC2', 'REC', '包装回收率', 'Packaging recycling rate', 5, 'quantitative'],
  ['REC3', 'REC', '回收体系', 'Recycling system (own or joint)', 5, 'qualitative'],
  ['REC4', 'REC', '指导下游拆解回收', 'Guidance to downstream dismantling/recycling', 5, 'qualitative'],
  ['PLT1', 'PLT', '绿色供应链信息平台', 'Platform built and covering the chain', 10, 'qualitative'],
  ['DIS1', 'DIS', '能源消耗与排放信息披露', 'Disclosure: energy use and emissions', 2.5, 'qualitative'],
  ['DIS2', 'DIS', '供应商管理信息披露', 'Disclosure: supplier management', 2.5, 'qualitative'],
  ['DIS3', 'DIS', '绿色采购信息披露', 'Disclosure: green procurement', 2.5, 'qualitative'],
  ['DIS4', 'DIS', '社会责任/绿色报告', 'Disclosure: CSR or green report', 2.5, 'qualitative'],
];

const indicators: IndicatorDef[] = rows.map(([code, group, nameZh, nameEn, p, nature]) => {
  const base = {
    code,
    nameZh,
    nameEn,
    level: 'L2' as const,
    group,
    direction: 'forward' as const,
    weight: pts(p),
    mandatory: false,
    evidence: [],
    source: TABLE,
    tag: 'S' as const,
  };
  if (nature === 'qualitative') {
    return {
      ...base,
      nature,
      unit: 'fraction',
      formulaRef: null,
      measure: { kind: 'assessment' as const, fact: `assess.${code}` },
      reference: { kind: 'fixed' as const, lead: null, baseline: null },
      scoring: { method: 'assessment' as const },
      ...(group === 'PRO' ? { note: 'qual./quant. in the table; assessed as a share of its points.' } : {}),
    };
  }
  return {
    ...base,
    nature,
    unit: '%',
    formulaRef: null,
    measure: { kind: 'fact' as const, fact: `sc.${code}`, unit: '%' },
    // The table gives no reference values for its quantitative items: not encoded.
    reference: { kind: 'fixed' as const, lead: null, baseline: null },
    note: 'No reference value is known for this quantitative item (domain.md §3).',
  };
});

const gate = (code: string, nameZh: string, nameEn: string) => ({
  code,
  nameZh,
  nameEn,
  check: { kind: 'fact-true' as const, fact: `gate.${code}` },
  source: BASIC,
  tag: 'S' as const,
});

const base: IndicatorSystemInput = {
  id: 'MIIT-green-supply-chain',
  version: '2016',
  title: 'Green supply chain management enterprise evaluation (100-point table)',
  titleZh: '绿色供应链管理企业评价要求',
  subject: 'supply-chain',
  source: TABLE,
  tag: 'S',
  groups: [
    { code: 'STR', nameZh: '绿色供应链管理战略', nameEn: 'Green SC strategy', weight: pts(20) },
    { code: 'SUP', nameZh: '实施绿色供应商管理', nameEn: 'Supplier management', weight: pts(20) },
    { code: 'PRO', nameZh: '绿色生产', nameEn: 'Green production', weight: pts(20) },
    { code: 'REC', nameZh: '绿色回收', nameEn: 'Green recycling', weight: pts(20) },
    { code: 'PLT', nameZh: '绿色信息平台建设', nameEn: 'Green information platform', weight: pts(10) },
    { code: 'DIS', nameZh: '绿色信息披露', nameEn: 'Green information disclosure', weight: pts(10) },
  ],
  gates: [
    gate('legalPerson', '独立法人', 'Independent legal person'),
    gate('influence', '行业影响力', 'Industry influence'),
    gate('managementSystems', '管理体系', 'Management systems in place'),
    gate('noMajorAccident', '近三年无重大事故', 'No major safety, quality or environmental accident in 3 years'),
    gate('manySuppliers', '供应商数量多', 'Many suppliers'),
  ],
  indicators,
  defaultScoring: { method: 'linear' },
  passRule: { kind: 'none', note: 'No national pass threshold for SC enterprises was found (domain.md §3) [U].' },
  notes: [
    'The indicators feed a green supply-chain index (GSCI) [S].',
    'The 2025 round covered only factories and parks; the category has not been seen to be abolished (domain.md §3).',
  ],
};

/** The national 100-point green supply chain management enterprise table. */
export const miitGreenSupplyChain2016: IndicatorSystem = defineIndicatorSystem(base);

/** The same table with the electronics industry's star bands (≥85 five stars ... <70 one star). */
export const miitGreenSupplyChainElectronicsStars: IndicatorSystem = defineIndicatorSystem({
  ...base,
  id: 'MIIT-green-supply-chain/electronics-stars',
  title: 'Green supply chain 100-point table with the electronics-industry star bands',
  ratingBands: [
    { min: sourced(85, 'S', STARS, 'points'), label: 'five stars' },
    { min: sourced(80, 'S', STARS, 'points'), label: 'four stars' },
    { min: sourced(75, 'S', STARS, 'points'), label: 'three stars' },
    { min: sourced(70, 'S', STARS, 'points'), label: 'two stars' },
    { min: sourced(0, 'S', STARS, 'points'), label: 'one star' },
  ],
  notes: [
    ...base.notes,
    'The electronics industry indicator system itself was not seen; only its star bands are applied to the general table.',
  ],
});

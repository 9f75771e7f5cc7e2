// GB/T 32161-2015 General principles for eco-design product assessment (生态设计产品评价通则),
// domain.md §4 [S]. The general standard gives the structure; each product standard (GB/T 32163
// series, T/xxx, HG/T, QB/T, YB/T ...) supplies indicators with a reference value (基准值). Derive a
// product edition with deriveStandard({ addIndicators }).
import { defineIndicatorSystem } from '../indicator-system.ts';
import type { GateDef, IndicatorSystem } from '../indicator-system.ts';

const SRC = 'domain.md §4; GB/T 32161-2015 (newton.com.tw), GB/T 33761-2017 (coc021.com) [S]';

const gate = (code: string, nameZh: string, nameEn: string): GateDef => ({
  code,
  nameZh,
  nameEn,
  check: { kind: 'fact-true', fact: `gate.${code}` },
  source: SRC,
  tag: 'S',
});

/** The green-design product structure: basic requirements, four attribute groups, all-must-meet pass rule. */
export const gbt32161of2015: IndicatorSystem = defineIndicatorSystem({
  id: 'GB/T 32161',
  version: '2015',
  title: 'General principles for eco-design product assessment',
  titleZh: '生态设计产品评价通则',
  subject: 'product',
  source: SRC,
  tag: 'S',
  groups: [
    { code: 'RES', nameZh: '资源属性', nameEn: 'Resource attributes', weight: null },
    { code: 'ENE', nameZh: '能源属性', nameEn: 'Energy attributes', weight: null },
    { code: 'ENV', nameZh: '环境属性', nameEn: 'Environment attributes', weight: null },
    { code: 'QUA', nameZh: '品质属性', nameEn: 'Product (quality) attributes', weight: null },
  ],
  gates: [
    gate('emissionLimits', '污染物排放达标', 'Pollutant emissions meet national and local limits'),
    gate('energyQuota', '能耗达到限额', 'Energy use per product meets the applicable quota standard'),
    gate('noObsolete', '无淘汰工艺装备', 'No obsolete process or equipment'),
    gate('managementSystems', '管理体系', 'Quality, environment and energy management systems in place'),
    gate('productQuality', '产品质量', 'Product quality meets its product standard'),
    gate('lcaReport', '生命周期评价报告', 'Eco-design / LCA evaluation report per GB/T 24040/24044'),
  ],
  indicators: [],
  defaultScoring: { method: 'meets-reference' },
  passRule: { kind: 'all-meet', source: SRC, tag: 'S' },
  notes: [
    'A product passes only if it meets every basic requirement, every indicator reference value, and provides the LCA report [S].',
    'Reference values aim at roughly the top 5 % of the market (GB/T 33761 principle) [S].',
    'The 2023, 2024 and 2025 MIIT lists contain no products (domain.md §4).',
  ],
});

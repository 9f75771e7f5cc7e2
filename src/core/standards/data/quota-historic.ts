// Older quota editions with limit / entry / advanced values (限定值 / 准入值 / 先进值), mapped onto
// grades 3 / 2 / 1 as the foreword of GB 21346-2022 explains (domain.md §5.1; "≈" for 1 and 2).
// Values from domain.md §5.2 "Historic values" [S].
import { defineQuotaStandard } from '../quota-standard.ts';
import type { QuotaStandard } from '../quota-standard.ts';

const iepd = 'domain.md §5.2 historic values; iepd.iipnetwork.org [S]';

/** GB 21256-2007, crude steel (blast furnace–converter route), limit / entry / advanced as grades 3 / 2 / 1. */
export const gb21256of2007: QuotaStandard = defineQuotaStandard({
  id: 'GB 21256',
  version: '2007',
  title: '粗钢生产主要工序单位产品能源消耗限额 (2007)',
  inForce: null,
  scheme: 'limit-entry-advanced',
  source: iepd,
  tag: 'S',
  rows: [{ slug: 'bf-converter-route', product: 'Blast furnace–converter route, per tonne', unit: 'kgce/t', grades: [407, 468, 502] }],
});

/** GB 21257-2008, caustic soda, limit / entry / advanced as grades 3 / 2 / 1. */
export const gb21257of2008: QuotaStandard = defineQuotaStandard({
  id: 'GB 21257',
  version: '2008',
  title: '烧碱单位产品能源消耗限额 (2008)',
  inForce: null,
  scheme: 'limit-entry-advanced',
  source: iepd,
  tag: 'S',
  rows: [{ slug: 'caustic-liquid', product: 'Liquid caustic', unit: 'kgce/t', grades: [490, 490, 600] }],
});

/** GB 21346-2013, aluminium, limit / entry / advanced as grades 3 / 2 / 1. */
export const gb21346of2013: QuotaStandard = defineQuotaStandard({
  id: 'GB 21346',
  version: '2013',
  title: '电解铝企业单位产品能源消耗限额 (2013)',
  inForce: null,
  scheme: 'limit-entry-advanced',
  source: 'domain.md §5.2 historic values; foreword as reproduced at http://szlhsb.com/infoDetails/87/15792279 [S]',
  tag: 'S',
  rows: [
    { slug: 'molten-al-ac', product: 'Molten Al, AC power', unit: 'kWh/t', grades: [12650, 12750, 13700] },
    { slug: 'molten-al-ac-comprehensive', product: 'Molten Al, comprehensive AC power', unit: 'kWh/t', grades: [13050, 13150, 14050] },
    { slug: 'al-ingot-ac-comprehensive', product: 'Al ingot, comprehensive AC power', unit: 'kWh/t', grades: [13100, 13200, 14100] },
    { slug: 'al-ingot-energy', product: 'Al ingot, comprehensive energy', unit: 'kgce/t', grades: [1660, 1680, 1760] },
  ],
});

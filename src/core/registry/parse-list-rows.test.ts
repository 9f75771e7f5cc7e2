import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkListHeader, parseListRows, type ListRow } from './parse-list-rows.ts';
import { buildRegionResolver } from './region-resolver.ts';
import { stableId } from './stable-id.ts';
import type { Region } from './types.ts';

const regions: Region[] = [
  { code: '440000', name: '广东省', level: 'province', parentCode: null, provinceCode: '440000' },
  { code: '440300', name: '深圳市', level: 'prefecture', parentCode: '440000', provinceCode: '440000' },
  { code: '440600', name: '佛山市', level: 'prefecture', parentCode: '440000', provinceCode: '440000' },
  { code: '150000', name: '内蒙古自治区', level: 'province', parentCode: null, provinceCode: '150000' },
];
const resolver = buildRegionResolver(regions);
const row = (line: number, cells: Record<string, string>): ListRow => ({ line, cells });

describe('parseListRows', () => {
  it('maps factories to regions and industries and names every bad row and field', () => {
    const parsed = parseListRows(
      'factory',
      [
        row(2, {
          序号: '1',
          地区: '内蒙',
          工厂名称: '甲公司',
          行业: '钢铁',
          第三方评价机构: '某机构',
          批次: '1',
        }),
        row(3, { 序号: '2', 地区: '火星', 工厂名称: '乙公司', 行业: '', 第三方评价机构: '', 批次: '2' }),
        row(4, { 序号: '3', 地区: '深圳', 工厂名称: '丙公司', 行业: '航天', 第三方评价机构: '', 批次: '9' }),
        row(5, { 序号: '4', 地区: '广东', 工厂名称: '', 行业: '', 第三方评价机构: '', 批次: '2021' }),
      ],
      resolver,
    );
    expect(parsed.factories).toHaveLength(1);
    expect(parsed.factories[0]).toMatchObject({
      name: '甲公司',
      regionCode: '150000',
      provinceCode: '150000',
      industryCode: '31',
      industrySector: '钢铁',
      batch: '1',
      listRegion: '内蒙',
    });
    expect(parsed.issues.map((i) => [i.row, i.field])).toEqual([
      [3, '地区'],
      [4, '批次'],
      [4, '行业'],
      [5, '工厂名称'],
    ]);
    expect(parsed.events).toEqual([
      expect.objectContaining({
        unitKind: 'factory',
        kind: 'listed',
        batch: '1',
        unitId: parsed.factories[0]?.id,
      }),
    ]);
  });

  it('uses the product list heading rows as context for the rows below and not as products', () => {
    const base = {
      企业名称: '',
      产品名称: '',
      产品型号: '',
      推荐单位: '',
      地区: 'na',
      批次: '3',
      种类: '二十一、电视机（4种）',
      绿色设计亮点: '旧亮点',
      适用评价标准: '旧标准',
    };
    const product = (line: number, name: string, kind = '二十一、电视机（4种）') =>
      row(line, {
        ...base,
        序号: '1',
        企业名称: '深圳某电子有限公司',
        产品名称: name,
        产品型号: 'X1',
        推荐单位: '深圳市',
        地区: '深圳',
        种类: kind,
      });
    const parsed = parseListRows(
      'product',
      [
        product(2, '电视机'),
        row(3, { ...base, 序号: '二十二、微型计算机（7种）' }),
        row(4, { ...base, 序号: '适用评价标准：《微型计算机》（T/CESA 1019-2018）' }),
        row(5, { ...base, 序号: '绿色设计亮点：可再生利用率高' }),
        product(6, '台式计算机'),
        product(7, '锂电池', '二十三、锂离子电池（6种）'),
      ],
      resolver,
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.skipped.map((s) => s.row)).toEqual([3, 4, 5]);
    expect(parsed.products.map((p) => [p.name, p.category, p.evaluationStandard])).toEqual([
      ['电视机', '二十一、电视机（4种）', '旧标准'],
      ['台式计算机', '二十二、微型计算机（7种）', '《微型计算机》（T/CESA 1019-2018）'],
      ['锂电池', '二十三、锂离子电池（6种）', '旧标准'],
    ]);
    expect(parsed.products[1]?.highlights).toBe('可再生利用率高');
  });

  it('places a company whose region cell is a name fragment by the curated override, and strips extraction noise', () => {
    const parsed = parseListRows(
      'product',
      [
        row(2, {
          序号: '3',
          企业名称: '蒙娜丽莎集团股份有限公司',
          产品名称: '陶瓷砖',
          产品型号: '-',
          推荐单位: '试点推荐',
          地区: '蒙娜',
          批次: '4',
          种类: '陶瓷砖',
          绿色设计亮点: '节能nan',
          适用评价标准: '《标准》nan',
        }),
      ],
      resolver,
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.products[0]).toMatchObject({
      regionCode: '440600',
      provinceCode: '440000',
      model: null,
      highlights: '节能',
      evaluationStandard: '《标准》',
    });
  });

  it('gives the same ids for the same rows and different ids for repeated identical products', () => {
    const cells = {
      序号: '1',
      企业名称: '深圳某公司',
      产品名称: '冰箱',
      产品型号: 'A',
      推荐单位: '',
      地区: '深圳',
      批次: '5',
      种类: '',
      绿色设计亮点: '',
      适用评价标准: '',
    };
    const rows = [row(2, cells), row(3, cells)];
    const a = parseListRows('product', rows, resolver);
    const b = parseListRows('product', rows, resolver);
    expect(a.products.map((p) => p.id)).toEqual(b.products.map((p) => p.id));
    expect(new Set(a.products.map((p) => p.id)).size).toBe(2);
    expect(a.enterprises.size).toBe(1);
  });

  it('names each missing header column', () => {
    expect(checkListHeader('park', ['序号', '地区', '批次'])).toEqual([
      { field: '园区', row: 1, message: 'missing column "园区" in the header' },
      { field: '第三方评价机构', row: 1, message: 'missing column "第三方评价机构" in the header' },
    ]);
  });
});

describe('stableId', () => {
  it('is deterministic and separates distinct keys', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (x, y) => {
        expect(stableId('k', x)).toBe(stableId('k', x));
        if (x !== y) expect(stableId('k', x)).not.toBe(stableId('k', y));
      }),
    );
    expect(stableId('a', 'x', 'y')).not.toBe(stableId('a', 'xy'));
  });
});

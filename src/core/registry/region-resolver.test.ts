import { describe, expect, it } from 'vitest';
import { buildRegionResolver, provinceShortName } from './region-resolver.ts';
import type { Region } from './types.ts';

const p = (code: string, name: string): Region => ({
  code,
  name,
  level: 'province',
  parentCode: null,
  provinceCode: code,
});
const c = (code: string, name: string, province: string): Region => ({
  code,
  name,
  level: 'prefecture',
  parentCode: province,
  provinceCode: province,
});
const a = (code: string, name: string, city: string, province: string): Region => ({
  code,
  name,
  level: 'county',
  parentCode: city,
  provinceCode: province,
});

const regions: Region[] = [
  p('110000', '北京市'),
  c('110100', '市辖区', '110000'),
  p('150000', '内蒙古自治区'),
  p('230000', '黑龙江省'),
  p('370000', '山东省'),
  c('370200', '青岛市', '370000'),
  p('440000', '广东省'),
  c('440300', '深圳市', '440000'),
  c('440600', '佛山市', '440000'),
  p('620000', '甘肃省'),
  c('620400', '白银市', '620000'),
  a('620423', '景泰县', '620400', '620000'),
  p('650000', '新疆维吾尔自治区'),
  p('340000', '安徽省'),
  c('340100', '合肥市', '340000'),
];
const resolver = buildRegionResolver(regions);

describe('region resolver', () => {
  it('maps both spellings of Inner Mongolia to 150000', () => {
    expect(resolver.resolve('内蒙')?.regionCode).toBe('150000');
    expect(resolver.resolve('内蒙古')?.regionCode).toBe('150000');
    expect(resolver.resolve('内蒙古')?.via).toBe('province');
  });

  it('maps the three spellings of the XPCC to Xinjiang with the XPCC as recommender', () => {
    for (const cell of ['兵团', '新疆兵团', '新疆生产建设兵团']) {
      expect(resolver.resolve(cell)).toEqual({
        regionCode: '650000',
        provinceCode: '650000',
        recommender: '新疆生产建设兵团',
        via: 'alias',
      });
    }
    expect(resolver.resolve('新疆')?.recommender).toBe('新疆维吾尔自治区');
  });

  it('keeps separately planned cities as cities within their province', () => {
    expect(resolver.resolve('深圳')).toEqual({
      regionCode: '440300',
      provinceCode: '440000',
      recommender: '深圳市',
      via: 'planned-city',
    });
    expect(resolver.resolve('青岛')?.provinceCode).toBe('370000');
  });

  it('matches truncated province names, ordinary cities and counties', () => {
    expect(resolver.resolve('黑龙')?.regionCode).toBe('230000');
    expect(resolver.resolve('合肥')).toMatchObject({
      regionCode: '340100',
      provinceCode: '340000',
      via: 'prefecture',
    });
    expect(resolver.resolve('景泰')).toMatchObject({
      regionCode: '620423',
      provinceCode: '620000',
      via: 'county',
    });
  });

  it('falls back to a province named in a hint, and gives up when nothing is unambiguous', () => {
    expect(resolver.resolve('海信', ['海信（山东）冰箱有限公司'])).toMatchObject({
      regionCode: '370000',
      via: 'hint',
    });
    expect(resolver.resolve('蒙娜', ['蒙娜丽莎集团股份有限公司'])).toBeNull();
    expect(resolver.resolve('na')).toBeNull();
    expect(resolver.resolve('')).toBeNull();
    // "市辖区" placeholders are never a match.
    expect(resolver.resolve('市辖区')).toBeNull();
  });

  it('derives the short names the lists use', () => {
    expect(provinceShortName('内蒙古自治区')).toBe('内蒙古');
    expect(provinceShortName('新疆维吾尔自治区')).toBe('新疆');
    expect(provinceShortName('北京市')).toBe('北京');
    expect(provinceShortName('黑龙江省')).toBe('黑龙江');
  });
});

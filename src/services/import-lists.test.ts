import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFiles } from '../store/dataset-files.ts';
import { testBackends } from '../store/contract/test-backends.ts';
import type { Store } from '../store/open-store.ts';
import { loadCodeTables } from './code-tables.ts';
import { formatImportIssues, importLists, shippedListPaths } from './import-lists.ts';
import { getStats } from './stats.ts';

const source = datasetFiles(resolve(import.meta.dirname, '../../datasets'));
const scratch = mkdtempSync(join(tmpdir(), 'greenmfg-lists-'));
const file = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

describe.each(testBackends)('importing the published lists on $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
    await loadCodeTables({ source, codeTables: store.codeTables });
  });
  afterAll(() => store.close());

  it('maps every listed unit and gives the counts of the shipped lists', async () => {
    const report = await importLists({ source, ...store });
    expect(formatImportIssues(report)).toEqual([]);
    expect(report.ok).toBe(true);
    const stats = await getStats(store);
    // Row counts of the shipped CSV files; the product list has 3,163 rows of which 9 are
    // category headings of batch 3 from the PDF extraction (batch 3 listed 480 products, domain.md §7.1).
    expect(stats).toMatchObject({ factories: 2783, supplyChainEnterprises: 296, parks: 224, products: 3154 });
    expect(report.lists.find((l) => l.kind === 'product')?.skipped).toHaveLength(9);
    expect(
      stats.byBatch.map((b) => [b.batch, b.factories, b.parks, b.supplyChainEnterprises, b.products]),
    ).toEqual([
      ['1', 201, 24, 15, 193],
      ['2', 208, 22, 4, 53],
      ['3', 391, 34, 21, 480],
      ['4', 602, 39, 50, 371],
      ['5', 719, 53, 99, 1068],
      ['2021', 662, 52, 107, 989],
    ]);
    // Every unit has a province; the sum over provinces is the total.
    expect(stats.byProvince.every((p) => p.provinceCode !== null && p.name !== null)).toBe(true);
    expect(stats.byProvince.reduce((n, p) => n + p.factories, 0)).toBe(2783);
    // Inner Mongolia: 66 rows spelt 内蒙古 and 7 spelt 内蒙; Xinjiang: 72 plus 10 from the XPCC's three spellings.
    expect(stats.byProvince.find((p) => p.provinceCode === '150000')?.factories).toBe(73);
    expect(stats.byProvince.find((p) => p.provinceCode === '650000')?.factories).toBe(82);
    // Guangdong holds its own 179 factories and Shenzhen's 62; Shenzhen stays a city within it.
    expect(stats.byProvince.find((p) => p.provinceCode === '440000')?.factories).toBe(179 + 62);
    const shenzhen = await store.registry.listFactories({
      page: 1,
      pageSize: 1,
      q: '深圳',
      provinceCode: '440000',
    });
    expect(shenzhen.items[0]?.provinceCode).toBe('440000');
  });

  it('changes nothing when the same lists are imported again', async () => {
    const again = await importLists({ source, ...store });
    expect(again.outcome?.inserted).toBe(0);
    expect(again.outcome?.updated).toBe(0);
    expect((await getStats(store)).factories).toBe(2783);
  });

  it('rejects a file with a malformed row or an unknown region, naming row and field, and writes nothing', async () => {
    const before = await getStats(store);
    const bad = file(
      'factories.csv',
      [
        '序号,地区,工厂名称,行业,第三方评价机构,批次',
        '1,广东,新工厂甲,,,2021',
        '2,火星,新工厂乙,,,2021',
        '3,广东,新工厂丙,,2021',
      ].join('\n'),
    );
    const report = await importLists({ source, ...store }, { ...shippedListPaths, factory: bad });
    expect(report.ok).toBe(false);
    expect(report.outcome).toBeNull();
    const lines = formatImportIssues(report);
    expect(lines).toEqual([
      `${bad}: row 4, field "(row)": expected 6 fields as in the header, found 5`,
      `${bad}: row 3, field "地区": unknown region "火星": not a GB/T 2260 name, alias or planned city`,
    ]);
    expect(await getStats(store)).toEqual(before);
    expect((await store.registry.listFactories({ page: 1, pageSize: 5, q: '新工厂' })).total).toBe(0);
  });

  it('names a missing column and a broken quote', async () => {
    const noColumn = file('parks.csv', '序号,地区,园区,批次\n1,广东,某园区,1\n');
    const broken = file('sc.csv', '序号,地区,企业名称,第三方评价机构,批次\n1,广东,"未闭合,x,1\n');
    const report = await importLists({ source, ...store }, {
      park: noColumn,
      supply_chain: broken,
    } as typeof shippedListPaths);
    expect(report.ok).toBe(false);
    const lines = formatImportIssues(report).join('\n');
    expect(lines).toContain(`${noColumn}: row 1, field "第三方评价机构": missing column`);
    expect(lines).toMatch(
      new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: (row \\d+, )?field "\\(csv\\)"`),
    );
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListImport } from '../../core/ports.ts';
import type { Enterprise, Factory, Product } from '../../core/registry/types.ts';
import type { Store } from '../open-store.ts';
import { testBackends } from './test-backends.ts';

const regions = [
  { code: '440000', name: '广东省', level: 'province' as const, parentCode: null, provinceCode: '440000' },
  {
    code: '440300',
    name: '深圳市',
    level: 'prefecture' as const,
    parentCode: '440000',
    provinceCode: '440000',
  },
  { code: '330000', name: '浙江省', level: 'province' as const, parentCode: null, provinceCode: '330000' },
];

const ent = (id: string, name: string): Enterprise => ({
  id,
  name,
  regionCode: '440300',
  provinceCode: '440000',
});
const factory = (
  id: string,
  name: string,
  enterpriseId: string,
  batch: string,
  provinceCode = '440000',
): Factory => ({
  id,
  name,
  enterpriseId,
  batch,
  regionCode: provinceCode,
  provinceCode,
  recommender: provinceCode === '440000' ? '广东省' : '浙江省',
  listRegion: provinceCode === '440000' ? '广东' : '浙江',
  industryCode: '39',
  industrySector: '电子',
  evaluator: null,
});
const product = (id: string, enterpriseId: string, name: string): Product => ({
  id,
  enterpriseId,
  enterpriseName: '',
  name,
  model: 'M1',
  category: null,
  evaluationStandard: null,
  highlights: null,
  recommendingBody: null,
  batch: '1',
  regionCode: '440300',
  provinceCode: '440000',
  recommender: '深圳市',
  listRegion: '深圳',
});

const sample = (): ListImport => ({
  enterprises: [ent('e1', 'Alpha 有限公司'), ent('e2', 'Beta 股份有限公司'), ent('e3', 'Gamma 集团')],
  factories: [
    factory('f1', 'Alpha 有限公司', 'e1', '1'),
    factory('f2', 'Beta 股份有限公司', 'e2', '2021'),
    factory('f3', 'Gamma 集团', 'e3', '3', '330000'),
  ],
  parks: [
    {
      id: 'p1',
      name: '示范园区',
      regionCode: '330000',
      provinceCode: '330000',
      recommender: '浙江省',
      listRegion: '浙江',
      evaluator: null,
      batch: '2',
    },
  ],
  supplyChain: [
    {
      id: 's1',
      name: 'Beta 股份有限公司',
      enterpriseId: 'e2',
      regionCode: '440300',
      provinceCode: '440000',
      recommender: '深圳市',
      listRegion: '深圳',
      evaluator: 'X',
      batch: '2021',
    },
  ],
  products: [product('d1', 'e1', '冰箱'), product('d2', 'e1', '洗衣机')],
  events: [
    { id: 'ev1', unitKind: 'factory', unitId: 'f1', kind: 'listed', batch: '1', details: { line: 2 } },
  ],
});

describe.each(testBackends)('registry contract on $name', (backend) => {
  let store: Store;
  beforeEach(async () => {
    store = await backend.open();
    await store.codeTables.replaceRegions(regions);
  });
  afterEach(async () => {
    await store.close();
  });

  it('imports a list once and reports a second identical import as unchanged', async () => {
    const first = await store.registry.applyListImport(sample());
    expect(first).toEqual({ inserted: 3 + 3 + 1 + 1 + 2 + 1, updated: 0, unchanged: 0 });
    const second = await store.registry.applyListImport(sample());
    expect(second).toEqual({ inserted: 0, updated: 0, unchanged: 11 });
  });

  it('updates a changed row in place and keeps the count', async () => {
    await store.registry.applyListImport(sample());
    const changed = sample();
    const renamed = { ...sample(), factories: [{ ...changed.factories[0]!, evaluator: '新评价机构' }] };
    const outcome = await store.registry.applyListImport({
      ...renamed,
      enterprises: [],
      parks: [],
      supplyChain: [],
      products: [],
      events: [],
    });
    expect(outcome).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect((await store.registry.getFactory('f1'))?.evaluator).toBe('新评价机构');
    expect((await store.registry.counts()).factories).toBe(3);
  });

  it('writes nothing when any row of an import is rejected by the database', async () => {
    const bad = sample();
    // A product of an enterprise that does not exist violates the foreign key after other rows were written.
    const broken = { ...bad, products: [...bad.products, product('d3', 'no-such-enterprise', '电视')] };
    await expect(store.registry.applyListImport(broken)).rejects.toThrow();
    const counts = await store.registry.counts();
    expect(counts.factories + counts.products + counts.parks + counts.enterprises).toBe(0);
  });

  it('counts by province and by batch from what is stored', async () => {
    await store.registry.applyListImport(sample());
    const c = await store.registry.counts();
    expect(c).toMatchObject({
      factories: 3,
      supplyChainEnterprises: 1,
      parks: 1,
      products: 2,
      enterprises: 3,
    });
    expect(c.byProvince.find((p) => p.provinceCode === '440000')).toEqual({
      provinceCode: '440000',
      factories: 2,
      supplyChainEnterprises: 1,
      parks: 0,
      products: 2,
    });
    expect(c.byProvince.find((p) => p.provinceCode === '330000')).toEqual({
      provinceCode: '330000',
      factories: 1,
      supplyChainEnterprises: 0,
      parks: 1,
      products: 0,
    });
    // Batches sort as list order: 1, 2, 3, then the annual 2021 list.
    expect(c.byBatch.map((b) => b.batch)).toEqual(['1', '2', '3', '2021']);
  });

  it('searches, filters, sorts and pages a list', async () => {
    await store.registry.applyListImport(sample());
    const page1 = await store.registry.listFactories({ page: 1, pageSize: 2, sort: 'name', order: 'asc' });
    expect(page1.total).toBe(3);
    expect(page1.items.map((f) => f.id)).toEqual(['f1', 'f2']);
    const page2 = await store.registry.listFactories({ page: 2, pageSize: 2, sort: 'name', order: 'asc' });
    expect(page2.items.map((f) => f.id)).toEqual(['f3']);
    expect(
      (await store.registry.listFactories({ page: 1, pageSize: 10, q: 'beta' })).items.map((f) => f.id),
    ).toEqual(['f2']);
    expect(
      (await store.registry.listFactories({ page: 1, pageSize: 10, provinceCode: '330000' })).items.map(
        (f) => f.id,
      ),
    ).toEqual(['f3']);
    const byBatch = await store.registry.listFactories({
      page: 1,
      pageSize: 10,
      sort: 'batch',
      order: 'desc',
    });
    expect(byBatch.items.map((f) => f.batch)).toEqual(['2021', '3', '1']);
    const products = await store.registry.listProducts({ page: 1, pageSize: 10 });
    expect(products.items[0]?.enterpriseName).toBe('Alpha 有限公司');
  });

  it('keeps park members and supplier relations keyed by enterprise', async () => {
    await store.registry.applyListImport(sample());
    await store.registry.addParkMember({ parkId: 'p1', enterpriseId: 'e3', since: '2020-01-01' });
    await store.registry.addParkMember({ parkId: 'p1', enterpriseId: 'e3', since: '2021-01-01' });
    expect(await store.registry.parkMembers('p1')).toEqual([
      { parkId: 'p1', enterpriseId: 'e3', since: '2021-01-01' },
    ]);
    await store.registry.addSupplierRelation({
      id: 'r1',
      customerEnterpriseId: 'e1',
      supplierEnterpriseId: 'e2',
      productId: 'd1',
      since: null,
    });
    expect(await store.registry.suppliersOf('e1')).toEqual([
      { id: 'r1', customerEnterpriseId: 'e1', supplierEnterpriseId: 'e2', productId: 'd1', since: null },
    ]);
    expect(await store.registry.suppliersOf('e2')).toEqual([]);
    await expect(
      store.registry.addParkMember({ parkId: 'p1', enterpriseId: 'ghost', since: null }),
    ).rejects.toThrow();
  });

  it('returns list events as they were stored', async () => {
    await store.registry.applyListImport(sample());
    expect(await store.registry.eventsOf('factory', 'f1')).toEqual([
      { id: 'ev1', unitKind: 'factory', unitId: 'f1', kind: 'listed', batch: '1', details: { line: 2 } },
    ]);
  });

  it('replaces the code tables and pages industries', async () => {
    expect(await store.codeTables.countRegions()).toBe(3);
    await store.codeTables.replaceIndustries([
      { code: 'C', name: '制造业', level: 'section', parentCode: null },
      { code: '39', name: '计算机、通信和其他电子设备制造业', level: 'division', parentCode: 'C' },
      { code: '3011', name: '水泥制造', level: 'class', parentCode: '301' },
    ]);
    const page = await store.codeTables.listIndustries({ q: '制造', page: 1, pageSize: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.code)).toEqual(['3011', '39']);
    expect(
      (await store.codeTables.listIndustries({ level: 'class', page: 1, pageSize: 10 })).items.map(
        (i) => i.code,
      ),
    ).toEqual(['3011']);
  });
});

import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapRegistry } from '../../services/bootstrap.ts';
import { testBackends } from '../../store/contract/test-backends.ts';
import { datasetFiles } from '../../store/dataset-files.ts';
import type { Store } from '../../store/open-store.ts';
import { buildServer } from '../build-server.ts';
import { checkResponse } from '../testing/response-check.ts';
import { bootstrapFootprints } from './pact/start-pact.ts';
import type { LabelledContribution as ContributionView } from '../../core/footprint/contribution-tree.ts';

const source = datasetFiles(resolve(import.meta.dirname, '../../../datasets'));

interface FootprintAnswer {
  productId: string;
  items: {
    name: string;
    unit: string;
    footprintKgCo2e: number;
    primaryShare: number;
    pactId: string | null;
    simulated: boolean;
    contributions: ContributionView;
  }[];
}

const sumOf = (n: ContributionView): number =>
  n.direct + n.remainder + n.children.reduce((s, c) => s + c.total, 0);

describe.each(testBackends)('product footprint and enterprise routes on $name', (backend) => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await backend.open();
    await bootstrapRegistry({ source, ...store });
    await bootstrapFootprints(store, source, () => undefined);
    app = await buildServer({ ...store, databaseKind: store.kind, checkResponse });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const productOf = async (enterprise: string, name: string) => {
    const page = (await app.inject({ url: '/api/v1/products', query: { q: name, pageSize: '200' } })).json<{
      items: { id: string; enterpriseName: string }[];
    }>();
    const p = page.items.find((x) => x.enterpriseName === enterprise);
    if (!p) throw new Error(`no listed product ${name} of ${enterprise}`);
    return p.id;
  };

  it("gives a modelled product's footprint, its PACT id and a tree whose nodes add up", async () => {
    const id = await productOf('青岛海尔股份有限公司', '无霜冷藏冷冻箱');
    const res = await app.inject(`/api/v1/products/${id}/footprint`);
    expect(res.statusCode).toBe(200);
    const body = res.json<FootprintAnswer>();
    expect(body.items).toHaveLength(1);
    const item = body.items[0]!;
    expect(item).toMatchObject({ name: 'Frost-free refrigerator-freezer', unit: 'unit', simulated: true });
    expect(item.footprintKgCo2e).toBeGreaterThan(0);
    expect(item.pactId).toMatch(/^[0-9a-f-]{36}$/);
    const pact = await store.pactFootprints.get(item.pactId ?? '');
    expect(pact?.status).toBe('Active');
    // The root is the product itself, and every node is its direct part, its children and the remainder.
    expect(item.contributions.total).toBeCloseTo(item.footprintKgCo2e, 9);
    expect(item.contributions.children.length).toBeGreaterThan(0);
    const visit = (n: ContributionView): void => {
      expect(sumOf(n)).toBeCloseTo(n.total, 6);
      n.children.forEach(visit);
    };
    visit(item.contributions);
  });

  it('answers a listed product the network does not model with no items, and an unknown one with 404', async () => {
    const other = (await app.inject({ url: '/api/v1/products', query: { q: '纸', pageSize: '1' } })).json<{
      items: { id: string }[];
    }>().items[0];
    const none = (await app.inject(`/api/v1/products/${other?.id ?? ''}/footprint`)).json<FootprintAnswer>();
    expect(none).toEqual({ productId: other?.id, items: [] });
    const missing = await app.inject('/api/v1/products/prd_nope/footprint');
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ code: string }>().code).toBe('GM_NOT_FOUND');
  });

  it("lists an enterprise's own factories and no other enterprise's", async () => {
    const factory = (
      await app.inject({ url: '/api/v1/factories', query: { q: '京东方', pageSize: '5' } })
    ).json<{
      items: { id: string; enterpriseId: string; name: string }[];
    }>().items[0];
    if (!factory) throw new Error('no 京东方 factory in the lists');
    const body = (await app.inject(`/api/v1/enterprises/${factory.enterpriseId}`)).json<{
      enterprise: { id: string; name: string };
      factories: { id: string; enterpriseId: string }[];
    }>();
    expect(body.enterprise.name).toBe(factory.name);
    expect(body.factories.map((f) => f.id)).toContain(factory.id);
    expect(body.factories.every((f) => f.enterpriseId === factory.enterpriseId)).toBe(true);
    expect((await app.inject('/api/v1/enterprises/ent_nope')).statusCode).toBe(404);
  });

  it("names a park's registered members, and none before any is registered", async () => {
    const park = (await app.inject({ url: '/api/v1/parks', query: { pageSize: '1' } })).json<{
      items: { id: string }[];
    }>().items[0];
    const url = `/api/v1/parks/${park?.id ?? ''}/members`;
    expect((await app.inject(url)).json<{ items: unknown[] }>().items).toEqual([]);
    const factory = (await app.inject({ url: '/api/v1/factories', query: { pageSize: '1' } })).json<{
      items: { enterpriseId: string; name: string }[];
    }>().items[0];
    await store.registry.addParkMember({
      parkId: park?.id ?? '',
      enterpriseId: factory?.enterpriseId ?? '',
      since: '2021-01-01',
    });
    expect((await app.inject(url)).json<{ items: unknown[] }>().items).toEqual([
      { parkId: park?.id, enterpriseId: factory?.enterpriseId, since: '2021-01-01', name: factory?.name },
    ]);
    expect((await app.inject('/api/v1/parks/park_nope/members')).statusCode).toBe(404);
  });
});

import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapOperatingData, bootstrapRegistry } from '../../services/bootstrap.ts';
import { testBackends } from '../../store/contract/test-backends.ts';
import { datasetFiles } from '../../store/dataset-files.ts';
import type { Store } from '../../store/open-store.ts';
import { buildServer } from '../build-server.ts';
import { checkResponse } from '../testing/response-check.ts';

const source = datasetFiles(resolve(import.meta.dirname, '../../../datasets'));

describe.each(testBackends)('policy routes on $name', (backend) => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await backend.open();
    await bootstrapRegistry({ source, ...store });
    await bootstrapOperatingData(store, 'routes');
    app = await buildServer({
      ...store,
      databaseKind: store.kind,
      checkResponse,
      clock: { now: () => new Date('2026-11-28T00:00:00Z') },
    });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('lists the catalog with illustrative instruments marked', async () => {
    const body = (await app.inject('/api/v1/policies')).json<{
      total: number;
      items: { key: string; illustrative: boolean; tag: string }[];
    }>();
    expect(body.total).toBe(body.items.length);
    expect(body.items.find((i) => i.key === 'example-gd-national-green-factory-award@example')).toMatchObject(
      { illustrative: true, tag: 'U' },
    );
  });

  it("gives a park's matches with reasons and an instrument's beneficiaries a page at a time", async () => {
    const park = (await app.inject({ url: '/api/v1/parks', query: { pageSize: '1' } })).json<{
      items: { id: string }[];
    }>().items[0];
    const matches = (await app.inject(`/api/v1/parks/${park?.id ?? ''}/policies`)).json<{
      matches: { instrument: string; status: string; missing: { id: string }[] }[];
    }>();
    const finance = matches.matches.find((m) => m.instrument === 'cn-gf-green-finance@2024');
    expect(finance?.status).toBe('not-eligible');
    expect(finance?.missing.map((m) => m.id)).toEqual(['factory']);
    const page = (
      await app.inject({
        url: '/api/v1/policies/example-gd-national-green-factory-award@example/beneficiaries',
        query: { page: '2', pageSize: '100' },
      })
    ).json<{
      total: number;
      totalAmount: number;
      items: unknown[];
    }>();
    expect(page).toMatchObject({ total: 241, totalAmount: 24_100 });
    expect(page.items).toHaveLength(100);
    const bad = await app.inject({ url: '/api/v1/policies/x@1/beneficiaries', query: { status: 'maybe' } });
    expect(bad.json()).toMatchObject({
      code: 'GM_VALIDATION',
      details: { issues: [{ field: 'querystring.status' }] },
    });
    expect((await app.inject('/api/v1/policies/nope@1/beneficiaries')).statusCode).toBe(404);
    expect((await app.inject('/api/v1/factories/fac_nope/policies')).statusCode).toBe(404);
  });
});

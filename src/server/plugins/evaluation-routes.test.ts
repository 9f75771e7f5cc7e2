import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCodeTables } from '../../services/code-tables.ts';
import { importLists } from '../../services/import-lists.ts';
import { simulateOperatingData } from '../../services/operating/simulate-operating-data.ts';
import { testBackends } from '../../store/contract/test-backends.ts';
import { datasetFiles } from '../../store/dataset-files.ts';
import type { Store } from '../../store/open-store.ts';
import { buildServer } from '../build-server.ts';
import { checkResponse } from '../testing/response-check.ts';

const source = datasetFiles(resolve(import.meta.dirname, '../../../datasets'));

describe.each(testBackends)('evaluation API on $name', (backend) => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await backend.open();
    await loadCodeTables({ source, codeTables: store.codeTables });
    await importLists({ source, ...store });
    await simulateOperatingData(store, { seed: 'test' });
    app = await buildServer({ ...store, databaseKind: store.kind, checkResponse });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('evaluates a cement works under GB/T 36132-2025: scores, gaps, least change, quota grade, peer percentile, simulated label', async () => {
    const list = (await app.inject({ url: '/api/v1/factories', query: { q: '水泥', pageSize: '20' } })).json<{
      items: { id: string }[];
    }>();
    // The first listed 水泥 works that the simulation gives the cement profile (others make cement products).
    let id = '';
    for (const f of list.items) {
      const accounts = (await app.inject(`/api/v1/factories/${f.id}/accounts`)).json<{
        years: { data: { profile: string } }[];
      }>();
      if (accounts.years[0]?.data.profile === 'cement') {
        id = f.id;
        break;
      }
    }
    const res = await app.inject(`/api/v1/factories/${id}/evaluation`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      simulated: boolean;
      label: string;
      result: {
        standard: string;
        factsHash: string;
        pass: { status: string };
        indicators: { code: string; score: number | null; gapToLead: number | null }[];
      };
      leastChange: { status: string };
      quota: { rowKey: string; grade: { grade: number | string } } | null;
      peer: { percentile: number | null; peers: number };
    }>();
    expect(body.simulated).toBe(true);
    expect(body.label).toContain('SIMULATED');
    expect(body.result.standard).toBe('GB/T 36132@2025');
    expect(body.result.factsHash).toMatch(/^[0-9a-f]{16}$/);
    expect(body.result.pass.status === 'no-pass-mark' || body.result.pass.status === 'fail').toBe(true);
    const en1a = body.result.indicators.find((i) => i.code === 'EN1a');
    expect(en1a?.score).not.toBeNull();
    expect(en1a?.gapToLead).toBeGreaterThanOrEqual(0);
    // The general standard sets no pass mark: without a target there is nothing to reach.
    expect(body.leastChange.status).toBe('no-target');
    expect(body.quota?.rowKey).toBe('GB 16780@2021#cement-comprehensive');
    expect(body.peer.peers).toBeGreaterThan(10);
    expect(body.peer.percentile).toBeGreaterThanOrEqual(0);
    const targeted = (
      await app.inject({ url: `/api/v1/factories/${id}/evaluation`, query: { target: '40' } })
    ).json<{
      leastChange: { target: number; status: string };
    }>();
    expect(targeted.leastChange.target).toBe(40);
  });

  it('names the field of a bad request and a missing factory', async () => {
    const bad = await app.inject({ url: '/api/v1/factories/x/evaluation', query: { target: 'lots' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('target');
    expect((await app.inject('/api/v1/factories/fac_none/evaluation')).statusCode).toBe(404);
    const unknown = await app.inject({
      url: `/api/v1/factories/fac_none/evaluation`,
      query: { standard: 'GB/T 1@1' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('lists the standards and opens one by its percent-encoded key', async () => {
    const all = (await app.inject('/api/v1/standards')).json<{ items: { key: string; kind: string }[] }>();
    expect(all.items.map((s) => s.key)).toContain('GB/T 36132@2025');
    const quotas = (await app.inject({ url: '/api/v1/standards', query: { kind: 'quota-standard' } })).json<{
      items: { kind: string }[];
    }>();
    expect(quotas.items.every((s) => s.kind === 'quota-standard')).toBe(true);
    const one = await app.inject(`/api/v1/standards/${encodeURIComponent('GB/T 36132@2025')}`);
    expect(one.statusCode).toBe(200);
    expect(one.json<{ indicators: unknown[] }>().indicators).toHaveLength(16);
    const missing = await app.inject(`/api/v1/standards/${encodeURIComponent('GB/T 1@1')}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      code: 'GM_STANDARD_NOT_FOUND',
      details: { field: 'key', key: 'GB/T 1@1' },
    });
    const extra = await app.inject({
      url: `/api/v1/standards/${encodeURIComponent('GB/T 36132@2025')}`,
      query: { x: '1' },
    });
    expect(extra.json()).toMatchObject({
      code: 'GM_VALIDATION',
      details: { issues: [{ field: 'querystring.x' }] },
    });
  });

  it('puts the programme claims, labelled simulated, into the statistics', async () => {
    const stats = (await app.inject('/api/v1/stats')).json<{
      claims: {
        simulated: boolean;
        label: string;
        advancedValue: { covered: number; atOrBetterThanAdvanced: number; share: number; notCovered: number };
        parkSolidWaste: { parks: number; utilisationRatePct: number };
      };
    }>();
    const c = stats.claims;
    expect(c.simulated).toBe(true);
    expect(c.label).toContain('SIMULATED');
    expect(c.advancedValue.covered + c.advancedValue.notCovered).toBe(2783);
    expect(c.advancedValue.covered).toBeGreaterThan(150);
    expect(c.advancedValue.share).toBeGreaterThan(0);
    expect(c.advancedValue.share).toBeLessThan(1);
    expect(c.parkSolidWaste.parks).toBe(224);
    expect(c.parkSolidWaste.utilisationRatePct).toBeGreaterThan(85);
    expect(c.parkSolidWaste.utilisationRatePct).toBeLessThan(100);
  });
});

// The supply-network use cases on both backends: seed the demo network, solve it, publish PACT
// footprints (a second run changes nothing), green supply chain management over HTTP, and the
// PACT client pulling a supplier's footprints from a real HTTPS PACT host into primary data.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/build-server.ts';
import { buildPactServer } from '../../server/plugins/pact/build-pact-server.ts';
import { generateDevCertificate } from '../../server/plugins/pact/dev-certificate.ts';
import { createPactHttpTransport } from '../../server/plugins/pact/pact-http-transport.ts';
import { createPactTokens } from '../../server/plugins/pact/pact-tokens.ts';
import { testBackends } from '../../store/contract/test-backends.ts';
import { datasetFiles } from '../../store/dataset-files.ts';
import type { Store } from '../../store/open-store.ts';
import { loadCodeTables } from '../code-tables.ts';
import { importLists } from '../import-lists.ts';
import { pullSupplierFootprints, supplierDatasetId } from '../pact/pull-supplier-footprints.ts';
import { seedDemoNetwork } from './demo-network.ts';
import { publishFootprints } from './publish-footprints.ts';
import { solveNetwork } from './solve-network.ts';

const source = datasetFiles(resolve(import.meta.dirname, '../../../datasets'));
const clock = { now: () => new Date('2026-03-01T00:00:00Z') };

describe.each(testBackends)('supply network use cases on $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
    await loadCodeTables({ source, codeTables: store.codeTables });
    await importLists({ source, ...store });
  });
  afterAll(async () => {
    await store.close();
  });

  it('seeds the demo network once, solves it with one plan and publishes only what changed', async () => {
    expect(await seedDemoNetwork({ ...store, source })).toEqual({
      seeded: true,
      products: 8,
      processes: 7,
      datasets: 3,
    });
    expect(await seedDemoNetwork({ ...store, source })).toMatchObject({ seeded: false });
    const { network, solution } = await solveNetwork(store);
    expect(network.processes.every((p) => p.name.includes('SIMULATED'))).toBe(true);
    expect(solution.stats.denseBlocks).toBe(1); // steel <-> captive power
    const steel = solution.products.find((p) => p.productId === 'demo-steel-hrc')!;
    expect(steel.footprint).toBeGreaterThan(1650 * (4000 / 4030));
    expect(steel.primaryShare).toBeGreaterThan(0.9);
    const copper = solution.products.find((p) => p.productId === 'demo-copper-tube')!;
    expect(copper.primaryShare).toBe(0); // secondary process on secondary data
    const ids = { uuid: randomUUID };
    expect(await publishFootprints({ ...store, clock, ids })).toEqual({
      published: 5,
      deprecated: 0,
      unchanged: 0,
    });
    expect(await publishFootprints({ ...store, clock, ids })).toEqual({
      published: 0,
      deprecated: 0,
      unchanged: 5,
    });
    const pfs = await store.pactFootprints.list();
    expect(pfs).toHaveLength(5);
    expect(pfs.every((pf) => pf.status === 'Active' && pf.pcf.geographyCountry === 'CN')).toBe(true);
  });

  it('rates the suppliers of an appliance maker and reports its green procurement share over HTTP', async () => {
    const app = await buildServer({
      registry: store.registry,
      codeTables: store.codeTables,
      operatingYears: store.operatingYears,
      databaseKind: store.kind,
      footprintNetwork: store.footprintNetwork,
    });
    const network = await store.footprintNetwork.load();
    const midea = network.products.find((p) => p.id === 'demo-air-conditioner')!.enterpriseId;
    const res = await app.inject(`/api/v1/enterprises/${midea}/green-supply-chain`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      enterpriseName: string;
      suppliers: { enterpriseId: string; grade: string; score: number }[];
      supplierNames: Record<string, string>;
      greenProcurementShare: number;
      rule: string;
    }>();
    expect(body.enterpriseName).toBe('广东美的制冷设备有限公司');
    expect(Object.values(body.supplierNames).sort()).toEqual(
      ['内蒙古霍煤鸿骏铝电有限责任公司', '河钢股份有限公司唐山分公司', '紫金铜业有限公司'].sort(),
    );
    expect(body.greenProcurementShare).toBeGreaterThan(0);
    expect(body.greenProcurementShare).toBeLessThanOrEqual(1);
    expect(body.rule).toMatch(/score = 40/);
    expect((await app.inject('/api/v1/enterprises/nope/green-supply-chain')).statusCode).toBe(404);
    await app.close();
  });

  it("pulls a supplier's footprints over HTTPS and stores them as primary data", async () => {
    const cert = await generateDevCertificate(new Date());
    const client = { clientId: 'buyer', clientSecret: randomUUID() };
    const host = await buildPactServer({
      pactFootprints: store.pactFootprints,
      tokens: createPactTokens([client], 'supplier', { now: () => new Date() }),
      transport: createPactHttpTransport(),
      partners: [],
      clock,
      ids: { uuid: randomUUID },
      https: { key: cert.key, cert: cert.cert },
    });
    await host.app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `https://127.0.0.1:${(host.app.server.address() as AddressInfo).port}`;
    try {
      const enterprise = (await store.footprintNetwork.load()).products[0]!.enterpriseId;
      const outcome = await pullSupplierFootprints(
        { transport: createPactHttpTransport({ ca: cert.caCert }), footprintNetwork: store.footprintNetwork },
        enterprise,
        { baseUrl, ...client },
      );
      expect(outcome.datasets).toHaveLength(5);
      expect(outcome.skipped).toEqual([]);
      const stored = (await store.footprintNetwork.load()).datasets.filter((d) => d.id.startsWith('pact:'));
      expect(stored).toHaveLength(5);
      expect(stored.every((d) => d.dataSource === 'primary' && d.origin.includes(baseUrl))).toBe(true);
      const steel = (await store.pactFootprints.list()).find(
        (pf) => pf.productIds[0] === 'urn:greenmfg:product:demo-steel-hrc',
      )!;
      expect(stored.find((d) => d.id === supplierDatasetId(steel))?.factor).toBeCloseTo(
        Number(steel.pcf.pcfExcludingBiogenicUptake),
        6,
      );
      await expect(
        pullSupplierFootprints(
          {
            transport: createPactHttpTransport({ ca: cert.caCert, attempts: 1 }),
            footprintNetwork: store.footprintNetwork,
          },
          enterprise,
          { baseUrl, clientId: 'buyer', clientSecret: 'wrong' },
        ),
      ).rejects.toThrow(/HTTP 401/);
    } finally {
      await host.app.close();
    }
  });
});

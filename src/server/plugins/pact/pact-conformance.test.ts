// The 41 cases of the PACT v3 conformance suite (wbcsd/pact-conformance-service), mirrored from
// /work/shared/reference/pact-v3-conformance.md and run over real HTTPS on loopback against the
// PACT host, with footprints from the seeded demo network solved by the footprint solver. A small
// HTTP server stands in for the conformance tool's callback endpoint (`<source>/3/events`).
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductFootprintV3 } from '../../../core/pact/product-footprint.ts';
import { loadCodeTables } from '../../../services/code-tables.ts';
import { seedDemoNetwork } from '../../../services/footprint/demo-network.ts';
import { publishFootprints } from '../../../services/footprint/publish-footprints.ts';
import { importLists } from '../../../services/import-lists.ts';
import { testBackends } from '../../../store/contract/test-backends.ts';
import { datasetFiles } from '../../../store/dataset-files.ts';
import type { Store } from '../../../store/open-store.ts';
import { buildPactServer, type PactServer } from './build-pact-server.ts';
import { generateDevCertificate } from './dev-certificate.ts';
import { createPactHttpTransport } from './pact-http-transport.ts';
import { createPactTokens } from './pact-tokens.ts';

const source = datasetFiles(resolve(import.meta.dirname, '../../../../datasets'));
const clock = { now: () => new Date() };
const CLIENT = { clientId: 'greenmfg-conformance', clientSecret: randomUUID() };

interface Reply {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly text: string;
  json<T = Record<string, unknown>>(): T;
}

function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; ca?: string } = {},
): Promise<Reply> {
  return new Promise((done, fail) => {
    const target = new URL(url);
    const make = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = make(
      target,
      {
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
        timeout: 5000,
        ...(target.protocol === 'https:' && init.ca ? { ca: init.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** A stand-in for the conformance tool: hands out tokens and records the events POSTed to it. */
async function startTool(): Promise<{
  url: string;
  events: { path: string; body: Record<string, unknown> }[];
  close: () => Promise<void>;
}> {
  const events: { path: string; body: Record<string, unknown> }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.url === '/auth/token') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'tool-token', token_type: 'bearer', expires_in: 3600 }));
        return;
      }
      events.push({ path: req.url ?? '', body: JSON.parse(body) as Record<string, unknown> });
      res.writeHead(200);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    events,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The required fields of a v3 ProductFootprint and its pcf (the suite checks the full schema with AJV). */
function expectProductFootprint(pf: ProductFootprintV3): void {
  for (const field of [
    'id',
    'specVersion',
    'created',
    'status',
    'companyName',
    'productDescription',
    'productNameCompany',
  ])
    expect(typeof pf[field], field).toBe('string');
  expect(pf.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(pf.specVersion).toMatch(/^3\./);
  expect(['Active', 'Deprecated']).toContain(pf.status);
  expect(pf.companyIds.length).toBeGreaterThan(0);
  expect(pf.productIds.length).toBeGreaterThan(0);
  for (const urn of [...pf.companyIds, ...pf.productIds, ...(pf.productClassifications ?? [])])
    expect(urn).toMatch(/^urn:/);
  const pcf = pf.pcf;
  for (const field of [
    'declaredUnitOfMeasurement',
    'declaredUnitAmount',
    'pcfExcludingBiogenicUptake',
    'referencePeriodStart',
    'referencePeriodEnd',
  ])
    expect(typeof pcf[field], `pcf.${field}`).toBe('string');
  expect(pcf.pcfExcludingBiogenicUptake).toMatch(/^-?\d+(\.\d+)?$/);
  expect(Array.isArray(pcf['ipccCharacterizationFactors'])).toBe(true);
  expect(Array.isArray(pcf['crossSectoralStandards'])).toBe(true);
}

describe.each(testBackends)('PACT v3 conformance over HTTPS on $name', (backend) => {
  let store: Store;
  let pact: PactServer;
  let tool: Awaited<ReturnType<typeof startTool>>;
  let ca: string;
  let base: string;
  let token: string;
  let all: ProductFootprintV3[];
  let first: ProductFootprintV3;
  let nextLink: string;
  const runId = randomUUID();
  const json = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });
  const get = (path: string, headers = json()) => call(`${base}${path}`, { headers, ca });
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  const postToken = (url: string, auth: string) =>
    call(url, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
      ca,
    });
  const postEvent = (url: string, body: unknown, bearer = token) =>
    call(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/cloudevents+json; charset=UTF-8',
      },
      body: JSON.stringify(body),
      ca,
    });
  const event = (id: string, type: string, data: Record<string, unknown>) => ({
    specversion: '1.0',
    id,
    source: tool.url,
    time: new Date().toISOString(),
    type,
    data,
  });
  const waitForEvent = async (requestEventId: string) => {
    await pact.settle();
    return tool.events.find(
      (e) => (e.body['data'] as { requestEventId?: string }).requestEventId === requestEventId,
    );
  };

  beforeAll(async () => {
    store = await backend.open();
    await loadCodeTables({ source, codeTables: store.codeTables });
    await importLists({ source, ...store });
    expect(await seedDemoNetwork({ ...store, source })).toMatchObject({ seeded: true });
    await publishFootprints({ ...store, clock, ids: { uuid: randomUUID } });
    tool = await startTool();
    const cert = await generateDevCertificate(new Date());
    ca = cert.caCert;
    pact = await buildPactServer({
      pactFootprints: store.pactFootprints,
      tokens: createPactTokens([CLIENT], 'greenmfg-pact', clock),
      transport: createPactHttpTransport({ attempts: 2, backoffMs: 50 }),
      partners: [{ baseUrl: tool.url, clientId: 'test_client_id', clientSecret: 'test_client_secret' }],
      clock,
      ids: { uuid: randomUUID },
      https: { key: cert.key, cert: cert.cert },
    });
    await pact.app.listen({ port: 0, host: '127.0.0.1' });
    base = `https://127.0.0.1:${(pact.app.server.address() as AddressInfo).port}`;
    // The harness: discovery, a token, the full list, and the first page of limit=1.
    const discovery = (await call(`${base}/.well-known/openid-configuration`, { ca })).json<{
      token_endpoint: string;
    }>();
    const tokenReply = await postToken(discovery.token_endpoint, basic(CLIENT.clientId, CLIENT.clientSecret));
    token = tokenReply.json<{ access_token: string }>().access_token;
    all = (await get('/3/footprints')).json<{ data: ProductFootprintV3[] }>().data;
    expect(all.length).toBeGreaterThanOrEqual(2);
    first = all[0]!;
    const paged = await get('/3/footprints?limit=1');
    nextLink = /<([^>]+)>;\s*rel="next"/.exec(String(paged.headers.link))?.[1] ?? '';
  });
  afterAll(async () => {
    await pact?.app.close();
    await tool?.close();
    await store?.close();
  });

  it('TESTCASE#1: obtains a token with valid client credentials', async () => {
    const r = await postToken(`${base}/auth/token`, basic(CLIENT.clientId, CLIENT.clientSecret));
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ token_type: 'bearer', access_token: expect.any(String) as string });
  });

  it('TESTCASE#2: refuses a token for random credentials (400 or 401)', async () => {
    const r = await postToken(`${base}/auth/token`, basic(randomUUID(), randomUUID()));
    expect([400, 401]).toContain(r.status);
  });

  it('TESTCASE#3: gets the first footprint by id', async () => {
    const r = await get(`/3/footprints/${first.id}`);
    expect(r.status).toBe(200);
    const pf = r.json<{ data: ProductFootprintV3 }>().data;
    expectProductFootprint(pf);
    expect(pf.id).toBe(first.id);
  });

  it('TESTCASE#4: lists all footprints with the full schema and the same count', async () => {
    const r = await get('/3/footprints');
    expect([200, 202]).toContain(r.status);
    const data = r.json<{ data: ProductFootprintV3[] }>().data;
    expect(data).toHaveLength(all.length);
    data.forEach(expectProductFootprint);
  });

  it('TESTCASE#5: follows the absolute rel="next" link of ?limit=1', async () => {
    expect(nextLink.startsWith(`${base}/`)).toBe(true);
    const r = await get(nextLink.slice(base.length));
    expect(r.status).toBe(200);
    const data = r.json<{ data: ProductFootprintV3[] }>().data;
    expect(data.length).toBeGreaterThanOrEqual(1);
    expect(data[0]!.id).toBe(all[1]!.id);
  });

  it('TESTCASE#6: refuses the list with an invalid bearer (401, code BadRequest)', async () => {
    const r = await get('/3/footprints', { authorization: 'Bearer invalid' });
    expect([400, 401]).toContain(r.status);
    expect(r.json()).toMatchObject({ code: 'BadRequest', message: expect.any(String) as string });
  });

  it('TESTCASE#7: refuses a get with an invalid bearer (401, code BadRequest)', async () => {
    const r = await get(`/3/footprints/${first.id}`, { authorization: 'Bearer invalid' });
    expect([400, 401]).toContain(r.status);
    expect(r.json<{ code: string }>().code).toBe('BadRequest');
  });

  it('TESTCASE#8: answers an unknown footprint id with 404 NotFound', async () => {
    const r = await get('/3/footprints/00000000-0000-0000-0000-000000000000');
    expect([400, 404]).toContain(r.status);
    expect(['NotFound', 'BadRequest']).toContain(r.json<{ code: string }>().code);
    const malformed = await get('/3/footprints/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.json<{ code: string }>().code).toBe('BadRequest');
  });

  const overHttp = (url: string) => url.replace('https', 'http');

  it('TESTCASE#9: the token endpoint does not answer over http://', async () => {
    await expect(
      postToken(overHttp(`${base}/auth/token`), basic(CLIENT.clientId, CLIENT.clientSecret)),
    ).rejects.toThrow();
  });

  it('TESTCASE#10: the footprint list does not answer over http://', async () => {
    await expect(call(overHttp(`${base}/3/footprints`), { headers: json() })).rejects.toThrow();
  });

  it('TESTCASE#11: a footprint does not answer over http://', async () => {
    await expect(call(overHttp(`${base}/3/footprints/${first.id}`), { headers: json() })).rejects.toThrow();
  });

  it('TESTCASE#12: accepts a RequestCreatedEvent for the first footprint', async () => {
    const r = await postEvent(
      `${base}/3/events`,
      event(`${runId}/12`, 'org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3', {
        productId: first.productIds,
      }),
    );
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
  });

  it('TESTCASE#13: answers the request with a RequestFulfilledEvent at <source>/3/events', async () => {
    const got = await waitForEvent(`${runId}/12`);
    expect(got?.path).toBe('/3/events');
    expect(got?.body).toMatchObject({
      specversion: '1.0',
      type: 'org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3',
      id: expect.any(String) as string,
      source: expect.any(String) as string,
    });
    const data = got!.body['data'] as { requestEventId: string; pfs: ProductFootprintV3[] };
    expect(data.requestEventId).toBe(`${runId}/12`);
    expect(data.pfs.length).toBeGreaterThanOrEqual(1);
    data.pfs.forEach(expectProductFootprint);
    expect(data.pfs.some((pf) => pf.productIds.some((p) => first.productIds.includes(p)))).toBe(true);
  });

  it('TESTCASE#14.A: accepts a RequestCreatedEvent for an unknown product', async () => {
    const r = await postEvent(
      `${base}/3/events`,
      event(`${runId}/14`, 'org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3', {
        productId: ['urn:pact:null'],
      }),
    );
    expect(r.status).toBe(200);
  });

  it('TESTCASE#14.B: answers it with a RequestRejectedEvent carrying an error code and message', async () => {
    const got = await waitForEvent(`${runId}/14`);
    expect(got?.path).toBe('/3/events');
    expect(got?.body['type']).toBe('org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3');
    expect(got?.body['data']).toMatchObject({
      error: { code: expect.any(String) as string, message: expect.any(String) as string },
    });
  });

  it('TESTCASE#15: accepts a PublishedEvent for a valid but unknown footprint id', async () => {
    const r = await postEvent(
      `${base}/3/events`,
      event(`${runId}/15`, 'org.wbcsd.pact.ProductFootprint.PublishedEvent.3', { pfIds: [randomUUID()] }),
    );
    expect(r.status).toBe(200);
  });

  it('TESTCASE#16: refuses events with an invalid bearer', async () => {
    const r = await postEvent(
      `${base}/3/events`,
      event(`${runId}/16`, 'org.wbcsd.pact.ProductFootprint.PublishedEvent.3', { pfIds: [randomUUID()] }),
      'invalid',
    );
    expect([400, 401]).toContain(r.status);
  });

  it('TESTCASE#17: events do not answer over http://', async () => {
    await expect(
      call(overHttp(`${base}/3/events`), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/cloudevents+json' },
        body: JSON.stringify(
          event(`${runId}/17`, 'org.wbcsd.pact.ProductFootprint.PublishedEvent.3', { pfIds: [randomUUID()] }),
        ),
      }),
    ).rejects.toThrow();
  });

  it('TESTCASE#18: {base}/auth/token issues a token for good credentials (optional case)', async () => {
    expect((await postToken(`${base}/auth/token`, basic(CLIENT.clientId, CLIENT.clientSecret))).status).toBe(
      200,
    );
  });

  it('TESTCASE#19: {base}/auth/token refuses bad credentials (optional case)', async () => {
    expect([400, 401]).toContain(
      (await postToken(`${base}/auth/token`, basic(CLIENT.clientId, 'wrong'))).status,
    );
  });

  const list = async (query: string) => {
    const r = await get(`/3/footprints?${query}`);
    expect(r.status).toBe(200);
    return r.json<{ data: ProductFootprintV3[] }>().data;
  };
  const YEAR = 365.25 * 86_400_000;
  const validity = (pf: ProductFootprintV3) => {
    const end = Date.parse(pf.pcf.referencePeriodEnd);
    return {
      start: pf.validityPeriodStart ? Date.parse(pf.validityPeriodStart) : end,
      end: pf.validityPeriodEnd ? Date.parse(pf.validityPeriodEnd) : end + 3 * YEAR,
    };
  };
  const geographyOf = (pf: ProductFootprintV3) =>
    pf.pcf.geographyCountry ?? pf.pcf.geographyRegionOrSubregion ?? '';

  it('TESTCASE#20: filters by productId', async () => {
    const data = await list(`productId=${encodeURIComponent(first.productIds[0]!)}`);
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((pf) => pf.productIds.includes(first.productIds[0]!))).toBe(true);
  });

  it('TESTCASE#21: filters by companyId', async () => {
    const data = await list(`companyId=${encodeURIComponent(first.companyIds[0]!)}`);
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((pf) => pf.companyIds.includes(first.companyIds[0]!))).toBe(true);
  });

  it('TESTCASE#22: filters by geography', async () => {
    const geography = geographyOf(first);
    expect(geography).not.toBe('');
    const data = await list(`geography=${encodeURIComponent(geography)}`);
    expect(data.length).toBeGreaterThan(0);
    expect(
      data.every((pf) =>
        [
          pf.pcf.geographyCountry,
          pf.pcf.geographyCountrySubdivision,
          pf.pcf.geographyRegionOrSubregion,
        ].includes(geography),
      ),
    ).toBe(true);
  });

  it('TESTCASE#23: filters by classification', async () => {
    const classification = first.productClassifications?.[0] ?? '';
    expect(classification).not.toBe('');
    const data = await list(`classification=${encodeURIComponent(classification)}`);
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((pf) => pf.productClassifications?.includes(classification))).toBe(true);
  });

  it('TESTCASE#24: filters by validOn (validity falls back to [referencePeriodEnd, +3y])', async () => {
    const { start, end } = validity(first);
    const on = new Date((start + end) / 2).toISOString();
    const data = await list(`validOn=${encodeURIComponent(on)}`);
    expect(data.map((pf) => pf.id)).toContain(first.id);
    expect(
      data.every((pf) => validity(pf).start <= Date.parse(on) && Date.parse(on) <= validity(pf).end),
    ).toBe(true);
  });

  it('TESTCASE#25: filters by validAfter', async () => {
    const after = new Date(validity(first).start - 86_400_000).toISOString();
    const data = await list(`validAfter=${encodeURIComponent(after)}`);
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((pf) => validity(pf).start > Date.parse(after))).toBe(true);
  });

  it('TESTCASE#26: filters by validBefore', async () => {
    const before = new Date(validity(first).end + 86_400_000).toISOString();
    const data = await list(`validBefore=${encodeURIComponent(before)}`);
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((pf) => validity(pf).end < Date.parse(before))).toBe(true);
  });

  it('TESTCASE#27: filters by status', async () => {
    const data = await list('status=Active');
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((pf) => pf.status === 'Active')).toBe(true);
  });

  it('TESTCASE#28: combines status and productId with AND', async () => {
    const data = await list(`status=${first.status}&productId=${encodeURIComponent(first.productIds[0]!)}`);
    expect(data.length).toBeGreaterThan(0);
    expect(
      data.every((pf) => pf.status === first.status && pf.productIds.includes(first.productIds[0]!)),
    ).toBe(true);
  });

  it('TESTCASE#29: a repeated companyId (x3) is an OR', async () => {
    const companies = [...new Set(all.flatMap((pf) => pf.companyIds))].slice(0, 3);
    const data = await list(companies.map((c) => `companyId=${encodeURIComponent(c)}`).join('&'));
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((pf) => pf.companyIds.some((c) => companies.includes(c)))).toBe(true);
    expect(data.length).toBe(all.filter((pf) => pf.companyIds.some((c) => companies.includes(c))).length);
  });

  const bogus: [string, string][] = [
    ['TESTCASE#30: a bogus productId matches nothing', 'productId=urn:bogus:product'],
    ['TESTCASE#31: a bogus companyId matches nothing', 'companyId=urn:bogus:company'],
    ['TESTCASE#32: a bogus geography matches nothing', 'geography=XX-BOGUS'],
    ['TESTCASE#33: a bogus classification matches nothing', 'classification=urn:bogus:classification'],
    ['TESTCASE#34: a validOn far in the past matches nothing', 'validOn=1900-01-01T00:00:00Z'],
    ['TESTCASE#35: a validAfter far in the future matches nothing', 'validAfter=2999-01-01T00:00:00Z'],
    ['TESTCASE#36: a validBefore far in the past matches nothing', 'validBefore=1900-01-01T00:00:00Z'],
    ['TESTCASE#37: a bogus status matches nothing', 'status=Bogus'],
    [
      'TESTCASE#38: status AND a bogus productId matches nothing',
      'status=Active&productId=urn:bogus:product',
    ],
    [
      'TESTCASE#39: an OR of bogus companyIds matches nothing',
      'companyId=urn:bogus:a&companyId=urn:bogus:b&companyId=urn:bogus:c',
    ],
  ];
  it.each(bogus)('%s', async (_name, query) => {
    const r = await get(`/3/footprints?${query}`);
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ data: [] });
  });

  it('TESTCASE#40: refuses a PublishedEvent whose pfIds are not UUIDs (400)', async () => {
    const r = await postEvent(
      `${base}/3/events`,
      event(`${runId}/40`, 'org.wbcsd.pact.ProductFootprint.PublishedEvent.3', {
        pfIds: ['urn:gtin:4712345060507'],
      }),
    );
    expect(r.status).toBe(400);
    expect(r.json<{ code: string }>().code).toBe('BadRequest');
  });
});

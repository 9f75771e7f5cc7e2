import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../core/auth/principal.ts';
import { createDeclaration } from '../services/workflow/declarations.ts';
import { assignAgency, selfEvaluate } from '../services/workflow/evaluations.ts';
import { addTierListing } from '../services/workflow/tier-listings.ts';
import { testBackends } from '../store/contract/test-backends.ts';
import {
  openProgrammeFixture,
  roles,
  type ProgrammeFixture,
  type RoleKey,
} from './testing/programme-fixture.ts';
import { writeFingerprint } from './testing/write-fingerprint.ts';

type Tenant = 'A' | 'B';

/** Which tenant's records each role may reach: national reaches both, the public neither. */
const home: Record<RoleKey | 'public', Tenant | 'both' | 'none'> = {
  national: 'both',
  province44: 'A',
  city4403: 'A',
  province33: 'B',
  enterpriseA: 'A',
  enterpriseB: 'B',
  parkA: 'A',
  parkB: 'B',
  agencyA: 'A',
  agencyB: 'B',
  public: 'none',
};

interface Records {
  factory: string;
  park: string;
  account: string;
  enterprise: string;
  /** The tenant's registered factory and its provincial listing. */
  listedFactory: string;
  tierListing: string;
}

/** Every record-scoped route of the workflow, as a request against one tenant's records. */
const scopedRoutes = (r: Records, agency: string) =>
  [
    { method: 'GET', url: `/api/v1/declarations/${r.factory}`, read: 'factory' },
    { method: 'GET', url: `/api/v1/declarations/${r.park}`, read: 'park' },
    { method: 'GET', url: `/api/v1/declarations/${r.factory}/evidence`, read: 'factory' },
    { method: 'GET', url: `/api/v1/declarations/${r.factory}/events`, read: 'factory' },
    { method: 'GET', url: `/api/v1/declarations/${r.factory}/objections`, read: 'factory' },
    { method: 'GET', url: `/api/v1/accounts/${r.account}` },
    { method: 'PATCH', url: `/api/v1/accounts/${r.account}`, body: { disabled: true } },
    ...[
      'admit_pool',
      'recommend_municipal',
      'recommend_provincial',
      'approve_national',
      'list',
      'reject',
      'withdraw',
    ].flatMap((action) =>
      [r.factory, r.park].map((id) => ({
        method: 'POST',
        url: `/api/v1/declarations/${id}/transitions`,
        body: { action, reason: 'matrix' },
      })),
    ),
    {
      method: 'POST',
      url: `/api/v1/declarations/${r.factory}/transitions`,
      body: { action: 'remove', trigger: 'falsified_data' },
    },
    { method: 'POST', url: `/api/v1/declarations/${r.factory}/self-evaluation`, body: { facts: { x: 1 } } },
    { method: 'POST', url: `/api/v1/declarations/${r.park}/self-evaluation`, body: { facts: { x: 1 } } },
    { method: 'POST', url: `/api/v1/declarations/${r.factory}/agency`, body: { agencyId: agency } },
    {
      method: 'POST',
      url: `/api/v1/declarations/${r.factory}/agency-evaluation`,
      body: { facts: {}, conclusion: 'pass' },
    },
    {
      method: 'POST',
      url: `/api/v1/declarations/${r.factory}/evidence`,
      body: { name: 'e.txt', mediaType: 'text/plain', contentBase64: 'YWJj' },
    },
    { method: 'POST', url: `/api/v1/declarations/${r.factory}/objections`, body: { text: 'objection' } },
    {
      method: 'POST',
      url: `/api/v1/declarations/${r.factory}/objections/obj_x/resolution`,
      body: { outcome: 'upheld', note: 'n' },
    },
    {
      method: 'POST',
      url: `/api/v1/declarations/${r.factory}/annual-reports`,
      body: { period: '2024', facts: {} },
    },
    {
      method: 'POST',
      url: `/api/v1/declarations/${r.factory}/changes`,
      body: { change: 'name', description: 'renamed' },
    },
    {
      method: 'POST',
      url: `/api/v1/declarations/${r.factory}/checks`,
      body: { kind: 'spot_check', outcome: 'fail', note: 'n' },
    },
    {
      method: 'POST',
      url: '/api/v1/negative-list',
      body: { enterpriseId: r.enterprise, reason: 'tax_violation', since: '2024-01-01' },
    },
    { method: 'GET', url: `/api/v1/negative-list?enterpriseId=${r.enterprise}` },
    ...(['provincial', 'municipal'] as const).map((tier) => ({
      method: 'POST',
      url: `/api/v1/tiers/${tier}/factories`,
      body: { factoryId: r.listedFactory },
    })),
    {
      method: 'POST',
      url: `/api/v1/tiers/provincial/factories/${r.tierListing}/removal`,
      body: { trigger: 'failed_spot_check' },
    },
  ] as const;

/** Which tenant's metering each role reaches: the owning enterprise and the administrators of its region. */
const meteringHome: Record<RoleKey | 'public', Tenant | 'both' | 'none'> = {
  ...home,
  parkA: 'none',
  parkB: 'none',
  agencyA: 'none',
  agencyB: 'none',
};

/** Every metering route, against one tenant's factory and meter. */
const meteringRoutes = (factory: string, meter: string) =>
  [
    {
      method: 'POST',
      url: '/api/v1/meters',
      body: {
        id: `new-${factory}`,
        factoryId: factory,
        medium: 'electricity',
        unit: 'kWh',
        intervalSeconds: 900,
      },
    },
    { method: 'POST', url: '/api/v1/readings', body: [{ meter, ts: '2024-01-01T02:00:00+08:00', value: 5 }] },
    { method: 'POST', url: '/api/v1/readings', csv: `meter,ts,value\n${meter},2024-01-01T02:15:00+08:00,5` },
    { method: 'GET', url: `/api/v1/meters/${meter}` },
    { method: 'GET', url: `/api/v1/meters?factory=${factory}` },
    { method: 'GET', url: `/api/v1/meters/${meter}/rollups?grain=day&from=2024-01-01&to=2024-01-02` },
    ...['readings', 'gaps', 'flags'].map((kind) => ({
      method: 'GET',
      url: `/api/v1/meters/${meter}/${kind}?from=2024-01-01T00:00:00Z&to=2024-01-02T00:00:00Z`,
    })),
    { method: 'GET', url: `/api/v1/metering/daily?day=2024-01-01&factory=${factory}` },
    { method: 'GET', url: `/api/v1/metering/factories/${factory}/months/2024-01` },
  ] as const;

describe.each(testBackends)(
  'security matrix on $name: every route x every role x own and other tenant',
  (backend) => {
    let f: ProgrammeFixture;
    const records = {} as Record<Tenant, Records>;
    beforeAll(async () => {
      f = await openProgrammeFixture(backend, { metering: true });
      for (const t of ['a', 'b']) {
        await f.metering?.addMeter({
          id: `meter-${t}`,
          factoryId: `fac_${t}`,
          medium: 'electricity',
          unit: 'kWh',
          intervalSeconds: 900,
        });
        await f.metering?.ingestItems([{ meter: `meter-${t}`, ts: '2024-01-01T00:15:00+08:00', value: 10 }]);
      }
      const p = f.principals;
      for (const [t, prov, ent, park, entUser, agency] of [
        ['A', 'province44', 'ent_a', 'park_a', 'enterpriseA', f.agencies.a],
        ['B', 'province33', 'ent_b', 'park_b', 'enterpriseB', f.agencies.b],
      ] as const) {
        const fac = await createDeclaration(f.deps, p[prov], {
          unitKind: 'factory',
          unitName: `Factory ${t}`,
          roundYear: 2025,
          enterpriseId: ent,
        });
        await assignAgency(f.deps, p[entUser], fac.id, agency);
        await selfEvaluate(f.deps, p[entUser], fac.id, { facts: { x: 1 } });
        const prk = await createDeclaration(f.deps, p[prov], {
          unitKind: 'park',
          unitName: `Park ${t}`,
          roundYear: 2025,
          parkId: park,
        });
        const account = p[entUser] as Extract<Principal, { kind: 'enterprise' }>;
        const listedFactory = `fac_${t.toLowerCase()}`;
        const tierPorts = { ...f.deps, registry: f.store.registry };
        const listing = await addTierListing(tierPorts, p.national, 'provincial', {
          factoryId: listedFactory,
        });
        records[t] = {
          factory: fac.id,
          park: prk.id,
          account: account.accountId,
          enterprise: ent,
          listedFactory,
          tierListing: listing.id,
        };
      }
    });
    afterAll(async () => {
      await f.close();
    });

    const send = (role: RoleKey | 'public', method: string, url: string, body?: object) =>
      f.app.inject({
        method: method as 'GET',
        url,
        ...(body ? { payload: body } : {}),
        headers: role === 'public' ? {} : { authorization: `Bearer ${f.tokens[role]}` },
      });
    const ids = () => [records.A.factory, records.A.park, records.B.factory, records.B.park];

    it('no role reads or writes a record across an enterprise, park or region boundary', async () => {
      let checked = 0;
      // Nothing may change, so one fingerprint taken before all requests is the reference.
      const before = await writeFingerprint(f.store, ids());
      for (const role of [...roles, 'public'] as const) {
        for (const tenant of ['A', 'B'] as const) {
          const reach = home[role];
          if (reach === 'both' || reach === tenant) continue;
          const other = tenant === 'A' ? f.agencies.a : f.agencies.b;
          for (const route of scopedRoutes(records[tenant], other)) {
            const res = await send(role, route.method, route.url, 'body' in route ? route.body : undefined);
            const label = `${role} ${route.method} ${route.url} ${'body' in route ? JSON.stringify(route.body) : ''} -> ${res.statusCode} ${res.body}`;
            expect([401, 403, 404], label).toContain(res.statusCode);
            expect(await writeFingerprint(f.store, ids()), label).toBe(before);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(200);
    });

    /** Meters and stored readings: what a metering write would change. */
    const meteringFingerprint = async () => {
      const m = f.metering;
      if (!m) throw new Error('the fixture was opened without metering');
      const counts = [];
      for (const id of ['meter-a', 'meter-b'])
        counts.push((await m.readings(id, 0, 2e9)).length, m.meterMonth(id, '2024-01').sum);
      return JSON.stringify([m.listMeters().map((x) => x.id), counts]);
    };
    const sendMetering = (
      role: RoleKey | 'public',
      route: {
        readonly method: string;
        readonly url: string;
        readonly body?: unknown;
        readonly csv?: string;
      },
    ) =>
      f.app.inject({
        method: route.method as 'GET',
        url: route.url,
        ...(route.body === undefined ? {} : { payload: route.body as object }),
        ...(route.csv === undefined ? {} : { payload: route.csv }),
        headers: {
          ...(route.csv === undefined ? {} : { 'content-type': 'text/csv' }),
          ...(role === 'public' ? {} : { authorization: `Bearer ${f.tokens[role]}` }),
        },
      });

    it('no role reads or writes metering data across an enterprise or region boundary, and the public none', async () => {
      const before = await meteringFingerprint();
      let checked = 0;
      for (const role of [...roles, 'public'] as const) {
        for (const tenant of ['A', 'B'] as const) {
          const reach = meteringHome[role];
          if (reach === 'both' || reach === tenant) continue;
          const t = tenant.toLowerCase();
          for (const route of meteringRoutes(`fac_${t}`, `meter-${t}`)) {
            const res = await sendMetering(role, route);
            const label = `${role} ${route.method} ${route.url} -> ${res.statusCode} ${res.body}`;
            if (route.url === '/api/v1/readings' && res.statusCode === 200) {
              // A signed-in enterprise or administrator: each reading of a meter outside its reach is
              // rejected as an unknown meter, exactly like a meter that does not exist.
              expect(res.json(), label).toMatchObject({ stored: 0, rejected: [{ reason: 'unknown-meter' }] });
            } else {
              expect([401, 403, 404], label).toContain(res.statusCode);
              const body = res.json<{ code?: unknown; message?: unknown; details?: unknown }>();
              expect([typeof body.code, typeof body.message, typeof body.details], label).toEqual([
                'string',
                'string',
                'object',
              ]);
            }
            if (role === 'public')
              expect(res.json<{ code: string }>().code, label).toBe('GM_UNAUTHENTICATED');
            expect(await meteringFingerprint(), label).toBe(before);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
      for (const role of roles) {
        const reach = meteringHome[role];
        if (reach === 'none') continue;
        const meters = (await sendMetering(role, { method: 'GET', url: '/api/v1/meters' })).json<{
          items: { id: string }[];
        }>();
        const daily = (
          await sendMetering(role, { method: 'GET', url: '/api/v1/metering/daily?day=2024-01-01' })
        ).json<{ items: { meter: string }[] }>();
        const expected = reach === 'both' ? ['meter-a', 'meter-b'] : [`meter-${reach.toLowerCase()}`];
        expect(meters.items.map((m) => m.id).sort(), role).toEqual(expected);
        expect(daily.items.map((m) => m.meter).sort(), role).toEqual(expected);
      }
    });

    it('the owning enterprise and the administrators of its region read and write its metering', async () => {
      let ts = 0;
      for (const role of roles) {
        for (const tenant of ['A', 'B'] as const) {
          const reach = meteringHome[role];
          if (reach !== 'both' && reach !== tenant) continue;
          const t = tenant.toLowerCase();
          for (const route of meteringRoutes(`fac_${t}`, `meter-${t}`).filter((r) => r.method === 'GET')) {
            const res = await sendMetering(role, route);
            expect(res.statusCode, `${role} ${route.url} ${res.body}`).toBe(200);
          }
          ts++;
          const wrote = await sendMetering(role, {
            method: 'POST',
            url: '/api/v1/readings',
            body: [
              { meter: `meter-${t}`, ts: `2024-02-01T${String(ts).padStart(2, '0')}:00:00+08:00`, value: 1 },
            ],
          });
          expect(wrote.json(), `${role} writes ${tenant}`).toMatchObject({ stored: 1, rejected: [] });
        }
      }
      const added = await sendMetering('enterpriseA', meteringRoutes('fac_a', 'meter-a')[0]);
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({ id: 'new-fac_a', factoryId: 'fac_a' });
    });

    it('every role reads its own records, and lists show nothing of another tenant', async () => {
      for (const role of roles) {
        for (const tenant of ['A', 'B'] as const) {
          const reach = home[role];
          if (reach !== 'both' && reach !== tenant) continue;
          const r = records[tenant];
          const readable = role.startsWith('park')
            ? [r.park]
            : role.startsWith('enterprise') || role.startsWith('agency')
              ? [r.factory]
              : [r.factory, r.park];
          for (const id of readable) {
            const res = await send(role, 'GET', `/api/v1/declarations/${id}`);
            expect(res.statusCode, `${role} reads ${id}`).toBe(200);
          }
        }
        const list = (await send(role, 'GET', '/api/v1/declarations?pageSize=200')).json<{
          items: { id: string }[];
        }>();
        const seen = new Set(list.items.map((i) => i.id));
        for (const tenant of ['A', 'B'] as const) {
          const reach = home[role];
          if (reach === 'both' || reach === tenant) continue;
          expect(seen.has(records[tenant].factory), `${role} lists ${tenant}`).toBe(false);
          expect(seen.has(records[tenant].park), `${role} lists ${tenant}`).toBe(false);
        }
      }
      const accounts = (await send('province44', 'GET', '/api/v1/accounts?pageSize=200')).json<{
        items: { regionCode: string | null }[];
      }>();
      expect(accounts.items.length).toBeGreaterThan(0);
      expect(accounts.items.every((a) => a.regionCode?.startsWith('44'))).toBe(true);
      for (const role of roles.filter((r) => r !== 'national'))
        expect((await send(role, 'GET', '/api/v1/audit')).statusCode, role).toBe(403);
      expect((await send('public', 'GET', '/api/v1/declarations')).json<{ total: number }>().total).toBe(0);
    });

    it('keeps the published lists readable by the public without signing in', async () => {
      for (const url of [
        '/api/health',
        '/api/v1/stats',
        '/api/v1/factories',
        '/api/v1/parks',
        '/api/v1/products',
        '/api/v1/supply-chain-enterprises',
        '/api/v1/regions',
        '/api/v1/industries',
        '/api/v1/agencies',
        '/api/v1/workflow/rules',
        '/api/openapi.json',
      ])
        expect((await send('public', 'GET', url)).statusCode, url).toBe(200);
      const bad = await f.app.inject({
        url: '/api/v1/stats',
        headers: { authorization: 'Bearer gmt_forged' },
      });
      expect(bad.statusCode).toBe(401);
      expect(bad.json()).toMatchObject({ code: 'GM_UNAUTHENTICATED', details: { field: 'authorization' } });
    });
  },
  // Hundreds of requests per case: allow for a loaded machine (the default is 30 s).
  180_000,
);

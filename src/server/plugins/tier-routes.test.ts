import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNegativeListEntry } from '../../services/workflow/dynamic-management.ts';
import { testBackends } from '../../store/contract/test-backends.ts';
import { openProgrammeFixture, type ProgrammeFixture, type RoleKey } from '../testing/programme-fixture.ts';

describe.each(testBackends)('provincial and municipal tiers on $name', (backend) => {
  let f: ProgrammeFixture;
  beforeAll(async () => {
    f = await openProgrammeFixture(backend);
  });
  afterAll(async () => {
    await f.close();
  });

  const send = (role: RoleKey | 'public', method: 'GET' | 'POST', url: string, payload?: object) =>
    f.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: role === 'public' ? {} : { authorization: `Bearer ${f.tokens[role]}` },
    });
  const list = async (url: string) =>
    (await send('public', 'GET', url)).json<{ items: { factoryId: string }[]; total: number }>();

  it('lists a factory at its province and city tiers, each by the administrators that run them', async () => {
    // Shenzhen's factory A: the city lists it municipally, not provincially; Zhejiang not at all.
    for (const [role, tier, code] of [
      ['city4403', 'provincial', 'GM_FORBIDDEN'],
      ['province33', 'provincial', 'GM_FORBIDDEN'],
      ['province33', 'municipal', 'GM_FORBIDDEN'],
      ['enterpriseA', 'municipal', 'GM_FORBIDDEN'],
      ['agencyA', 'provincial', 'GM_FORBIDDEN'],
      ['public', 'provincial', 'GM_UNAUTHENTICATED'],
    ] as const) {
      const res = await send(role, 'POST', `/api/v1/tiers/${tier}/factories`, { factoryId: 'fac_a' });
      const body = res.json<{ code: string; details: { field?: unknown } }>();
      expect([body.code, typeof body.details.field], `${role} ${tier}`).toEqual([code, 'string']);
    }
    const provincial = await send('province44', 'POST', '/api/v1/tiers/provincial/factories', {
      factoryId: 'fac_a',
      listedOn: '2025-02-01',
    });
    expect(provincial.statusCode, provincial.body).toBe(201);
    expect(provincial.json()).toMatchObject({
      tier: 'provincial',
      factoryId: 'fac_a',
      enterpriseId: 'ent_a',
      regionCode: '440300',
      listedOn: '2025-02-01',
      removedOn: null,
    });
    const municipal = await send('city4403', 'POST', '/api/v1/tiers/municipal/factories', {
      factoryId: 'fac_a',
    });
    expect(municipal.json()).toMatchObject({ tier: 'municipal', listedOn: '2025-03-01' });
    expect(
      (await send('province44', 'POST', '/api/v1/tiers/provincial/factories', { factoryId: 'fac_a' })).json(),
    ).toMatchObject({ code: 'GM_CONFLICT', details: { field: 'factoryId' } });
    expect(
      (await send('national', 'POST', '/api/v1/tiers/provincial/factories', { factoryId: 'fac_b' }))
        .statusCode,
    ).toBe(201);

    // Published: anyone reads each tier, by province or city.
    expect((await list('/api/v1/tiers/provincial/factories')).total).toBe(2);
    const guangdong = await list('/api/v1/tiers/provincial/factories?region=440000');
    expect(guangdong.items.map((i) => i.factoryId)).toEqual(['fac_a']);
    expect((await list('/api/v1/tiers/municipal/factories?region=440300')).total).toBe(1);
    expect((await list('/api/v1/tiers/municipal/factories?region=330000')).total).toBe(0);
    const audit = await send('national', 'GET', '/api/v1/audit?pageSize=5');
    expect(audit.json<{ items: { action: string }[] }>().items.map((e) => e.action)).toContain(
      'tier.provincial.list',
    );
  });

  it('removes a listing with a removal trigger, within the region, once', async () => {
    const [listing] = (await list('/api/v1/tiers/provincial/factories?region=440000')).items as {
      id?: string;
    }[];
    const id = listing?.id ?? '';
    const url = `/api/v1/tiers/provincial/factories/${id}/removal`;
    expect((await send('province33', 'POST', url, { trigger: 'failed_spot_check' })).statusCode).toBe(403);
    expect((await send('province44', 'POST', url, { trigger: 'moon' })).json()).toMatchObject({
      code: 'GM_VALIDATION',
      details: { issues: [{ field: 'body.trigger' }] },
    });
    const removed = await send('province44', 'POST', url, { trigger: 'failed_spot_check' });
    expect(removed.json()).toMatchObject({ removedOn: '2025-03-01', removalTrigger: 'failed_spot_check' });
    expect((await send('province44', 'POST', url, { trigger: 'failed_spot_check' })).statusCode).toBe(409);
    expect((await list('/api/v1/tiers/provincial/factories?region=440000')).total).toBe(0);
    expect((await list('/api/v1/tiers/provincial/factories?region=440000&includeRemoved=true')).total).toBe(
      1,
    );
    expect(
      (
        await send('province44', 'POST', '/api/v1/tiers/municipal/factories/tier_nope/removal', {
          trigger: 'falsified_data',
        })
      ).json(),
    ).toMatchObject({ code: 'GM_NOT_FOUND', details: { field: 'id' } });
  });

  it('refuses a factory on the art. 15 negative list and a listing date in the future', async () => {
    await addNegativeListEntry(f.deps, f.principals.national, {
      enterpriseId: 'ent_a',
      reason: 'tax_violation',
      since: '2024-06-01',
    });
    expect(
      (await send('province44', 'POST', '/api/v1/tiers/provincial/factories', { factoryId: 'fac_a' })).json(),
    ).toMatchObject({ code: 'GM_NEGATIVE_LIST', details: { field: 'enterpriseId' } });
    expect(
      (
        await send('province33', 'POST', '/api/v1/tiers/municipal/factories', {
          factoryId: 'fac_b',
          listedOn: '2030-01-01',
        })
      ).json(),
    ).toMatchObject({ code: 'GM_VALIDATION', details: { issues: [{ field: 'listedOn' }] } });
  });
});

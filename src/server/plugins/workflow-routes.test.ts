import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../store/contract/test-backends.ts';
import { openProgrammeFixture, type ProgrammeFixture, type RoleKey } from '../testing/programme-fixture.ts';

describe.each(testBackends)('declaration workflow over HTTP on $name', (backend) => {
  let f: ProgrammeFixture;
  beforeAll(async () => {
    f = await openProgrammeFixture(backend);
  });
  afterAll(async () => {
    await f.close();
  });

  const call = async (
    role: RoleKey | null,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
  ) => {
    const res = await f.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: role ? { authorization: `Bearer ${f.tokens[role]}` } : {},
    });
    return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
  };

  it('runs a factory from application to the national list, then through dynamic management', async () => {
    const created = await call('enterpriseA', 'POST', '/api/v1/declarations', {
      unitKind: 'factory',
      unitName: 'Factory A1',
      roundYear: 2025,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'applied', regionCode: '440300', enterpriseId: 'ent_a' });
    const id = created.body.id as string;
    const step = (role: RoleKey, action: string, extra: object = {}) =>
      call(role, 'POST', `/api/v1/declarations/${id}/transitions`, { action, ...extra });

    expect((await step('city4403', 'admit_pool')).status).toBe(403);
    expect((await step('province33', 'admit_pool')).status).toBe(404);
    expect((await step('province44', 'admit_pool')).body.state).toBe('pool');

    const self = await call('enterpriseA', 'POST', `/api/v1/declarations/${id}/self-evaluation`, {
      facts: { energyPerUnit: 0.5 },
      note: 'first pass',
    });
    expect(self.status).toBe(200);
    expect(self.body.state).toBe('self_evaluated');
    expect((self.body.selfEvaluation as { factsHash: string }).factsHash).toMatch(/^[0-9a-f]{64}$/);

    const evidence = await call('enterpriseA', 'POST', `/api/v1/declarations/${id}/evidence`, {
      name: 'meter-report.txt',
      mediaType: 'text/plain',
      contentBase64: Buffer.from('abc').toString('base64'),
    });
    expect(evidence.status).toBe(201);
    expect(evidence.body.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');

    expect(
      (await call('enterpriseA', 'POST', `/api/v1/declarations/${id}/agency`, { agencyId: f.agencies.a }))
        .status,
    ).toBe(200);
    const signed = await call('agencyA', 'POST', `/api/v1/declarations/${id}/agency-evaluation`, {
      facts: { energyPerUnit: 0.5 },
      conclusion: 'pass',
    });
    expect(signed.body.state).toBe('agency_evaluated');
    expect((await step('city4403', 'recommend_municipal')).body.state).toBe('municipal_recommended');
    expect((await step('province44', 'recommend_provincial')).body.state).toBe('provincial_recommended');
    const notice = await step('national', 'approve_national');
    expect(notice.body).toMatchObject({
      state: 'public_notice',
      noticeStartsOn: '2025-03-01',
      noticeEndsOn: '2025-03-15',
    });

    const publicView = await call(null, 'GET', `/api/v1/declarations/${id}`);
    expect(publicView.status).toBe(200);
    expect(publicView.body.selfEvaluation).toBeUndefined();

    const objection = await call('enterpriseB', 'POST', `/api/v1/declarations/${id}/objections`, {
      text: 'data look wrong',
    });
    expect(objection.status).toBe(201);
    expect((await step('national', 'list')).status).toBe(409);
    f.clock.set('2025-03-16T02:00:00.000Z');
    expect((await step('national', 'list')).body).toMatchObject({ details: { openObjections: 1 } });
    const resolved = await call(
      'national',
      'POST',
      `/api/v1/declarations/${id}/objections/${objection.body.id as string}/resolution`,
      { outcome: 'dismissed', note: 'checked the meter data' },
    );
    expect(resolved.body.status).toBe('dismissed');
    expect((await step('national', 'list')).body.state).toBe('listed');

    f.clock.set('2026-01-20T02:00:00.000Z');
    const report = await call('enterpriseA', 'POST', `/api/v1/declarations/${id}/annual-reports`, {
      period: '2025',
      facts: { energyPerUnit: 0.48 },
    });
    expect(report.status).toBe(200);
    const early = await call('enterpriseA', 'POST', `/api/v1/declarations/${id}/annual-reports`, {
      period: '2026',
      facts: {},
    });
    expect(early.status).toBe(400);
    const events = await call('enterpriseA', 'GET', `/api/v1/declarations/${id}/events?pageSize=50`);
    const annual = (events.body.items as { kind: string; details: { late: boolean } }[]).find(
      (e) => e.kind === 'annual_report',
    );
    expect(annual?.details.late).toBe(true);

    const verify = await call('national', 'GET', '/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ ok: true });
  });
});

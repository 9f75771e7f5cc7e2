/**
 * The tamper-evident audit log: each entry's hash covers its content and the previous entry's hash
 * (a hash chain, as in Certificate Transparency's log or git's commits), so that editing or
 * deleting any entry breaks every later link. A separately stored head (last sequence number and
 * hash) catches deleting entries from the end, which a chain alone cannot.
 */
import { canonicalJson } from '../evaluation/facts-hash.ts';
import { sha256Text } from './sha256.ts';

export const genesisHash = '0'.repeat(64);

/** One state-changing request as the log records it: who, what, when, and the hashes of the record before and after. */
export interface AuditEntry {
  readonly at: string;
  readonly actorId: string | null;
  readonly actorRole: string;
  readonly action: string;
  readonly targetKind: string | null;
  readonly targetId: string | null;
  readonly enterpriseId: string | null;
  readonly beforeHash: string | null;
  readonly afterHash: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface SealedAuditEntry extends AuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/** The SHA-256 of a record's canonical JSON, used as the "before" and "after" hashes. */
export function stateHash(value: unknown): string | null {
  return value === null || value === undefined ? null : sha256Text(canonicalJson(value));
}

/** The hash of an entry given its sequence number and the previous hash. */
export function entryHash(entry: AuditEntry, seq: number, prevHash: string): string {
  return sha256Text(
    canonicalJson({
      seq,
      prevHash,
      at: entry.at,
      actorId: entry.actorId,
      actorRole: entry.actorRole,
      action: entry.action,
      targetKind: entry.targetKind,
      targetId: entry.targetId,
      enterpriseId: entry.enterpriseId,
      beforeHash: entry.beforeHash,
      afterHash: entry.afterHash,
      details: entry.details,
    }),
  );
}

/** Seals an entry onto the chain after the given head (null for the first entry). */
export function sealAuditEntry(head: ChainHead | null, entry: AuditEntry): SealedAuditEntry {
  const seq = head ? head.seq + 1 : 1;
  const prevHash = head ? head.hash : genesisHash;
  return { ...entry, seq, prevHash, hash: entryHash(entry, seq, prevHash) };
}

export type ChainProblemKind = 'edited' | 'broken_link' | 'missing' | 'head_mismatch';

export interface ChainProblem {
  readonly seq: number;
  readonly kind: ChainProblemKind;
  readonly message: string;
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly head: ChainHead | null;
  readonly problems: readonly ChainProblem[];
}

/**
 * An incremental verifier, so that a long log is checked page by page: push entries in sequence
 * order, then finish with the stored head.
 */
export function createChainVerifier(maxProblems = 100): {
  push: (entry: SealedAuditEntry) => void;
  finish: (storedHead: ChainHead | null) => ChainVerification;
} {
  const problems: ChainProblem[] = [];
  const report = (p: ChainProblem) => {
    if (problems.length < maxProblems) problems.push(p);
  };
  let last: ChainHead | null = null;
  let checked = 0;
  return {
    push(entry) {
      checked++;
      const expectedSeq = last ? last.seq + 1 : 1;
      if (entry.seq !== expectedSeq)
        report({
          seq: expectedSeq,
          kind: 'missing',
          message: `entries ${expectedSeq}..${entry.seq - 1} are missing`,
        });
      const expectedPrev = last ? last.hash : genesisHash;
      if (entry.prevHash !== expectedPrev)
        report({
          seq: entry.seq,
          kind: 'broken_link',
          message: `entry ${entry.seq} does not link to the entry before it`,
        });
      if (entryHash(entry, entry.seq, entry.prevHash) !== entry.hash)
        report({
          seq: entry.seq,
          kind: 'edited',
          message: `entry ${entry.seq} was changed after it was written`,
        });
      last = { seq: entry.seq, hash: entry.hash };
    },
    finish(storedHead) {
      if ((storedHead?.seq ?? 0) !== (last?.seq ?? 0) || (storedHead?.hash ?? null) !== (last?.hash ?? null))
        report({
          seq: storedHead?.seq ?? 0,
          kind: 'head_mismatch',
          message: `the log ends at entry ${last?.seq ?? 0} but the recorded head is entry ${storedHead?.seq ?? 0}`,
        });
      return { ok: problems.length === 0, checked, head: last, problems };
    },
  };
}

/** Verifies a whole chain held in memory against its stored head. */
export function verifyAuditChain(
  entries: Iterable<SealedAuditEntry>,
  storedHead: ChainHead | null,
): ChainVerification {
  const v = createChainVerifier();
  for (const e of entries) v.push(e);
  return v.finish(storedHead);
}

import { accountIdOf, type Principal } from '../../core/auth/principal.ts';
import { GmError } from '../../core/errors.ts';
import type {
  AuditLog,
  AuditQuery,
  Clock,
  Page,
  RunInTransaction,
  WorkflowTransactionPorts,
} from '../../core/ports.ts';
import {
  createChainVerifier,
  sealAuditEntry,
  stateHash,
  type ChainVerification,
  type SealedAuditEntry,
} from '../../core/workflow/audit-chain.ts';

/** What a state change looked like, for the audit log. */
export interface AuditChange {
  readonly action: string;
  readonly targetKind: string | null;
  readonly targetId: string | null;
  readonly enterpriseId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Appends one state change to the hash-chained audit log: who, what, when, and the hashes of the record before and after. */
export async function recordAudit(
  ports: { auditLog: AuditLog; clock: Clock },
  actor: Principal | { readonly kind: 'cli' },
  change: AuditChange,
): Promise<SealedAuditEntry> {
  const at = ports.clock.now().toISOString();
  return ports.auditLog.append((head) =>
    sealAuditEntry(head, {
      at,
      actorId: actor.kind === 'cli' ? null : accountIdOf(actor),
      actorRole: actor.kind === 'admin' ? `admin:${actor.level}` : actor.kind,
      action: change.action,
      targetKind: change.targetKind,
      targetId: change.targetId,
      enterpriseId: change.enterpriseId,
      beforeHash: stateHash(change.before),
      afterHash: stateHash(change.after),
      details: change.details ?? {},
    }),
  );
}

/**
 * Makes one state change and records it: `write` and the audit entry run in one transaction, so
 * the change is never stored without its entry, nor the entry without the change.
 */
export function auditedWrite(
  ports: { clock: Clock; transaction: RunInTransaction },
  actor: Principal | { readonly kind: 'cli' },
  write: (tx: WorkflowTransactionPorts) => Promise<unknown>,
  change: AuditChange,
): Promise<void> {
  return ports.transaction(async (tx) => {
    await write(tx);
    await recordAudit({ auditLog: tx.auditLog, clock: ports.clock }, actor, change);
  });
}

/** Walks the whole audit log page by page and checks every link, every entry's hash and the stored head. */
export async function verifyAudit(
  ports: { auditLog: AuditLog },
  pageSize = 1000,
): Promise<ChainVerification> {
  const verifier = createChainVerifier();
  // Read the head first: entries appended while we walk then simply lie beyond it.
  const head = await ports.auditLog.head();
  let seq = 0;
  for (;;) {
    const page = await ports.auditLog.after(seq, pageSize);
    for (const e of page) if (!head || e.seq <= head.seq) verifier.push(e);
    const last = page.at(-1);
    if (!last || page.length < pageSize || (head && last.seq >= head.seq)) break;
    seq = last.seq;
  }
  return verifier.finish(head);
}

/** Only national administrators read the whole audit log (it spans every tenant). */
function requireNationalAdmin(principal: Principal): void {
  if (principal.kind === 'public')
    throw new GmError('GM_UNAUTHENTICATED', 'Sign in to read the audit log', { field: 'authorization' });
  if (principal.kind !== 'admin' || principal.level !== 'national')
    throw new GmError('GM_FORBIDDEN', 'Only national administrators may read the audit log', {
      field: 'authorization',
      role: principal.kind,
    });
}

/** Lists audit entries, newest first, for a national administrator. */
export async function listAudit(
  ports: { auditLog: AuditLog },
  principal: Principal,
  query: AuditQuery,
): Promise<Page<SealedAuditEntry>> {
  requireNationalAdmin(principal);
  return ports.auditLog.list(query);
}

/** Verifies the audit chain on behalf of a national administrator. */
export async function verifyAuditAs(
  ports: { auditLog: AuditLog },
  principal: Principal,
): Promise<ChainVerification> {
  requireNationalAdmin(principal);
  return verifyAudit(ports);
}

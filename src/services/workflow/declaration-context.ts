import type { Principal } from '../../core/auth/principal.ts';
import { GmError } from '../../core/errors.ts';
import type {
  Accounts,
  AuditLog,
  Clock,
  Declarations,
  FactsEvaluator,
  NegativeList,
  RandomSource,
  RunInTransaction,
  WorkflowTransactionPorts,
} from '../../core/ports.ts';
import { addDays, chinaDateOf } from '../../core/workflow/civil-date.ts';
import type { Declaration } from '../../core/workflow/declaration.ts';
import { canSeeDeclaration, declarationNotFound } from '../../core/workflow/permissions.ts';
import { negativeListReasons, programmeRules } from '../../core/workflow/programme-rules.ts';
import { recordAudit } from './audit.ts';

/** The ports the declaration use cases draw on. */
export interface WorkflowPorts {
  readonly declarations: Declarations;
  readonly accounts: Accounts;
  readonly negativeList: NegativeList;
  readonly auditLog: AuditLog;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly evaluator: FactsEvaluator;
  /** One transaction for a change, its history event and its audit entry. */
  readonly transaction: RunInTransaction;
}

/** Today's date in China Standard Time, the programme's civil time. */
export function todayOf(clock: Clock): string {
  return chinaDateOf(clock.now().toISOString());
}

/** Loads a declaration the principal may see, or reports it as not found. */
export async function loadVisible(
  ports: Pick<WorkflowPorts, 'declarations'>,
  principal: Principal,
  id: string,
): Promise<Declaration> {
  const d = await ports.declarations.get(id);
  if (!d || !canSeeDeclaration(principal, d)) throw declarationNotFound(id);
  return d;
}

/** Refuses to proceed for an enterprise with an art. 15 situation in the past three years. */
export async function checkNegativeList(
  ports: Pick<WorkflowPorts, 'negativeList' | 'clock'>,
  enterpriseId: string | null,
): Promise<void> {
  if (enterpriseId === null) return;
  const today = todayOf(ports.clock);
  const since = addDays(today, -365 * programmeRules.negativeListLookbackYears.value);
  const entries = await ports.negativeList.activeFor(enterpriseId, since);
  if (entries.length)
    throw new GmError(
      'GM_NEGATIVE_LIST',
      `The enterprise is on the negative list: ${entries.map((e) => negativeListReasons[e.reason]).join('; ')}`,
      { field: 'enterpriseId', enterpriseId, reasons: entries.map((e) => e.reason) },
    );
}

/** What a declaration change records: the event kind and its details. */
export interface ChangeEvent {
  readonly kind: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Writes a new version of a declaration (a concurrent change is a conflict), appends the event to
 * its history and the change to the audit log, in one transaction: all three or none.
 */
export function saveChange(
  ports: Pick<WorkflowPorts, 'transaction' | 'clock' | 'random'>,
  principal: Principal,
  before: Declaration,
  change: Partial<Omit<Declaration, 'id' | 'version' | 'createdAt' | 'updatedAt'>>,
  event: ChangeEvent,
): Promise<Declaration> {
  return ports.transaction((tx) => writeChange(tx, ports, principal, before, change, event));
}

/** The writes of saveChange inside a transaction the caller holds (for checks that must share it). */
export async function writeChange(
  tx: Pick<WorkflowTransactionPorts, 'declarations' | 'auditLog'>,
  ports: Pick<WorkflowPorts, 'clock' | 'random'>,
  principal: Principal,
  before: Declaration,
  change: Partial<Omit<Declaration, 'id' | 'version' | 'createdAt' | 'updatedAt'>>,
  event: ChangeEvent,
): Promise<Declaration> {
  const at = ports.clock.now().toISOString();
  const after: Declaration = { ...before, ...change, updatedAt: at, version: before.version + 1 };
  if (!(await tx.declarations.update(after)))
    throw new GmError('GM_CONFLICT', 'The declaration was changed by someone else; reload and retry', {
      field: 'version',
      id: before.id,
    });
  await tx.declarations.addEvent({
    id: ports.random.id('dev'),
    declarationId: before.id,
    enterpriseId: before.enterpriseId,
    kind: event.kind,
    actorId: principal.kind === 'public' ? null : principal.accountId,
    at,
    details: { from: before.state, to: after.state, ...(event.details ?? {}) },
  });
  await recordAudit({ auditLog: tx.auditLog, clock: ports.clock }, principal, {
    action: `declaration.${event.kind}`,
    targetKind: 'declaration',
    targetId: before.id,
    enterpriseId: before.enterpriseId,
    before,
    after,
    details: event.details ?? {},
  });
  return after;
}

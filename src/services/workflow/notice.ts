import type { Principal } from '../../core/auth/principal.ts';
import { GmError, validationError } from '../../core/errors.ts';
import type { Objection, Page } from '../../core/ports.ts';
import { canSeeDetails, declarationNotFound } from '../../core/workflow/permissions.ts';
import { programmeRules } from '../../core/workflow/programme-rules.ts';
import { requireAccount } from '../auth/accounts.ts';
import { auditedWrite, recordAudit } from './audit.ts';
import { loadVisible, todayOf, writeChange, type WorkflowPorts } from './declaration-context.ts';

/** Lodges an objection during the 15-day public notice; any signed-in account may object. */
export async function lodgeObjection(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
  text: string,
): Promise<Objection> {
  requireAccount(principal, 'lodge an objection');
  const d = await loadVisible(ports, principal, id);
  if (d.state !== 'public_notice')
    throw new GmError('GM_INVALID_TRANSITION', 'Objections are lodged during the public notice only', {
      field: 'id',
      state: d.state,
    });
  const today = todayOf(ports.clock);
  if (d.noticeEndsOn !== null && today > d.noticeEndsOn)
    throw new GmError('GM_DEADLINE_PASSED', `The public notice ended on ${d.noticeEndsOn}`, {
      field: 'id',
      deadline: d.noticeEndsOn,
      source: programmeRules.publicNoticeDays.source,
    });
  if (!text.trim()) throw validationError([{ field: 'text', message: 'must not be blank' }], 'objection');
  const o: Objection = {
    id: ports.random.id('obj'),
    declarationId: d.id,
    enterpriseId: d.enterpriseId,
    lodgedBy: principal.accountId,
    lodgedAt: ports.clock.now().toISOString(),
    text: text.trim(),
    status: 'open',
    resolution: null,
    resolvedBy: null,
    resolvedAt: null,
  };
  await auditedWrite(ports, principal, (tx) => tx.declarations.addObjection(o), {
    action: 'objection.lodge',
    targetKind: 'objection',
    targetId: o.id,
    enterpriseId: d.enterpriseId,
    before: null,
    after: o,
  });
  return o;
}

/** A national administrator resolves an objection; an upheld objection rejects the declaration. */
export async function resolveObjection(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
  objectionId: string,
  input: { readonly outcome: 'upheld' | 'dismissed'; readonly note: string },
): Promise<Objection> {
  const d = await loadVisible(ports, principal, id);
  if (principal.kind !== 'admin' || principal.level !== 'national')
    throw new GmError('GM_FORBIDDEN', 'Only national administrators resolve objections', {
      field: 'objectionId',
      role: principal.kind,
    });
  const before = await ports.declarations.getObjection(objectionId);
  if (!before || before.declarationId !== d.id)
    throw new GmError('GM_NOT_FOUND', `No objection "${objectionId}" on this declaration`, {
      field: 'objectionId',
      id: objectionId,
    });
  if (!input.note.trim())
    throw validationError([{ field: 'note', message: 'must not be blank' }], 'resolution');
  const after: Objection = {
    ...before,
    status: input.outcome,
    resolution: input.note.trim(),
    resolvedBy: principal.accountId,
    resolvedAt: ports.clock.now().toISOString(),
  };
  // The resolution, its audit entry and (upheld) the rejection it causes: one transaction.
  await ports.transaction(async (tx) => {
    if (!(await tx.declarations.resolveObjection(after)))
      throw new GmError('GM_CONFLICT', 'The objection is already resolved', {
        field: 'objectionId',
        status: before.status,
      });
    await recordAudit({ auditLog: tx.auditLog, clock: ports.clock }, principal, {
      action: `objection.${input.outcome}`,
      targetKind: 'objection',
      targetId: after.id,
      enterpriseId: d.enterpriseId,
      before,
      after,
    });
    if (input.outcome === 'upheld' && d.state === 'public_notice')
      await writeChange(
        tx,
        ports,
        principal,
        d,
        { state: 'rejected' },
        {
          kind: 'reject',
          details: { reason: `objection upheld: ${after.resolution ?? ''}`, objectionId: after.id },
        },
      );
  });
  return after;
}

/** Lists a declaration's objections for those who may see its details. */
export async function listObjections(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
  page: number,
  pageSize: number,
): Promise<Page<Objection>> {
  const d = await loadVisible(ports, principal, id);
  if (!canSeeDetails(principal, d)) throw declarationNotFound(id);
  return ports.declarations.listObjections(id, page, pageSize);
}

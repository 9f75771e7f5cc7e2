/**
 * Role and region rules for declarations, as pure functions over a principal and a record. The
 * services call these before every read and write; the security matrix test drives them through
 * every route. A record the caller may not see is reported as not found, so that its existence
 * does not leak across an enterprise, park or region boundary.
 */
import { GmError } from '../errors.ts';
import { levelAtLeast, regionCovers, type Principal } from '../auth/principal.ts';
import { isPublished, reviewingLevel, type Declaration } from './declaration.ts';
import { transitions, type WorkflowAction } from './transitions.ts';

/** Whether the principal owns the declaration's unit (its enterprise, or its park). */
export function isOwner(p: Principal, d: Pick<Declaration, 'enterpriseId' | 'parkId'>): boolean {
  if (p.kind === 'enterprise') return d.enterpriseId !== null && d.enterpriseId === p.enterpriseId;
  if (p.kind === 'park_operator') return d.parkId !== null && d.parkId === p.parkId;
  return false;
}

/** Whether the principal may read a declaration at all. */
export function canSeeDeclaration(p: Principal, d: Declaration): boolean {
  switch (p.kind) {
    case 'public':
      return isPublished(d.state);
    case 'admin':
      return regionCovers(p.level, p.regionCode, d.regionCode);
    case 'agency':
      return d.agencyId === p.agencyId || isPublished(d.state);
    case 'enterprise':
    case 'park_operator':
      return isOwner(p, d) || isPublished(d.state);
  }
}

/** Whether the principal may see a declaration's full record (facts, evidence, objections), not only its published fields. */
export function canSeeDetails(p: Principal, d: Declaration): boolean {
  switch (p.kind) {
    case 'public':
      return false;
    case 'admin':
      return regionCovers(p.level, p.regionCode, d.regionCode);
    case 'agency':
      return d.agencyId === p.agencyId;
    case 'enterprise':
    case 'park_operator':
      return isOwner(p, d);
  }
}

/** The not-found error used for records outside the caller's reach (never a 403 that confirms existence). */
export function declarationNotFound(id: string): GmError {
  return new GmError('GM_NOT_FOUND', `No declaration with id "${id}"`, { field: 'id', id });
}

/**
 * Checks that a principal may take a workflow action on a declaration in its current state, and
 * throws the error to report otherwise: not found when the caller cannot see it, 403 when the role
 * or region does not allow the action, 409 when the state does not.
 */
export function authorizeAction(p: Principal, action: WorkflowAction, d: Declaration): void {
  if (!canSeeDeclaration(p, d)) throw declarationNotFound(d.id);
  const t = transitions[action];
  const allowed = t.actors.some((actor) => {
    switch (actor.kind) {
      case 'owner':
        return isOwner(p, d);
      case 'assigned_agency':
        return p.kind === 'agency' && d.agencyId === p.agencyId;
      case 'admin': {
        if (p.kind !== 'admin' || !actor.levels.includes(p.level)) return false;
        if (!regionCovers(p.level, p.regionCode, d.regionCode)) return false;
        if (action !== 'reject') return true;
        // Rejection belongs to the reviewer of the stage reached, or anyone above it.
        const stage = reviewingLevel(d.state);
        return stage !== null && levelAtLeast(p.level, stage);
      }
    }
  });
  if (!allowed)
    throw new GmError(
      'GM_FORBIDDEN',
      `The ${p.kind} role may not ${action.replace(/_/g, ' ')} this declaration`,
      {
        field: 'action',
        action,
        role: p.kind,
      },
    );
  if (!t.from.includes(d.state))
    throw new GmError(
      'GM_INVALID_TRANSITION',
      `Cannot ${action.replace(/_/g, ' ')} a declaration in state "${d.state}"`,
      { field: 'action', action, state: d.state, allowedFrom: t.from },
    );
}

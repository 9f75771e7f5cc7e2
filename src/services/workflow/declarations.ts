import { regionCovers, type Principal } from '../../core/auth/principal.ts';
import { GmError, validationError, type FieldIssue } from '../../core/errors.ts';
import type { DeclarationQuery, Page } from '../../core/ports.ts';
import { addDays } from '../../core/workflow/civil-date.ts';
import {
  type DeclarableKind,
  type Declaration,
  type DeclarationState,
} from '../../core/workflow/declaration.ts';
import { authorizeAction, canSeeDetails } from '../../core/workflow/permissions.ts';
import {
  programmeRules,
  recommendationDeadline,
  removalTriggers,
  type RemovalTrigger,
} from '../../core/workflow/programme-rules.ts';
import { workflowActions, type WorkflowAction } from '../../core/workflow/transitions.ts';
import { regionPrefixOf, requireAccount } from '../auth/accounts.ts';
import { recordAudit } from './audit.ts';
import {
  checkNegativeList,
  loadVisible,
  saveChange,
  todayOf,
  type WorkflowPorts,
} from './declaration-context.ts';

/** What a unit (or its province on its behalf) supplies to enter the programme. */
export interface NewDeclaration {
  readonly unitKind: DeclarableKind;
  readonly unitName: string;
  readonly unitId?: string;
  readonly regionCode?: string;
  readonly roundYear: number;
  readonly enterpriseId?: string;
  readonly parkId?: string;
}

/** The fields of a declaration everyone may read once it is published (notice and list). */
export type PublicDeclaration = Pick<
  Declaration,
  | 'id'
  | 'unitKind'
  | 'unitName'
  | 'regionCode'
  | 'provinceCode'
  | 'roundYear'
  | 'state'
  | 'noticeStartsOn'
  | 'noticeEndsOn'
>;

/** A declaration as the caller may see it, with the actions the caller could take next. */
export type DeclarationView = (Declaration | PublicDeclaration) & {
  readonly actions: readonly WorkflowAction[];
};

/** The published fields only. */
export function publicView(d: Declaration): PublicDeclaration {
  return {
    id: d.id,
    unitKind: d.unitKind,
    unitName: d.unitName,
    regionCode: d.regionCode,
    provinceCode: d.provinceCode,
    roundYear: d.roundYear,
    state: d.state,
    noticeStartsOn: d.noticeStartsOn,
    noticeEndsOn: d.noticeEndsOn,
  };
}

/** The actions a principal could take on a declaration now (for a console to offer). */
export function allowedActions(principal: Principal, d: Declaration): WorkflowAction[] {
  return workflowActions.filter((a) => {
    try {
      authorizeAction(principal, a, d);
      return true;
    } catch {
      return false;
    }
  });
}

/** Presents a declaration as the principal may see it. */
export function viewOf(principal: Principal, d: Declaration): DeclarationView {
  const actions = allowedActions(principal, d);
  return canSeeDetails(principal, d) ? { ...d, actions } : { ...publicView(d), actions };
}

/**
 * Opens a declaration. An enterprise user or park operator applies for its own unit (state
 * `applied`, to be admitted to the cultivation pool by its province); a province or national
 * administrator may put a unit straight into the pool (art. 6).
 */
export async function createDeclaration(
  ports: WorkflowPorts,
  principal: Principal,
  input: NewDeclaration,
): Promise<DeclarationView> {
  requireAccount(principal, 'declare a unit');
  const issues: FieldIssue[] = [];
  const today = todayOf(ports.clock);
  const year = Number(today.slice(0, 4));
  if (input.roundYear < year || input.roundYear > year + 1)
    issues.push({ field: 'roundYear', message: `must be ${year} or ${year + 1}`, value: input.roundYear });
  if (!input.unitName.trim()) issues.push({ field: 'unitName', message: 'must not be blank' });
  let enterpriseId: string | null = null;
  let parkId: string | null = null;
  let state: DeclarationState = 'applied';
  if (principal.kind === 'enterprise') {
    if (input.unitKind === 'park')
      issues.push({ field: 'unitKind', message: 'parks are declared by their operator' });
    if (input.enterpriseId && input.enterpriseId !== principal.enterpriseId)
      throw new GmError('GM_FORBIDDEN', 'An enterprise user declares only its own enterprise', {
        field: 'enterpriseId',
        role: principal.kind,
      });
    enterpriseId = principal.enterpriseId;
  } else if (principal.kind === 'park_operator') {
    if (input.unitKind !== 'park')
      issues.push({ field: 'unitKind', message: 'a park operator declares its park' });
    if (input.parkId && input.parkId !== principal.parkId)
      throw new GmError('GM_FORBIDDEN', 'A park operator declares only its own park', {
        field: 'parkId',
        role: principal.kind,
      });
    parkId = principal.parkId;
  } else if (principal.kind === 'admin' && principal.level !== 'city') {
    state = 'pool';
    if (input.unitKind === 'park') {
      if (!input.parkId) issues.push({ field: 'parkId', message: 'is required for a park' });
      parkId = input.parkId ?? null;
    } else {
      if (!input.enterpriseId)
        issues.push({ field: 'enterpriseId', message: 'is required for a factory or supply chain' });
      enterpriseId = input.enterpriseId ?? null;
    }
  } else {
    throw new GmError('GM_FORBIDDEN', `The ${principal.kind} role may not open declarations`, {
      field: 'authorization',
      role: principal.kind,
    });
  }
  let regionCode = input.regionCode ?? null;
  if (enterpriseId !== null && !issues.length) {
    const region = await ports.accounts.enterpriseRegion(enterpriseId);
    if (!region)
      issues.push({ field: 'enterpriseId', message: 'names no registered enterprise', value: enterpriseId });
    else regionCode ??= region.regionCode ?? region.provinceCode;
  }
  if (parkId !== null && !issues.length && !regionCode) {
    const park = await ports.accounts.parkRegion(parkId);
    regionCode = park?.regionCode ?? park?.provinceCode ?? null;
    if (!regionCode && principal.kind === 'park_operator') {
      const own = await ports.accounts.get(principal.accountId);
      regionCode = own?.regionCode ?? null;
    }
  }
  if (!regionCode)
    issues.push({ field: 'regionCode', message: 'is required (the unit has no registered region)' });
  if (issues.length) throw validationError(issues, 'declaration');
  const region = regionCode ?? '';
  if (principal.kind === 'admin' && !regionCovers(principal.level, principal.regionCode, region))
    throw new GmError('GM_FORBIDDEN', 'The unit lies outside your region', {
      field: 'regionCode',
      role: principal.kind,
    });
  await checkNegativeList(ports, enterpriseId);
  const now = ports.clock.now().toISOString();
  const d: Declaration = {
    id: ports.random.id('dcl'),
    enterpriseId,
    parkId,
    unitKind: input.unitKind,
    unitId: input.unitId ?? null,
    unitName: input.unitName.trim(),
    regionCode: region,
    provinceCode: `${region.slice(0, 2)}0000`,
    roundYear: input.roundYear,
    state,
    agencyId: null,
    selfEvaluation: null,
    agencyEvaluation: null,
    noticeStartsOn: null,
    noticeEndsOn: null,
    recheckRequired: false,
    removalTrigger: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  // The declaration, its first event and its audit entry: one transaction.
  await ports.transaction(async (tx) => {
    await tx.declarations.create(d);
    await tx.declarations.addEvent({
      id: ports.random.id('dev'),
      declarationId: d.id,
      enterpriseId,
      kind: state === 'pool' ? 'admit_pool' : 'apply',
      actorId: principal.accountId,
      at: now,
      details: { to: state },
    });
    await recordAudit({ auditLog: tx.auditLog, clock: ports.clock }, principal, {
      action: 'declaration.create',
      targetKind: 'declaration',
      targetId: d.id,
      enterpriseId,
      before: null,
      after: d,
    });
  });
  return viewOf(principal, d);
}

/** Reads one declaration as the caller may see it. */
export async function getDeclaration(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
): Promise<DeclarationView> {
  return viewOf(principal, await loadVisible(ports, principal, id));
}

/** Lists the declarations the caller may see: its own, its region's, its assignments, and published ones. */
export async function listDeclarations(
  ports: Pick<WorkflowPorts, 'declarations'>,
  principal: Principal,
  query: Omit<DeclarationQuery, 'scope'>,
): Promise<Page<DeclarationView>> {
  const published: DeclarationState[] = ['public_notice', 'listed'];
  let scope: DeclarationQuery['scope'];
  switch (principal.kind) {
    case 'public':
      scope = { states: published };
      break;
    case 'admin': {
      const prefix = regionPrefixOf(principal);
      scope = prefix === undefined ? {} : { regionPrefix: prefix };
      break;
    }
    case 'agency':
      scope = { agencyId: principal.agencyId, orStates: published };
      break;
    case 'enterprise':
      scope = { enterpriseId: principal.enterpriseId, orStates: published };
      break;
    case 'park_operator':
      scope = { parkId: principal.parkId, orStates: published };
      break;
  }
  const page = await ports.declarations.list({ ...query, scope });
  return { ...page, items: page.items.map((d) => viewOf(principal, d)) };
}

/** A state-changing action of the review route, with its reason where one is needed. */
export interface TransitionInput {
  readonly action: Exclude<WorkflowAction, 'self_evaluate' | 'assign_agency' | 'agency_evaluate'>;
  readonly reason?: string;
  readonly trigger?: RemovalTrigger;
}

/**
 * Takes a review action on a declaration: admission to the pool, municipal and provincial
 * recommendation (by 31 July), national approval (which opens the 15-day public notice), listing
 * (after the notice, with no open objection), rejection, withdrawal, removal (with its trigger).
 */
export async function applyTransition(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
  input: TransitionInput,
): Promise<DeclarationView> {
  const d = await loadVisible(ports, principal, id);
  authorizeAction(principal, input.action, d);
  const today = todayOf(ports.clock);
  const next = (
    to: DeclarationState,
    extra: Partial<Declaration> = {},
    details: Record<string, unknown> = {},
  ) =>
    saveChange(
      ports,
      principal,
      d,
      { state: to, ...extra },
      {
        kind: input.action,
        details: { ...(input.reason ? { reason: input.reason } : {}), ...details },
      },
    ).then((after) => viewOf(principal, after));
  switch (input.action) {
    case 'admit_pool':
    case 'recommend_municipal':
      await checkNegativeList(ports, d.enterpriseId);
      return next(input.action === 'admit_pool' ? 'pool' : 'municipal_recommended');
    case 'recommend_provincial': {
      await checkNegativeList(ports, d.enterpriseId);
      const deadline = recommendationDeadline(d.roundYear);
      if (today > deadline)
        throw new GmError(
          'GM_DEADLINE_PASSED',
          `National candidates of round ${d.roundYear} had to be recommended by ${deadline}`,
          {
            field: 'roundYear',
            deadline,
            source: programmeRules.provincialRecommendationBy.source,
          },
        );
      return next('provincial_recommended');
    }
    case 'approve_national': {
      await checkNegativeList(ports, d.enterpriseId);
      const endsOn = addDays(today, programmeRules.publicNoticeDays.value - 1);
      return next('public_notice', { noticeStartsOn: today, noticeEndsOn: endsOn }, { noticeEndsOn: endsOn });
    }
    case 'list': {
      await checkNegativeList(ports, d.enterpriseId);
      if (d.noticeEndsOn !== null && today <= d.noticeEndsOn)
        throw new GmError('GM_INVALID_TRANSITION', `The public notice runs until ${d.noticeEndsOn}`, {
          field: 'action',
          action: 'list',
          state: d.state,
          noticeEndsOn: d.noticeEndsOn,
        });
      const open = await ports.declarations.countOpenObjections(d.id);
      if (open > 0)
        throw new GmError('GM_INVALID_TRANSITION', `${open} objection(s) are still open`, {
          field: 'action',
          action: 'list',
          state: d.state,
          openObjections: open,
        });
      return next('listed');
    }
    case 'reject':
    case 'withdraw':
      if (input.action === 'reject' && !input.reason?.trim())
        throw validationError([{ field: 'reason', message: 'is required to reject' }], 'transition');
      return next(input.action === 'reject' ? 'rejected' : 'withdrawn');
    case 'remove': {
      if (!input.trigger || !(input.trigger in removalTriggers))
        throw validationError(
          [{ field: 'trigger', message: `is required: one of ${Object.keys(removalTriggers).join(', ')}` }],
          'transition',
        );
      return next('removed', { removalTrigger: input.trigger }, { trigger: input.trigger });
    }
  }
}

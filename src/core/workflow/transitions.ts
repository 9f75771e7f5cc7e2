/**
 * The declaration state machine as data: for each action, the states it leaves from, the state it
 * reaches and who may take it, following 工信部节〔2024〕13号 (arts. 6, 10, 13) and the 2025
 * notice (a third-party report is no longer required, so recommendation may follow a self-evaluation).
 */
import type { AdminLevel } from '../auth/principal.ts';
import type { DeclarationState } from './declaration.ts';

export type WorkflowAction =
  | 'admit_pool'
  | 'self_evaluate'
  | 'assign_agency'
  | 'agency_evaluate'
  | 'recommend_municipal'
  | 'recommend_provincial'
  | 'approve_national'
  | 'list'
  | 'reject'
  | 'withdraw'
  | 'remove';

/** Who may take an action: the unit's owner, its assigned agency, or an administrator of a level covering its region. */
export type Actor =
  | { readonly kind: 'owner' }
  | { readonly kind: 'assigned_agency' }
  | { readonly kind: 'admin'; readonly levels: readonly AdminLevel[] };

export interface Transition {
  readonly action: WorkflowAction;
  readonly from: readonly DeclarationState[];
  /** The state reached; null when the state stays (assign_agency, a repeated self-evaluation). */
  readonly to: DeclarationState | null;
  readonly actors: readonly Actor[];
  readonly rule: string;
}

const beforeNotice: readonly DeclarationState[] = [
  'applied',
  'pool',
  'self_evaluated',
  'agency_evaluated',
  'municipal_recommended',
  'provincial_recommended',
];

export const transitions: Readonly<Record<WorkflowAction, Transition>> = Object.freeze({
  admit_pool: {
    action: 'admit_pool',
    from: ['applied'],
    to: 'pool',
    actors: [{ kind: 'admin', levels: ['province', 'national'] }],
    rule: 'art. 6: provinces put units with potential into the cultivation pool',
  },
  self_evaluate: {
    action: 'self_evaluate',
    from: ['pool', 'self_evaluated'],
    to: 'self_evaluated',
    actors: [{ kind: 'owner' }],
    rule: 'art. 10: the unit evaluates itself, with facts and evidence',
  },
  assign_agency: {
    action: 'assign_agency',
    from: ['pool', 'self_evaluated'],
    to: null,
    actors: [{ kind: 'owner' }],
    rule: 'art. 10: or it hires a capable third party',
  },
  agency_evaluate: {
    action: 'agency_evaluate',
    from: ['self_evaluated'],
    to: 'agency_evaluated',
    actors: [{ kind: 'assigned_agency' }],
    rule: 'art. 10 and art. 20: a third-party evaluation, within the agency cap',
  },
  recommend_municipal: {
    action: 'recommend_municipal',
    from: ['self_evaluated', 'agency_evaluated'],
    to: 'municipal_recommended',
    actors: [{ kind: 'admin', levels: ['city', 'province'] }],
    rule: 'municipal review and recommendation (a province may act where it has no municipal tier)',
  },
  recommend_provincial: {
    action: 'recommend_provincial',
    from: ['municipal_recommended'],
    to: 'provincial_recommended',
    actors: [{ kind: 'admin', levels: ['province'] }],
    rule: 'provinces recommend national candidates by 31 July',
  },
  approve_national: {
    action: 'approve_national',
    from: ['provincial_recommended'],
    to: 'public_notice',
    actors: [{ kind: 'admin', levels: ['national'] }],
    rule: 'MIIT reviews with experts, then publicises the result for 15 days',
  },
  list: {
    action: 'list',
    from: ['public_notice'],
    to: 'listed',
    actors: [{ kind: 'admin', levels: ['national'] }],
    rule: 'after the notice, with every objection resolved, the unit is listed',
  },
  reject: {
    action: 'reject',
    from: beforeNotice.concat(['public_notice']),
    to: 'rejected',
    actors: [{ kind: 'admin', levels: ['city', 'province', 'national'] }],
    rule: 'a reviewer at or above the stage reached may reject',
  },
  withdraw: {
    action: 'withdraw',
    from: beforeNotice,
    to: 'withdrawn',
    actors: [{ kind: 'owner' }],
    rule: 'the unit may withdraw before the public notice',
  },
  remove: {
    action: 'remove',
    from: ['listed'],
    to: 'removed',
    actors: [{ kind: 'admin', levels: ['national'] }],
    rule: 'MIIT removes units that no longer qualify (removal triggers)',
  },
});

export const workflowActions = Object.keys(transitions) as WorkflowAction[];

/** The transitions open from a state, for showing a user what can happen next. */
export function actionsFrom(state: DeclarationState): WorkflowAction[] {
  return workflowActions.filter((a) => transitions[a].from.includes(state));
}

/**
 * A declaration: one unit's way from its province's cultivation pool to the national green
 * manufacturing list, and its annual dynamic management once listed (工信部节〔2024〕13号).
 */
import type { AdminLevel } from '../auth/principal.ts';

export type DeclarableKind = 'factory' | 'park' | 'supply_chain';

export const declarableKinds: readonly DeclarableKind[] = ['factory', 'park', 'supply_chain'];

export const declarationStates = [
  'applied',
  'pool',
  'self_evaluated',
  'agency_evaluated',
  'municipal_recommended',
  'provincial_recommended',
  'public_notice',
  'listed',
  'rejected',
  'withdrawn',
  'removed',
] as const;

export type DeclarationState = (typeof declarationStates)[number];

/** A self-evaluation or an agency evaluation: the facts, and the engine's result when a standard was named. */
export interface EvaluationRecord {
  readonly standard: string | null;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly factsHash: string;
  readonly total: number | null;
  readonly pass: string | null;
  readonly rating: string | null;
  readonly conclusion: 'pass' | 'fail' | null;
  readonly note: string | null;
  readonly by: string;
  readonly at: string;
  /** The agency that signed it, for agency evaluations. */
  readonly agencyId?: string;
}

export interface Declaration {
  readonly id: string;
  /** The tenant: the enterprise behind a factory or supply chain declaration; null for a park's. */
  readonly enterpriseId: string | null;
  /** The park, for park declarations. */
  readonly parkId: string | null;
  readonly unitKind: DeclarableKind;
  /** The registry unit when the unit is already on a list (a re-declaration); null for a new candidate. */
  readonly unitId: string | null;
  readonly unitName: string;
  readonly regionCode: string;
  readonly provinceCode: string;
  readonly roundYear: number;
  readonly state: DeclarationState;
  readonly agencyId: string | null;
  readonly selfEvaluation: EvaluationRecord | null;
  readonly agencyEvaluation: EvaluationRecord | null;
  readonly noticeStartsOn: string | null;
  readonly noticeEndsOn: string | null;
  readonly recheckRequired: boolean;
  readonly removalTrigger: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Optimistic concurrency: every change increments it, and a stale write is a conflict. */
  readonly version: number;
}

/** Something that happened to a declaration, kept in order as its history. */
export interface DeclarationEvent {
  readonly id: string;
  readonly declarationId: string;
  readonly enterpriseId: string | null;
  readonly kind: string;
  readonly actorId: string | null;
  readonly at: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Which administrator level reviews a declaration in a given state (who may reject it there). */
export function reviewingLevel(state: DeclarationState): AdminLevel | null {
  switch (state) {
    case 'applied':
    case 'pool':
    case 'self_evaluated':
    case 'agency_evaluated':
      return 'city';
    case 'municipal_recommended':
      return 'province';
    case 'provincial_recommended':
    case 'public_notice':
      return 'national';
    case 'listed':
    case 'rejected':
    case 'withdrawn':
    case 'removed':
      return null;
  }
}

/** Whether a state is final for the declaration route (a new round needs a new declaration). */
export function isClosed(state: DeclarationState): boolean {
  return state === 'rejected' || state === 'withdrawn' || state === 'removed';
}

/** Whether the public may see a declaration: during its public notice and once listed. */
export function isPublished(state: DeclarationState): boolean {
  return state === 'public_notice' || state === 'listed';
}

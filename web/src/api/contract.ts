/**
 * The HTTP API's contract as the console reads it. Registry records and pages come straight from
 * src/core (pure types); the statistics shape mirrors src/services/stats.ts (ProgrammeStats),
 * because web may import core and the API's types but never services (docs/ARCHITECTURE.md).
 */
import type {
  Account,
  Agency,
  NegativeListEntry,
  Objection,
  Page,
  UnitsByKey,
} from '../../../src/core/ports.ts';
import { negativeListReasons, type NegativeListReason } from '../../../src/core/workflow/programme-rules.ts';
import type {
  Factory,
  Industry,
  Park,
  Product,
  Region,
  SupplyChainEnterprise,
} from '../../../src/core/registry/types.ts';
import type { Principal } from '../../../src/core/auth/principal.ts';
import type {
  DeclarableKind,
  Declaration,
  DeclarationEvent,
  DeclarationState,
  EvaluationRecord,
} from '../../../src/core/workflow/declaration.ts';
import type { WorkflowAction } from '../../../src/core/workflow/transitions.ts';

export type { Factory, Industry, Page, Park, Product, Region, SupplyChainEnterprise, UnitsByKey };
export type {
  Account,
  Agency,
  DeclarableKind,
  Declaration,
  DeclarationEvent,
  DeclarationState,
  EvaluationRecord,
  NegativeListEntry,
  NegativeListReason,
  Objection,
  Principal,
  WorkflowAction,
};

/** The art. 15 situations, in the order of the measures (the negative-list form offers them so). */
export const negativeListReasonKeys = Object.keys(negativeListReasons) as NegativeListReason[];

export interface ProvinceCounts extends UnitsByKey {
  readonly provinceCode: string | null;
  readonly name: string | null;
}

export interface BatchCounts extends UnitsByKey {
  readonly batch: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly published: string | null;
}

/** GET /api/v1/stats */
export interface ProgrammeStats extends UnitsByKey {
  readonly enterprises: number;
  readonly byProvince: readonly ProvinceCounts[];
  readonly byBatch: readonly BatchCounts[];
}

/** The body of every API error (docs/errors.md). */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Query parameters of the four list endpoints. */
export interface ListParams {
  readonly q?: string;
  readonly province?: string;
  readonly batch?: string;
  readonly sort?: 'name' | 'batch' | 'province';
  readonly order?: 'asc' | 'desc';
  readonly page?: number;
  readonly pageSize?: number;
}

/**
 * A declaration as the API shows it to the caller (mirrors DeclarationView in
 * src/services/workflow/declarations.ts): the full record to those who may see it, the published
 * fields to everyone else, and the actions the caller could take next.
 */
export type DeclarationView = (
  | Declaration
  | Pick<
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
    >
) & { readonly actions: readonly WorkflowAction[] };

/** Whether the caller sees the full record of a declaration (not only its published fields). */
export const isFullDeclaration = (d: DeclarationView): d is Declaration & { actions: WorkflowAction[] } =>
  'version' in d;

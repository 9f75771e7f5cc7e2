import type { Kysely } from 'kysely';
import type {
  Accounts,
  ApiTokens,
  AuditLog,
  Declarations,
  NegativeList,
  Sessions,
} from '../../core/ports.ts';
import type { Database } from '../schema.ts';
import { createAccounts, createApiTokens, createSessions } from './accounts.ts';
import { createAuditLog } from './audit.ts';
import { createDeclarations, createNegativeList } from './declarations.ts';

/** The workflow's repositories (accounts, sessions, tokens, declarations, negative list, audit log). */
export interface WorkflowStore {
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly apiTokens: ApiTokens;
  readonly declarations: Declarations;
  readonly negativeList: NegativeList;
  readonly auditLog: AuditLog;
}

/** Wires the workflow's repositories over one database. */
export function createWorkflowStore(db: Kysely<Database>, kind: 'sqlite' | 'postgres'): WorkflowStore {
  return {
    accounts: createAccounts(db),
    sessions: createSessions(db),
    apiTokens: createApiTokens(db),
    declarations: createDeclarations(db),
    negativeList: createNegativeList(db),
    auditLog: createAuditLog(db, kind),
  };
}

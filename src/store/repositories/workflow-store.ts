import type { Kysely } from 'kysely';
import type {
  Accounts,
  ApiTokens,
  AuditLog,
  Declarations,
  NegativeList,
  RunInTransaction,
  Sessions,
  TierListings,
} from '../../core/ports.ts';
import type { Database } from '../schema.ts';
import { createAccounts, createApiTokens, createSessions } from './accounts.ts';
import { createAuditLog } from './audit.ts';
import { createDeclarations, createNegativeList } from './declarations.ts';
import { createTierListings } from './tier-listings.ts';

/** The workflow's repositories (accounts, sessions, tokens, declarations, negative list, audit log). */
export interface WorkflowStore {
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly apiTokens: ApiTokens;
  readonly declarations: Declarations;
  readonly negativeList: NegativeList;
  readonly auditLog: AuditLog;
  readonly tierListings: TierListings;
  readonly transaction: RunInTransaction;
}

/** Wires the workflow's repositories over one database. */
export function createWorkflowStore(db: Kysely<Database>, kind: 'sqlite' | 'postgres'): WorkflowStore {
  return {
    accounts: createAccounts(db),
    sessions: createSessions(db),
    apiTokens: createApiTokens(db),
    declarations: createDeclarations(db, kind),
    negativeList: createNegativeList(db),
    auditLog: createAuditLog(db, kind),
    tierListings: createTierListings(db),
    // The same repositories over one transaction (Kysely hands every query of `work` the same
    // connection; on SQLite its one connection is held, so transactions run one at a time).
    transaction: (work) =>
      db.transaction().execute((trx) =>
        work({
          declarations: createDeclarations(trx, kind),
          auditLog: createAuditLog(trx, kind),
          accounts: createAccounts(trx),
          negativeList: createNegativeList(trx),
          tierListings: createTierListings(trx),
          sessions: createSessions(trx),
          apiTokens: createApiTokens(trx),
        }),
      ),
  };
}

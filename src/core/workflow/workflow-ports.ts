/**
 * Ports for accounts, sessions, API tokens, declarations, the negative list and the audit log.
 * Repositories in src/store implement them with queries and row mapping only; every rule about
 * who may do what lives in core (permissions.ts) and the services.
 */
import type { AdminLevel, RoleName } from '../auth/principal.ts';
import type { Page, SortOrder } from '../ports.ts';
import type { ChainHead, SealedAuditEntry } from './audit-chain.ts';
import type { Declaration, DeclarationEvent, DeclarationState } from './declaration.ts';
import type { NegativeListReason } from './programme-rules.ts';
import type { LocalTier, TierListing } from './tier-listing.ts';

export interface Account {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: RoleName;
  readonly adminLevel: AdminLevel | null;
  readonly regionCode: string | null;
  readonly enterpriseId: string | null;
  readonly parkId: string | null;
  readonly agencyId: string | null;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface AccountWithSecret extends Account {
  readonly passwordHash: string;
}

/** Which accounts a list returns: the service sets the scope from the caller's role and region. */
export interface AccountQuery {
  readonly q?: string;
  readonly role?: RoleName;
  /** Only accounts whose region code starts with this prefix (a province's two digits, a city's four). */
  readonly regionPrefix?: string;
  readonly sort?: 'email' | 'createdAt' | 'role';
  readonly order?: SortOrder;
  readonly page: number;
  readonly pageSize: number;
}

export interface Agency {
  readonly id: string;
  readonly name: string;
  readonly legalRepresentative: string;
  readonly createdAt: string;
}

export interface Accounts {
  /** Inserts an account; an e-mail address already taken is a GM_CONFLICT naming the field. */
  readonly create: (account: AccountWithSecret) => Promise<void>;
  readonly findByEmail: (email: string) => Promise<AccountWithSecret | undefined>;
  readonly get: (id: string) => Promise<Account | undefined>;
  readonly list: (query: AccountQuery) => Promise<Page<Account>>;
  readonly setDisabled: (id: string, disabled: boolean) => Promise<void>;
  readonly countAll: () => Promise<number>;
  readonly createAgency: (agency: Agency) => Promise<void>;
  readonly getAgency: (id: string) => Promise<Agency | undefined>;
  readonly listAgencies: (query: {
    readonly q?: string;
    readonly order?: SortOrder;
    readonly page: number;
    readonly pageSize: number;
  }) => Promise<Page<Agency>>;
  /** The enterprise's region, or undefined when no such enterprise is registered. */
  readonly enterpriseRegion: (
    enterpriseId: string,
  ) => Promise<{ readonly regionCode: string | null; readonly provinceCode: string | null } | undefined>;
  /** The park's region, or undefined when no such park is registered. */
  readonly parkRegion: (
    parkId: string,
  ) => Promise<{ readonly regionCode: string | null; readonly provinceCode: string | null } | undefined>;
}

export interface StoredSession {
  readonly idHash: string;
  readonly accountId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface Sessions {
  readonly create: (session: StoredSession) => Promise<void>;
  readonly find: (idHash: string) => Promise<StoredSession | undefined>;
  readonly delete: (idHash: string) => Promise<void>;
  readonly deleteExpired: (now: string) => Promise<number>;
}

export interface ApiToken {
  readonly id: string;
  readonly accountId: string;
  readonly enterpriseId: string | null;
  readonly name: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface ApiTokens {
  readonly create: (token: ApiToken & { readonly tokenHash: string }) => Promise<void>;
  readonly findByHash: (tokenHash: string) => Promise<ApiToken | undefined>;
  readonly listFor: (accountId: string) => Promise<ApiToken[]>;
  /** Revokes one of the account's tokens; false when it has no such live token. */
  readonly revoke: (id: string, accountId: string, at: string) => Promise<boolean>;
}

/** Which declarations a list returns: scope fields are set by the service from the caller. */
export interface DeclarationQuery {
  readonly q?: string;
  readonly state?: DeclarationState;
  readonly roundYear?: number;
  readonly unitKind?: Declaration['unitKind'];
  readonly scope: {
    readonly enterpriseId?: string;
    readonly parkId?: string;
    readonly agencyId?: string;
    readonly regionPrefix?: string;
    /** Restrict to these states (the public sees notices and listings only). */
    readonly states?: readonly DeclarationState[];
    /** Either owned/assigned by the scope above, or in one of these states (published). */
    readonly orStates?: readonly DeclarationState[];
  };
  readonly sort?: 'unitName' | 'createdAt' | 'updatedAt' | 'state' | 'roundYear';
  readonly order?: SortOrder;
  readonly page: number;
  readonly pageSize: number;
}

export interface EvidenceFile {
  readonly id: string;
  readonly declarationId: string;
  readonly enterpriseId: string | null;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

export interface Objection {
  readonly id: string;
  readonly declarationId: string;
  readonly enterpriseId: string | null;
  readonly lodgedBy: string;
  readonly lodgedAt: string;
  readonly text: string;
  readonly status: 'open' | 'upheld' | 'dismissed';
  readonly resolution: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
}

export interface Declarations {
  readonly create: (d: Declaration) => Promise<void>;
  readonly get: (id: string) => Promise<Declaration | undefined>;
  readonly list: (query: DeclarationQuery) => Promise<Page<Declaration>>;
  /** Writes a new version if the stored one is still `next.version - 1`; false on a concurrent change. */
  readonly update: (next: Declaration) => Promise<boolean>;
  readonly addEvent: (e: DeclarationEvent) => Promise<void>;
  readonly events: (declarationId: string, page: number, pageSize: number) => Promise<Page<DeclarationEvent>>;
  /** National evaluations signed in a year by agencies under one legal representative. */
  readonly countAgencyEvaluations: (legalRepresentative: string, year: number) => Promise<number>;
  /**
   * Inside a transaction: holds the agencies of one legal representative until it ends, so that
   * two evaluations under one representative count and write one after the other (art. 20 cap).
   */
  readonly lockAgencyCap: (legalRepresentative: string) => Promise<void>;
  readonly addEvidence: (file: EvidenceFile & { readonly contentBase64: string }) => Promise<void>;
  readonly listEvidence: (
    declarationId: string,
    page: number,
    pageSize: number,
  ) => Promise<Page<EvidenceFile>>;
  readonly addObjection: (o: Objection) => Promise<void>;
  readonly getObjection: (id: string) => Promise<Objection | undefined>;
  readonly resolveObjection: (o: Objection) => Promise<boolean>;
  readonly listObjections: (
    declarationId: string,
    page: number,
    pageSize: number,
  ) => Promise<Page<Objection>>;
  readonly countOpenObjections: (declarationId: string) => Promise<number>;
}

export interface NegativeListEntry {
  readonly id: string;
  readonly enterpriseId: string;
  readonly reason: NegativeListReason;
  readonly note: string | null;
  /** When the situation arose; it counts for three years (art. 15). */
  readonly since: string;
  readonly addedBy: string;
  readonly addedAt: string;
}

export interface NegativeList {
  readonly add: (entry: NegativeListEntry) => Promise<void>;
  /** Entries for an enterprise that arose on or after a date. */
  readonly activeFor: (enterpriseId: string, sinceOnOrAfter: string) => Promise<NegativeListEntry[]>;
  readonly list: (query: {
    readonly enterpriseId?: string;
    readonly order?: SortOrder;
    readonly page: number;
    readonly pageSize: number;
  }) => Promise<Page<NegativeListEntry>>;
}

export interface AuditQuery {
  readonly actorId?: string;
  readonly targetId?: string;
  readonly action?: string;
  readonly order?: SortOrder;
  readonly page: number;
  readonly pageSize: number;
}

export interface AuditLog {
  /**
   * Appends one entry atomically: reads the head under a lock, lets `seal` build the sealed entry
   * from it, writes the entry and the new head in one transaction (the caller's, when it is bound
   * to one: see RunInTransaction).
   */
  readonly append: (seal: (head: ChainHead | null) => SealedAuditEntry) => Promise<SealedAuditEntry>;
  readonly head: () => Promise<ChainHead | null>;
  /** Entries in sequence order after a sequence number, for verification page by page. */
  readonly after: (seq: number, limit: number) => Promise<SealedAuditEntry[]>;
  readonly list: (query: AuditQuery) => Promise<Page<SealedAuditEntry>>;
}

/** Filters for the provincial and municipal listings. */
export interface TierListingQuery {
  readonly tier: LocalTier;
  /** GB/T 2260 prefix: two digits for a province, four for a city. */
  readonly regionPrefix?: string;
  readonly q?: string;
  /** Removed listings too (default: the current ones only). */
  readonly includeRemoved?: boolean;
  readonly page: number;
  readonly pageSize: number;
}

/** Provincial and municipal listings of green factories. */
export interface TierListings {
  readonly add: (listing: TierListing) => Promise<void>;
  readonly get: (id: string) => Promise<TierListing | undefined>;
  /** The current (not removed) listing of a factory at a tier, if any. */
  readonly currentOf: (tier: LocalTier, factoryId: string) => Promise<TierListing | undefined>;
  readonly list: (query: TierListingQuery) => Promise<Page<TierListing>>;
  /** Writes a new version (false when the stored version moved on: a concurrent change). */
  readonly update: (listing: TierListing) => Promise<boolean>;
}

/** The repositories a use case writes together, bound to one database transaction. */
export interface WorkflowTransactionPorts {
  readonly declarations: Declarations;
  readonly auditLog: AuditLog;
  readonly accounts: Accounts;
  readonly negativeList: NegativeList;
  readonly tierListings: TierListings;
  readonly sessions: Sessions;
  readonly apiTokens: ApiTokens;
}

/**
 * Runs `work` in one database transaction: a record, its history event and its audit entry land
 * together or not at all (an error thrown by `work` rolls every write back).
 */
export type RunInTransaction = <T>(work: (tx: WorkflowTransactionPorts) => Promise<T>) => Promise<T>;

/** Password hashing (argon2id at the edge; a fast fake in unit tests). */
export interface PasswordHasher {
  readonly hash: (password: string) => Promise<string>;
  readonly verify: (hash: string, password: string) => Promise<boolean>;
}

/** Randomness from outside core: secrets and ids. */
export interface RandomSource {
  readonly bytes: (n: number) => Uint8Array;
  readonly id: (prefix: string) => string;
}

/** What a self- or agency evaluation asks the evaluation engine. */
export interface FactsEvaluationRequest {
  /** `id@version` of an indicator system, e.g. `GB/T 36132@2025`. */
  readonly standard: string;
  readonly unitKind: 'factory' | 'park' | 'supply_chain';
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  readonly facts: Readonly<Record<string, unknown>>;
}

/** The part of an evaluation result a declaration keeps: reproducible from the standard version and the facts hash. */
export interface FactsEvaluationSummary {
  readonly standard: string;
  readonly factsHash: string;
  readonly total: number | null;
  readonly pass: string;
  readonly rating: string | null;
}

/** The evaluation engine as the workflow sees it: pluggable, so the workflow does not depend on how results are computed. */
export interface FactsEvaluator {
  readonly evaluate: (request: FactsEvaluationRequest) => FactsEvaluationSummary;
}

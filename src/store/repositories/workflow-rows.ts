import type { AdminLevel, RoleName } from '../../core/auth/principal.ts';
import type { SealedAuditEntry } from '../../core/workflow/audit-chain.ts';
import type {
  DeclarableKind,
  Declaration,
  DeclarationEvent,
  DeclarationState,
  EvaluationRecord,
} from '../../core/workflow/declaration.ts';
import type { NegativeListReason } from '../../core/workflow/programme-rules.ts';
import type {
  Account,
  AccountWithSecret,
  Agency,
  ApiToken,
  EvidenceFile,
  NegativeListEntry,
  Objection,
} from '../../core/workflow/workflow-ports.ts';
import type {
  AccountsTable,
  AgenciesTable,
  ApiTokensTable,
  AuditLogTable,
  DeclarationEventsTable,
  DeclarationsTable,
  EvidenceFilesTable,
  NegativeListTable,
  ObjectionsTable,
} from '../schema-workflow.ts';

// Row mapping for the workflow tables, in one place (STYLE.md, habit 9).

const parseJson = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

/** Maps an accounts row to the domain record (with the password hash, which never leaves the services). */
export function accountFromRow(r: AccountsTable): AccountWithSecret {
  return { ...publicAccountFromRow(r), passwordHash: r.password_hash };
}

/** Maps an accounts row to the account as it may leave the store's callers (no password hash). */
export function publicAccountFromRow(r: AccountsTable): Account {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role as RoleName,
    adminLevel: r.admin_level as AdminLevel | null,
    regionCode: r.region_code,
    enterpriseId: r.enterprise_id,
    parkId: r.park_id,
    agencyId: r.agency_id,
    disabled: Number(r.disabled) === 1,
    createdAt: r.created_at,
  };
}

/** Maps an account to its row. */
export function accountToRow(a: AccountWithSecret): AccountsTable {
  return {
    id: a.id,
    email: a.email,
    display_name: a.displayName,
    password_hash: a.passwordHash,
    role: a.role,
    admin_level: a.adminLevel,
    region_code: a.regionCode,
    enterprise_id: a.enterpriseId,
    park_id: a.parkId,
    agency_id: a.agencyId,
    disabled: a.disabled ? 1 : 0,
    created_at: a.createdAt,
  };
}

/** Maps an agencies row. */
export function agencyFromRow(r: AgenciesTable): Agency {
  return { id: r.id, name: r.name, legalRepresentative: r.legal_representative, createdAt: r.created_at };
}

/** Maps an API token row (without its hash). */
export function apiTokenFromRow(r: ApiTokensTable): ApiToken {
  return {
    id: r.id,
    accountId: r.account_id,
    enterpriseId: r.enterprise_id,
    name: r.name,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

/** Maps a declarations row. */
export function declarationFromRow(r: DeclarationsTable): Declaration {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    parkId: r.park_id,
    unitKind: r.unit_kind as DeclarableKind,
    unitId: r.unit_id,
    unitName: r.unit_name,
    regionCode: r.region_code,
    provinceCode: r.province_code,
    roundYear: Number(r.round_year),
    state: r.state as DeclarationState,
    agencyId: r.agency_id,
    selfEvaluation: parseJson<EvaluationRecord>(r.self_evaluation),
    agencyEvaluation: parseJson<EvaluationRecord>(r.agency_evaluation),
    noticeStartsOn: r.notice_starts_on,
    noticeEndsOn: r.notice_ends_on,
    recheckRequired: Number(r.recheck_required) === 1,
    removalTrigger: r.removal_trigger,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

/** Maps a declaration to its row; the agency's evaluation year is kept in a column for the art. 20 count. */
export function declarationToRow(d: Declaration): DeclarationsTable {
  return {
    id: d.id,
    enterprise_id: d.enterpriseId,
    park_id: d.parkId,
    unit_kind: d.unitKind,
    unit_id: d.unitId,
    unit_name: d.unitName,
    region_code: d.regionCode,
    province_code: d.provinceCode,
    round_year: d.roundYear,
    state: d.state,
    agency_id: d.agencyId,
    self_evaluation: d.selfEvaluation === null ? null : JSON.stringify(d.selfEvaluation),
    agency_evaluation: d.agencyEvaluation === null ? null : JSON.stringify(d.agencyEvaluation),
    agency_evaluated_year: d.agencyEvaluation === null ? null : Number(d.agencyEvaluation.at.slice(0, 4)),
    notice_starts_on: d.noticeStartsOn,
    notice_ends_on: d.noticeEndsOn,
    recheck_required: d.recheckRequired ? 1 : 0,
    removal_trigger: d.removalTrigger,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    version: d.version,
  };
}

/** Maps a declaration event row. */
export function eventFromRow(r: DeclarationEventsTable): DeclarationEvent {
  return {
    id: r.id,
    declarationId: r.declaration_id,
    enterpriseId: r.enterprise_id,
    kind: r.kind,
    actorId: r.actor_id,
    at: r.at,
    details: JSON.parse(r.details) as Record<string, unknown>,
  };
}

/** Maps an evidence file row (metadata only). */
export function evidenceFromRow(r: Omit<EvidenceFilesTable, 'content_base64'>): EvidenceFile {
  return {
    id: r.id,
    declarationId: r.declaration_id,
    enterpriseId: r.enterprise_id,
    name: r.name,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
  };
}

/** Maps an objection row. */
export function objectionFromRow(r: ObjectionsTable): Objection {
  return {
    id: r.id,
    declarationId: r.declaration_id,
    enterpriseId: r.enterprise_id,
    lodgedBy: r.lodged_by,
    lodgedAt: r.lodged_at,
    text: r.text,
    status: r.status as Objection['status'],
    resolution: r.resolution,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
  };
}

/** Maps a negative list row. */
export function negativeFromRow(r: NegativeListTable): NegativeListEntry {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    reason: r.reason as NegativeListReason,
    note: r.note,
    since: r.since,
    addedBy: r.added_by,
    addedAt: r.added_at,
  };
}

/** Maps an audit log row. */
export function auditFromRow(r: AuditLogTable): SealedAuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    action: r.action,
    targetKind: r.target_kind,
    targetId: r.target_id,
    enterpriseId: r.enterprise_id,
    beforeHash: r.before_hash,
    afterHash: r.after_hash,
    details: JSON.parse(r.details) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Maps a sealed audit entry to its row. */
export function auditToRow(e: SealedAuditEntry): AuditLogTable {
  return {
    seq: e.seq,
    at: e.at,
    actor_id: e.actorId,
    actor_role: e.actorRole,
    action: e.action,
    target_kind: e.targetKind,
    target_id: e.targetId,
    enterprise_id: e.enterpriseId,
    before_hash: e.beforeHash,
    after_hash: e.afterHash,
    details: JSON.stringify(e.details),
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

/** Whether a driver error is a unique-key violation (SQLite or PostgreSQL). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The SQL LIKE pattern for a substring search, with LIKE's wildcards escaped. */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

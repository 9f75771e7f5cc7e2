/** Tables of accounts, declarations and the audit log (migration 0004-workflow), as Kysely types. */
export interface AgenciesTable {
  id: string;
  name: string;
  legal_representative: string;
  created_at: string;
}

export interface AccountsTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  admin_level: string | null;
  region_code: string | null;
  enterprise_id: string | null;
  park_id: string | null;
  agency_id: string | null;
  /** 1 when disabled (SQLite has no boolean). */
  disabled: number;
  created_at: string;
}

export interface SessionsTable {
  id_hash: string;
  account_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  account_id: string;
  enterprise_id: string | null;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface DeclarationsTable {
  id: string;
  enterprise_id: string | null;
  park_id: string | null;
  unit_kind: string;
  unit_id: string | null;
  unit_name: string;
  region_code: string;
  province_code: string;
  round_year: number;
  state: string;
  agency_id: string | null;
  self_evaluation: string | null;
  agency_evaluation: string | null;
  agency_evaluated_year: number | null;
  notice_starts_on: string | null;
  notice_ends_on: string | null;
  recheck_required: number;
  removal_trigger: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface DeclarationEventsTable {
  id: string;
  declaration_id: string;
  enterprise_id: string | null;
  kind: string;
  actor_id: string | null;
  at: string;
  details: string;
}

export interface EvidenceFilesTable {
  id: string;
  declaration_id: string;
  enterprise_id: string | null;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  content_base64: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface ObjectionsTable {
  id: string;
  declaration_id: string;
  enterprise_id: string | null;
  lodged_by: string;
  lodged_at: string;
  text: string;
  status: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

export interface NegativeListTable {
  id: string;
  enterprise_id: string;
  reason: string;
  note: string | null;
  since: string;
  added_by: string;
  added_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_role: string;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  enterprise_id: string | null;
  before_hash: string | null;
  after_hash: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface TierListingsTable {
  id: string;
  tier: string;
  factory_id: string;
  factory_name: string;
  enterprise_id: string;
  region_code: string;
  province_code: string;
  listed_on: string;
  listed_by: string;
  removed_on: string | null;
  removal_trigger: string | null;
  version: number;
}

export interface WorkflowTables {
  agencies: AgenciesTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  declarations: DeclarationsTable;
  declaration_events: DeclarationEventsTable;
  evidence_files: EvidenceFilesTable;
  objections: ObjectionsTable;
  negative_list: NegativeListTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  tier_listings: TierListingsTable;
}

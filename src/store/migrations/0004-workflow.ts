import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Accounts, sessions, API tokens, agencies, declarations with their events, evidence and
 * objections, the negative list and the hash-chained audit log. Every tenant-owned row carries
 * enterprise_id (null where the tenant is a park or the programme itself).
 */
export const workflowMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('agencies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('legal_representative', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('admin_level', 'text')
      .addColumn('region_code', 'text')
      .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
      .addColumn('park_id', 'text')
      .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('enterprise_id', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createTable('declarations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text')
      .addColumn('park_id', 'text')
      .addColumn('unit_kind', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text')
      .addColumn('unit_name', 'text', (c) => c.notNull())
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('round_year', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
      .addColumn('self_evaluation', 'text')
      .addColumn('agency_evaluation', 'text')
      .addColumn('agency_evaluated_year', 'integer')
      .addColumn('notice_starts_on', 'text')
      .addColumn('notice_ends_on', 'text')
      .addColumn('recheck_required', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('removal_trigger', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('declarations_enterprise')
      .on('declarations')
      .column('enterprise_id')
      .execute();
    await db.schema.createIndex('declarations_region').on('declarations').column('region_code').execute();
    await db.schema
      .createTable('declaration_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('declaration_id', 'text', (c) => c.notNull().references('declarations.id'))
      .addColumn('enterprise_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('declaration_events_declaration')
      .on('declaration_events')
      .columns(['declaration_id', 'at'])
      .execute();
    await db.schema
      .createTable('evidence_files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('declaration_id', 'text', (c) => c.notNull().references('declarations.id'))
      .addColumn('enterprise_id', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('content_base64', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('objections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('declaration_id', 'text', (c) => c.notNull().references('declarations.id'))
      .addColumn('enterprise_id', 'text')
      .addColumn('lodged_by', 'text', (c) => c.notNull())
      .addColumn('lodged_at', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('resolution', 'text')
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_at', 'text')
      .execute();
    await db.schema
      .createTable('negative_list')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('since', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text')
      .addColumn('target_id', 'text')
      .addColumn('enterprise_id', 'text')
      .addColumn('before_hash', 'text')
      .addColumn('after_hash', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    // The head is kept apart from the log so that deleting the last entries is detected too.
    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    // One head row from the start, so that appends lock an existing row (SELECT … FOR UPDATE).
    await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const t of [
      'audit_head',
      'audit_log',
      'negative_list',
      'objections',
      'evidence_files',
      'declaration_events',
      'declarations',
      'api_tokens',
      'sessions',
      'accounts',
      'agencies',
    ])
      await db.schema.dropTable(t).execute();
  },
};

import {
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  type Kysely,
  type TableMetadata,
} from 'kysely';
import pg from 'pg';

/** Connections a pool holds when the configuration names no size (GREENMFG_DATABASE_POOL_SIZE). */
export const defaultPoolSize = 10;

interface ColumnRow {
  table: string;
  schema: string;
  table_type: string;
  column: string;
  not_null: boolean;
  has_default: boolean;
  type: string;
  type_schema: string;
  column_description: string | null;
  auto_incrementing: boolean;
}

/**
 * Introspection of the current schema only. Kysely's own introspector reads every schema in the
 * database and resolves each by name (has_schema_privilege, pg_get_serial_sequence), so a schema
 * dropped while it runs fails the query with invalid_schema_name; its migrator introspects before
 * it takes its lock, so one tenant's or test's schema going away broke another's migration. This
 * one filters on current_schema() and resolves nothing by name (oids only).
 */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;
  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  async getSchemas() {
    const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(this.#db);
    return rows.map((r) => ({ name: r.name }));
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const internal = options.withInternalKyselyTables
      ? sql``
      : sql`and c.relname not in ('kysely_migration', 'kysely_migration_lock')`;
    const { rows } = await sql<ColumnRow>`
      select c.relname as table, ns.nspname as schema, c.relkind as table_type,
        a.attname as column, a.attnotnull as not_null, a.atthasdef as has_default,
        typ.typname as type, dtns.nspname as type_schema,
        col_description(a.attrelid, a.attnum) as column_description,
        (a.attidentity <> '' or exists (select 1 from pg_depend d join pg_class s on s.oid = d.objid
          where s.relkind = 'S' and d.refobjid = c.oid and d.refobjsubid = a.attnum)) as auto_incrementing
      from pg_catalog.pg_attribute a
      join pg_catalog.pg_class c on a.attrelid = c.oid
      join pg_catalog.pg_namespace ns on c.relnamespace = ns.oid
      join pg_catalog.pg_type typ on a.atttypid = typ.oid
      join pg_catalog.pg_namespace dtns on typ.typnamespace = dtns.oid
      where ns.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
        and a.attnum >= 0 and not a.attisdropped ${internal}
      order by c.relname, a.attnum`.execute(this.#db);
    const tables = new Map<string, { table: TableMetadata; columns: TableMetadata['columns'][number][] }>();
    for (const r of rows) {
      let entry = tables.get(r.table);
      if (!entry) {
        const columns: TableMetadata['columns'][number][] = [];
        entry = {
          table: { name: r.table, schema: r.schema, isView: r.table_type === 'v', columns },
          columns,
        };
        tables.set(r.table, entry);
      }
      entry.columns.push({
        name: r.column,
        dataType: r.type,
        dataTypeSchema: r.type_schema,
        isNullable: !r.not_null,
        hasDefaultValue: r.has_default,
        isAutoIncrementing: r.auto_incrementing,
        ...(r.column_description === null ? {} : { comment: r.column_description }),
      });
    }
    return [...tables.values()].map((e) => e.table);
  }

  async getMetadata(options?: DatabaseMetadataOptions) {
    return { tables: await this.getTables(options) };
  }
}

/** PostgreSQL whose introspection sees the current schema only (see CurrentSchemaIntrospector). */
class SchemaScopedPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

/**
 * The server-scale registry: a pooled PostgreSQL connection. The pool opens connections as they
 * are needed, up to `poolSize`; a query beyond that waits for a free one.
 */
export function createPostgresDialect(url: string, poolSize = defaultPoolSize): { dialect: PostgresDialect } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  return { dialect: new SchemaScopedPostgresDialect({ pool }) };
}

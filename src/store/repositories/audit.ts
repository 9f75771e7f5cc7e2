import type { Kysely } from 'kysely';
import type { AuditLog } from '../../core/ports.ts';
import type { Database } from '../schema.ts';
import { auditFromRow, auditToRow } from './workflow-rows.ts';

/**
 * The hash-chained audit log. Appends lock the head row (SELECT … FOR UPDATE on PostgreSQL; SQLite
 * serialises writers on its one connection), so concurrent requests never fork the chain.
 */
export function createAuditLog(db: Kysely<Database>, kind: 'sqlite' | 'postgres'): AuditLog {
  const readHead = async (trx: Kysely<Database>, lock: boolean) => {
    let q = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
    if (lock && kind === 'postgres') q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && Number(row.seq) > 0 ? { seq: Number(row.seq), hash: row.hash } : null;
  };
  return {
    append(seal) {
      const write = async (trx: Kysely<Database>) => {
        const entry = seal(await readHead(trx, true));
        await trx.insertInto('audit_log').values(auditToRow(entry)).execute();
        await trx
          .updateTable('audit_head')
          .set({ seq: entry.seq, hash: entry.hash })
          .where('id', '=', 1)
          .execute();
        return entry;
      };
      // Bound to a caller's transaction (a declaration change with its audit entry): write in it.
      return db.isTransaction ? write(db) : db.transaction().execute(write);
    },
    head: () => readHead(db, false),
    async after(seq, limit) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', seq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(auditFromRow);
    },
    async list(query) {
      let base = db.selectFrom('audit_log');
      if (query.actorId) base = base.where('actor_id', '=', query.actorId);
      if (query.targetId) base = base.where('target_id', '=', query.targetId);
      if (query.action) base = base.where('action', '=', query.action);
      const total = Number(
        (await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst())?.n ?? 0,
      );
      const rows = await base
        .selectAll()
        .orderBy('seq', query.order ?? 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return { items: rows.map(auditFromRow), total, page: query.page, pageSize: query.pageSize };
    },
  };
}

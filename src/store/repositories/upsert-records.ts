import type { Transaction } from 'kysely';
import type { ImportOutcome } from '../../core/ports.ts';
import type { Database } from '../schema.ts';

type TableWithId = { [K in keyof Database]: Database[K] extends { id: string } ? K : never }[keyof Database];

const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/**
 * Inserts rows that are new, updates rows whose columns changed and leaves identical rows alone,
 * so that importing the same list twice changes nothing and says so.
 */
export async function upsertRecords(
  trx: Transaction<Database>,
  table: TableWithId,
  rows: readonly (Record<string, unknown> & { id: string })[],
): Promise<ImportOutcome> {
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  for (const part of chunk(rows, 500)) {
    const existing = await trx
      .selectFrom(table)
      .selectAll()
      .where(
        'id',
        'in',
        part.map((r) => r.id),
      )
      .execute();
    const byId = new Map(existing.map((e) => [(e as { id: string }).id, e as Record<string, unknown>]));
    const fresh: (typeof rows)[number][] = [];
    for (const row of part) {
      const old = byId.get(row.id);
      if (!old) {
        fresh.push(row);
        continue;
      }
      const changed = Object.keys(row).some((k) => (old[k] ?? null) !== (row[k] ?? null));
      if (!changed) {
        unchanged++;
        continue;
      }
      // Each table's row shape is checked where the rows are built; Kysely cannot follow the union here.
      await trx
        .updateTable(table)
        .set(row as never)
        .where('id', '=', row.id)
        .execute();
      updated++;
    }
    if (fresh.length > 0) {
      await trx.insertInto(table).values(fresh).execute();
      inserted += fresh.length;
    }
  }
  return { inserted, updated, unchanged };
}

import type { Kysely } from 'kysely';
import type { OperatingYearRecord, OperatingYears } from '../../core/ports.ts';
import type { Database } from '../schema.ts';
import { insertChunked } from './insert-chunked.ts';

/** Operating years by unit: queries and row mapping only. */
export function createOperatingYears(db: Kysely<Database>): OperatingYears {
  return {
    async count() {
      const row = await db
        .selectFrom('operating_years')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async replaceAll(records) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('operating_years').where('simulated', '=', 1).execute();
        await insertChunked(
          trx,
          'operating_years',
          records.map((r) => ({
            id: r.id,
            enterprise_id: r.enterpriseId,
            unit_kind: r.unitKind,
            unit_id: r.unitId,
            year: r.year,
            simulated: r.simulated ? 1 : 0,
            seed: r.seed,
            data: JSON.stringify(r.data),
          })),
        );
      });
    },
    async ofUnit(unitKind, unitId) {
      const rows = await db
        .selectFrom('operating_years')
        .selectAll()
        .where('unit_kind', '=', unitKind)
        .where('unit_id', '=', unitId)
        .orderBy('year')
        .execute();
      return rows.map((r): OperatingYearRecord => ({
        id: r.id,
        enterpriseId: r.enterprise_id,
        unitKind: r.unit_kind as OperatingYearRecord['unitKind'],
        unitId: r.unit_id,
        year: Number(r.year),
        simulated: Number(r.simulated) === 1,
        seed: r.seed,
        data: JSON.parse(r.data) as Record<string, unknown>,
      }));
    },
    async allOfKind(unitKind, year) {
      const rows = await db
        .selectFrom('operating_years')
        .select(['unit_id', 'data'])
        .where('unit_kind', '=', unitKind)
        .where('year', '=', year)
        .orderBy('unit_id')
        .execute();
      return rows.map((r) => ({ unitId: r.unit_id, data: JSON.parse(r.data) as Record<string, unknown> }));
    },
  };
}

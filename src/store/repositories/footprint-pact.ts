import type { Kysely } from 'kysely';
import type { PactFootprintRepository } from '../../core/footprint/footprint-ports.ts';
import type { ProductFootprintV3 } from '../../core/pact/product-footprint.ts';
import type { Database } from '../schema.ts';

const parse = (body: string, status: string): ProductFootprintV3 => ({
  ...(JSON.parse(body) as ProductFootprintV3),
  status: status as ProductFootprintV3['status'],
});

/** Published PACT footprints over Kysely; the body is the footprint's JSON, the status a column (it changes). */
export function createPactFootprintRepository(db: Kysely<Database>): PactFootprintRepository {
  return {
    async list() {
      const rows = await db
        .selectFrom('pact_footprints')
        .selectAll()
        .orderBy('created')
        .orderBy('id')
        .execute();
      return rows.map((r) => parse(r.body, r.status));
    },
    async get(id) {
      const r = await db.selectFrom('pact_footprints').selectAll().where('id', '=', id).executeTakeFirst();
      return r === undefined ? undefined : parse(r.body, r.status);
    },
    async activeByProduct() {
      const rows = await db
        .selectFrom('pact_footprints')
        .selectAll()
        .where('status', '=', 'Active')
        .orderBy('created')
        .execute();
      return new Map(rows.map((r) => [r.product_id, parse(r.body, r.status)]));
    },
    async publish(added, deprecated) {
      await db.transaction().execute(async (trx) => {
        if (deprecated.length > 0)
          await trx
            .updateTable('pact_footprints')
            .set({ status: 'Deprecated' })
            .where('id', 'in', deprecated)
            .execute();
        for (const a of added) {
          await trx
            .insertInto('pact_footprints')
            .values({
              id: a.footprint.id,
              enterprise_id: a.enterpriseId,
              product_id: a.productId,
              status: a.footprint.status,
              created: a.footprint.created,
              footprint: Number(a.footprint.pcf.pcfExcludingBiogenicUptake),
              body: JSON.stringify(a.footprint),
            })
            .execute();
        }
      });
    },
  };
}

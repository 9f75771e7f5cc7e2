import type { Kysely, Selectable } from 'kysely';
import type { TierListings } from '../../core/ports.ts';
import type { TierRemovalTrigger } from '../../core/benchmark/tiers.ts';
import type { LocalTier, TierListing } from '../../core/workflow/tier-listing.ts';
import type { Database } from '../schema.ts';
import type { TierListingsTable } from '../schema-workflow.ts';

const fromRow = (r: Selectable<TierListingsTable>): TierListing => ({
  id: r.id,
  tier: r.tier as LocalTier,
  factoryId: r.factory_id,
  factoryName: r.factory_name,
  enterpriseId: r.enterprise_id,
  regionCode: r.region_code,
  provinceCode: r.province_code,
  listedOn: r.listed_on,
  listedBy: r.listed_by,
  removedOn: r.removed_on,
  removalTrigger: r.removal_trigger as TierRemovalTrigger | null,
  version: Number(r.version),
});

const toRow = (l: TierListing): TierListingsTable => ({
  id: l.id,
  tier: l.tier,
  factory_id: l.factoryId,
  factory_name: l.factoryName,
  enterprise_id: l.enterpriseId,
  region_code: l.regionCode,
  province_code: l.provinceCode,
  listed_on: l.listedOn,
  listed_by: l.listedBy,
  removed_on: l.removedOn,
  removal_trigger: l.removalTrigger,
  version: l.version,
});

/** Provincial and municipal listings: queries and row mapping. */
export function createTierListings(db: Kysely<Database>): TierListings {
  return {
    async add(l) {
      await db.insertInto('tier_listings').values(toRow(l)).execute();
    },
    async get(id) {
      const row = await db.selectFrom('tier_listings').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },
    async currentOf(tier, factoryId) {
      const row = await db
        .selectFrom('tier_listings')
        .selectAll()
        .where('tier', '=', tier)
        .where('factory_id', '=', factoryId)
        .where('removed_on', 'is', null)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async list(q) {
      let base = db.selectFrom('tier_listings').where('tier', '=', q.tier);
      if (q.regionPrefix) base = base.where('region_code', 'like', `${q.regionPrefix}%`);
      if (q.q) base = base.where('factory_name', 'like', `%${q.q}%`);
      if (!q.includeRemoved) base = base.where('removed_on', 'is', null);
      const total = Number(
        (await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst())?.n ?? 0,
      );
      const rows = await base
        .selectAll()
        .orderBy('region_code')
        .orderBy('factory_name')
        .orderBy('id')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute();
      return { items: rows.map(fromRow), total, page: q.page, pageSize: q.pageSize };
    },
    async update(l) {
      const res = await db
        .updateTable('tier_listings')
        .set(toRow(l))
        .where('id', '=', l.id)
        .where('version', '=', l.version - 1)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
  };
}

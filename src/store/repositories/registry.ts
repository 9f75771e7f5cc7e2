import { sql, type Kysely } from 'kysely';
import type {
  ImportOutcome,
  ListImport,
  Page,
  Registry,
  RegistryCounts,
  UnitQuery,
  UnitsByKey,
} from '../../core/ports.ts';
import type { Database } from '../schema.ts';
import {
  enterpriseFromRow,
  enterpriseToRow,
  eventFromRow,
  eventToRow,
  factoryFromRow,
  factoryToRow,
  parkFromRow,
  parkToRow,
  productFromRow,
  productToRow,
  supplyChainFromRow,
  supplyChainToRow,
} from './registry-rows.ts';
import { upsertRecords } from './upsert-records.ts';

type PlacedTable = 'factories' | 'parks' | 'supply_chain_enterprises' | 'products';

const countKeys: Record<PlacedTable, keyof UnitsByKey> = {
  factories: 'factories',
  supply_chain_enterprises: 'supplyChainEnterprises',
  parks: 'parks',
  products: 'products',
};

const add = (a: ImportOutcome, b: ImportOutcome): ImportOutcome => ({
  inserted: a.inserted + b.inserted,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
});

const zero = (): { -readonly [K in keyof UnitsByKey]: number } => ({
  factories: 0,
  supplyChainEnterprises: 0,
  parks: 0,
  products: 0,
});

/** The registry of listed units, on either backend. Queries and row mapping only. */
export function createRegistry(db: Kysely<Database>): Registry {
  const listPlaced = async <R, T>(
    table: PlacedTable,
    query: UnitQuery,
    map: (row: R) => T,
  ): Promise<Page<T>> => {
    let base = db.selectFrom(table);
    if (query.q)
      base = base.where(
        sql<boolean>`lower(${sql.ref(`${table}.name`)}) like ${`%${query.q.toLowerCase()}%`}`,
      );
    if (query.provinceCode) base = base.where(`${table}.province_code`, '=', query.provinceCode);
    if (query.batch) base = base.where(`${table}.batch`, '=', query.batch);
    const total = await base
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    const order = query.order ?? 'asc';
    let rows = base.selectAll(table);
    if (table === 'products') {
      rows = rows
        .innerJoin('enterprises', 'enterprises.id', 'products.enterprise_id')
        .select('enterprises.name as enterprise_name');
    }
    switch (query.sort ?? 'name') {
      case 'batch':
        rows = rows
          .orderBy(sql`length(${sql.ref(`${table}.batch`)})`, order)
          .orderBy(`${table}.batch`, order);
        break;
      case 'province':
        rows = rows.orderBy(`${table}.province_code`, order);
        break;
      case 'name':
        break;
    }
    const items = await rows
      .orderBy(`${table}.name`, order)
      .orderBy(`${table}.id`)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    return {
      items: items.map((r) => map(r as R)),
      total: Number(total.n),
      page: query.page,
      pageSize: query.pageSize,
    };
  };

  const groupCounts = async (column: 'province_code' | 'batch') => {
    const merged = new Map<string | null, UnitsByKey>();
    for (const table of Object.keys(countKeys) as PlacedTable[]) {
      const rows = await db
        .selectFrom(table)
        .select([
          sql<string | null>`${sql.ref(`${table}.${column}`)}`.as('key'),
          (eb) => eb.fn.countAll<string | number>().as('n'),
        ])
        .groupBy(`${table}.${column}`)
        .execute();
      for (const row of rows) {
        const key = row.key;
        const entry = merged.get(key) ?? zero();
        merged.set(key, { ...entry, [countKeys[table]]: Number(row.n) });
      }
    }
    return merged;
  };

  return {
    async applyListImport(data: ListImport) {
      const enterpriseOf = new Map<string, string>();
      for (const f of data.factories) enterpriseOf.set(f.id, f.enterpriseId);
      for (const s of data.supplyChain) enterpriseOf.set(s.id, s.enterpriseId);
      for (const p of data.products) enterpriseOf.set(p.id, p.enterpriseId);
      return db.transaction().execute(async (trx) => {
        let outcome: ImportOutcome = { inserted: 0, updated: 0, unchanged: 0 };
        outcome = add(
          outcome,
          await upsertRecords(trx, 'enterprises', data.enterprises.map(enterpriseToRow)),
        );
        outcome = add(outcome, await upsertRecords(trx, 'factories', data.factories.map(factoryToRow)));
        outcome = add(outcome, await upsertRecords(trx, 'parks', data.parks.map(parkToRow)));
        outcome = add(
          outcome,
          await upsertRecords(trx, 'supply_chain_enterprises', data.supplyChain.map(supplyChainToRow)),
        );
        outcome = add(outcome, await upsertRecords(trx, 'products', data.products.map(productToRow)));
        outcome = add(
          outcome,
          await upsertRecords(
            trx,
            'list_events',
            data.events.map((e) => eventToRow(e, enterpriseOf.get(e.unitId) ?? null)),
          ),
        );
        return outcome;
      });
    },

    async counts(): Promise<RegistryCounts> {
      const totals = zero();
      const byProvince = await groupCounts('province_code');
      const byBatch = await groupCounts('batch');
      for (const entry of byBatch.values()) {
        for (const k of Object.keys(totals) as (keyof UnitsByKey)[]) totals[k] += entry[k];
      }
      const enterprises = await db
        .selectFrom('enterprises')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      return {
        ...totals,
        enterprises: Number(enterprises.n),
        byProvince: [...byProvince]
          .map(([provinceCode, c]) => ({ provinceCode, ...c }))
          .sort((a, b) => (a.provinceCode ?? '~').localeCompare(b.provinceCode ?? '~')),
        byBatch: [...byBatch]
          .map(([batch, c]) => ({ batch: batch ?? '', ...c }))
          .sort((a, b) => a.batch.length - b.batch.length || a.batch.localeCompare(b.batch)),
      };
    },

    listFactories: (q) => listPlaced('factories', q, factoryFromRow),
    listParks: (q) => listPlaced('parks', q, parkFromRow),
    listSupplyChain: (q) => listPlaced('supply_chain_enterprises', q, supplyChainFromRow),
    listProducts: (q) => listPlaced('products', q, productFromRow),

    async getFactory(id) {
      const row = await db.selectFrom('factories').selectAll().where('id', '=', id).executeTakeFirst();
      return row && factoryFromRow(row);
    },
    async getFactories(ids) {
      const out = [];
      // Chunks of 500 stay under SQLite's and PostgreSQL's bound-parameter limits.
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom('factories')
          .selectAll()
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
        out.push(...rows.map(factoryFromRow));
      }
      return out;
    },
    async getPark(id) {
      const row = await db.selectFrom('parks').selectAll().where('id', '=', id).executeTakeFirst();
      return row && parkFromRow(row);
    },
    async getSupplyChain(id) {
      const row = await db
        .selectFrom('supply_chain_enterprises')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && supplyChainFromRow(row);
    },
    async getProduct(id) {
      const row = await db
        .selectFrom('products')
        .innerJoin('enterprises', 'enterprises.id', 'products.enterprise_id')
        .selectAll('products')
        .select('enterprises.name as enterprise_name')
        .where('products.id', '=', id)
        .executeTakeFirst();
      return row && productFromRow(row);
    },
    async getEnterprise(id) {
      const row = await db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
      return row && enterpriseFromRow(row);
    },
    async eventsOf(kind, unitId) {
      const rows = await db
        .selectFrom('list_events')
        .selectAll()
        .where('unit_kind', '=', kind)
        .where('unit_id', '=', unitId)
        .orderBy('batch')
        .execute();
      return rows.map(eventFromRow);
    },
    async addParkMember(m) {
      await db
        .insertInto('park_members')
        .values({ park_id: m.parkId, enterprise_id: m.enterpriseId, since: m.since })
        .onConflict((oc) => oc.columns(['park_id', 'enterprise_id']).doUpdateSet({ since: m.since }))
        .execute();
    },
    async parkMembers(parkId) {
      const rows = await db
        .selectFrom('park_members')
        .selectAll()
        .where('park_id', '=', parkId)
        .orderBy('enterprise_id')
        .execute();
      return rows.map((r) => ({ parkId: r.park_id, enterpriseId: r.enterprise_id, since: r.since }));
    },
    async addSupplierRelation(r) {
      await db
        .insertInto('supplier_relations')
        .values({
          id: r.id,
          enterprise_id: r.customerEnterpriseId,
          supplier_enterprise_id: r.supplierEnterpriseId,
          product_id: r.productId,
          since: r.since,
        })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            supplier_enterprise_id: r.supplierEnterpriseId,
            product_id: r.productId,
            since: r.since,
          }),
        )
        .execute();
    },
    async suppliersOf(customerEnterpriseId) {
      const rows = await db
        .selectFrom('supplier_relations')
        .selectAll()
        .where('enterprise_id', '=', customerEnterpriseId)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        customerEnterpriseId: r.enterprise_id,
        supplierEnterpriseId: r.supplier_enterprise_id,
        productId: r.product_id,
        since: r.since,
      }));
    },
  };
}

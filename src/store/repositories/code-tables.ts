import type { Kysely } from 'kysely';
import type { CodeTables } from '../../core/ports.ts';
import type { Industry, Region } from '../../core/registry/types.ts';
import type { Database } from '../schema.ts';
import { insertChunked } from './insert-chunked.ts';

/** GB/T 2260 regions and GB/T 4754-2017 industries, replaced whole when the tables are loaded. */
export function createCodeTables(db: Kysely<Database>): CodeTables {
  return {
    async replaceRegions(regions: readonly Region[]) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('regions').execute();
        await insertChunked(
          trx,
          'regions',
          regions.map((r) => ({
            code: r.code,
            name: r.name,
            level: r.level,
            parent_code: r.parentCode,
            province_code: r.provinceCode,
          })),
        );
      });
    },
    async replaceIndustries(industries: readonly Industry[]) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('industries').execute();
        await insertChunked(
          trx,
          'industries',
          industries.map((i) => ({ code: i.code, name: i.name, level: i.level, parent_code: i.parentCode })),
        );
      });
    },
    async allRegions() {
      const rows = await db.selectFrom('regions').selectAll().orderBy('code').execute();
      return rows.map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level as Region['level'],
        parentCode: r.parent_code,
        provinceCode: r.province_code,
      }));
    },
    async countRegions() {
      const row = await db
        .selectFrom('regions')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async listIndustries({ q, level, page, pageSize }) {
      let query = db.selectFrom('industries');
      if (q) query = query.where((eb) => eb.or([eb('code', 'like', `${q}%`), eb('name', 'like', `%${q}%`)]));
      if (level) query = query.where('level', '=', level);
      const total = await query
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await query
        .selectAll()
        .orderBy('code')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return {
        items: rows.map((r) => ({
          code: r.code,
          name: r.name,
          level: r.level as Industry['level'],
          parentCode: r.parent_code,
        })),
        total: Number(total.n),
        page,
        pageSize,
      };
    },
  };
}

import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { GmError } from '../../core/errors.ts';
import type { Meter, MeterInput, MeterKind } from '../../core/metering/meter.ts';
import type { Meters } from '../../core/ports.ts';
import type { EnergyMedium } from '../../core/standards/coefficients/energy-conversion-coefficients.ts';
import type { Unit } from '../../core/units/unit-registry.ts';

/** The meters table (migration 0003-meters), in snake_case. */
export interface MetersTable {
  id: string;
  key: number;
  factory_id: string;
  medium: string;
  unit: string;
  kind: string;
  interval_seconds: number | null;
  rollover_at: number | null;
  utc_offset_minutes: number;
  name: string | null;
  /** The factory's enterprise (migration 0006), null while the factory is not in the registry. */
  enterprise_id: string | null;
}

const toMeter = (r: Omit<MetersTable, 'enterprise_id'>): Meter => ({
  id: r.id,
  key: Number(r.key),
  factoryId: r.factory_id,
  medium: r.medium as EnergyMedium,
  unit: r.unit as Unit,
  kind: r.kind as MeterKind,
  intervalSeconds: r.interval_seconds === null ? null : Number(r.interval_seconds),
  rolloverAt: r.rollover_at === null ? null : Number(r.rollover_at),
  utcOffsetMinutes: Number(r.utc_offset_minutes),
  name: r.name,
});

/** The Meters port over the registry database (SQLite or PostgreSQL): queries and row mapping only. */
export function createMeterRepository<DB>(database: Kysely<DB>): Meters {
  const db = database.withTables<{ meters: MetersTable }>() as unknown as Kysely<{ meters: MetersTable }>;
  // Keys are allocated as max + 1: on PostgreSQL two registrations at once (several servers, or one
  // server's concurrent requests) would both read the same max, so each takes the table's write
  // lock first (readers are not blocked). SQLite runs one write transaction at a time anyway.
  const serialize = database.getExecutor().adapter instanceof PostgresAdapter;
  return {
    async add(meter: MeterInput) {
      return db.transaction().execute(async (trx) => {
        if (serialize) await sql`lock table meters in share row exclusive mode`.execute(trx);
        const taken = await trx
          .selectFrom('meters')
          .select('id')
          .where('id', '=', meter.id)
          .executeTakeFirst();
        if (taken)
          throw new GmError('GM_CONFLICT', `A meter with id "${meter.id}" is already registered`, {
            field: 'id',
            id: meter.id,
          });
        const max = await trx
          .selectFrom('meters')
          .select((eb) => eb.fn.max('key').as('max'))
          .executeTakeFirst();
        const key = Number(max?.max ?? 0) + 1;
        const row: Omit<MetersTable, 'enterprise_id'> = {
          id: meter.id,
          key,
          factory_id: meter.factoryId,
          medium: meter.medium,
          unit: meter.unit,
          kind: meter.kind,
          interval_seconds: meter.intervalSeconds,
          rollover_at: meter.rolloverAt,
          utc_offset_minutes: meter.utcOffsetMinutes,
          name: meter.name,
        };
        // Every tenant-owned row carries its enterprise key (src/store/tenancy.ts).
        const enterprise = sql<
          string | null
        >`(select f.enterprise_id from factories f where f.id = ${meter.factoryId})`;
        await trx
          .insertInto('meters')
          .values({ ...row, enterprise_id: enterprise })
          .execute();
        return toMeter(row);
      });
    },
    async all() {
      const rows = await db.selectFrom('meters').selectAll().orderBy('key').execute();
      return rows.map(toMeter);
    },
  };
}

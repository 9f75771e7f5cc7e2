import { canAccessFactoryData, type FactoryOwner } from '../../core/auth/factory-data-access.ts';
import type { Principal } from '../../core/auth/principal.ts';
import { GmError } from '../../core/errors.ts';
import type { Meter } from '../../core/metering/meter.ts';
import type { Registry } from '../../core/ports.ts';
import type { MeteringService } from './metering-service.ts';

/**
 * Metering as a principal may use it (docs/workflow.md, "Metering data"). Meters, readings and
 * metered accounts are enterprise data: the owning enterprise (a user or its API token) and the
 * administrators whose region covers the factory reach them; agencies, park operators and the
 * public do not. Nobody signed in is 401; a role that never reaches metering is 403; a meter outside
 * the caller's reach is not found (its existence is enterprise data); a listed factory outside it is
 * 403 (the factory itself is published). Readings for meters outside reach are rejected one by one
 * as unknown meters, like meters that do not exist.
 */
export function meteringAccess(deps: {
  readonly metering: MeteringService;
  readonly registry: Pick<Registry, 'getFactories'>;
}) {
  const { metering, registry } = deps;

  /** Refuses the public (401) and roles that never reach metered data (403). */
  const requireMeteringRole = (p: Principal, action: 'read' | 'write'): void => {
    if (p.kind === 'public')
      throw new GmError(
        'GM_UNAUTHENTICATED',
        'Metering data is enterprise data: sign in or send an API token',
        {
          field: 'authorization',
        },
      );
    if (p.kind !== 'enterprise' && p.kind !== 'admin')
      throw new GmError('GM_FORBIDDEN', `The ${p.kind} role may not ${action} metering data`, {
        field: 'authorization',
        role: p.kind,
        action: `metering.${action}`,
      });
  };

  /** The factories among `factoryIds` whose data the principal reaches. */
  const factoriesInReach = async (p: Principal, factoryIds: Iterable<string>): Promise<Set<string>> => {
    const ids = [...new Set(factoryIds)];
    if (p.kind === 'admin' && p.level === 'national') return new Set(ids);
    const owners = new Map<string, FactoryOwner>((await registry.getFactories(ids)).map((f) => [f.id, f]));
    return new Set(ids.filter((id) => canAccessFactoryData(p, owners.get(id))));
  };

  const requireFactory = async (
    p: Principal,
    factoryId: string,
    action: 'read' | 'write',
    field: string,
  ): Promise<void> => {
    requireMeteringRole(p, action);
    if (!(await factoriesInReach(p, [factoryId])).has(factoryId))
      throw new GmError(
        'GM_FORBIDDEN',
        `The ${p.kind} account may not ${action} the metering data of factory "${factoryId}"`,
        { field, role: p.kind, action: `metering.${action}`, factoryId },
      );
  };

  /** A meter the principal reaches, or not found exactly as for a meter that does not exist. */
  const visibleMeter = async (p: Principal, id: string): Promise<Meter> => {
    requireMeteringRole(p, 'read');
    const m = metering.listMeters().find((x) => x.id === id);
    if (!m || !(await factoriesInReach(p, [m.factoryId])).has(m.factoryId))
      throw new GmError('GM_NOT_FOUND', `No meter with id "${id}"`, { field: 'meter', id });
    return m;
  };

  /** The meters (optionally of one factory) the principal reaches. */
  const metersInReach = async (p: Principal, factoryId?: string): Promise<Meter[]> => {
    requireMeteringRole(p, 'read');
    if (factoryId !== undefined) await requireFactory(p, factoryId, 'read', 'factory');
    const all = metering.listMeters(factoryId);
    const reach = await factoriesInReach(
      p,
      all.map((m) => m.factoryId),
    );
    return all.filter((m) => reach.has(m.factoryId));
  };

  /** Which meters the principal may write readings for, over the factories of the meters named. */
  const writable = async (p: Principal, meterIds: Iterable<string> | 'all') => {
    requireMeteringRole(p, 'write');
    const wanted = meterIds === 'all' ? null : new Set(meterIds);
    const factories = metering
      .listMeters()
      .filter((m) => wanted === null || wanted.has(m.id))
      .map((m) => m.factoryId);
    const reach = await factoriesInReach(p, factories);
    return (m: Meter) => reach.has(m.factoryId);
  };

  return {
    async addMeter(p: Principal, raw: Record<string, unknown>): Promise<Meter> {
      if (typeof raw.factoryId === 'string') await requireFactory(p, raw.factoryId, 'write', 'factoryId');
      else requireMeteringRole(p, 'write');
      return metering.addMeter(raw);
    },
    listMeters: metersInReach,
    getMeter: visibleMeter,
    async ingestItems(p: Principal, items: readonly unknown[]) {
      const named = items.flatMap((i) =>
        typeof i === 'object' && i !== null && typeof (i as { meter?: unknown }).meter === 'string'
          ? [(i as { meter: string }).meter]
          : [],
      );
      return metering.ingestItems(items, undefined, await writable(p, named));
    },
    async ingestCsv(p: Principal, text: string | Uint8Array) {
      return metering.ingestCsv(text, await writable(p, 'all'));
    },
    async meterRollups(p: Principal, id: string, grain: 'hour' | 'day' | 'month', from: string, to: string) {
      return metering.meterRollups((await visibleMeter(p, id)).id, grain, from, to);
    },
    async series(
      p: Principal,
      kind: 'readings' | 'gaps' | 'flags',
      id: string,
      fromTs: number,
      toTs: number,
    ) {
      const m = await visibleMeter(p, id);
      return metering[kind](m.id, fromTs, toTs);
    },
    async dailyRollup(p: Principal, day: string, factoryId?: string) {
      const reach = new Set((await metersInReach(p, factoryId)).map((m) => m.id));
      return metering.dailyRollup(day, factoryId).filter((r) => reach.has(r.meter));
    },
    async factoryMonth(p: Principal, factoryId: string, month: string, regionCode?: string) {
      await requireFactory(p, factoryId, 'read', 'factory');
      return metering.factoryMonth(factoryId, month, regionCode);
    },
  };
}

export type MeteringAccess = ReturnType<typeof meteringAccess>;

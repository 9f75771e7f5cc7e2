import type { MeteringService } from '../../services/metering/metering-service.ts';
import type { Store } from '../../store/open-store.ts';

/**
 * A summary of everything the workflow and the registry hold, so that a test can prove a request
 * wrote nothing: the audit head, every declaration's version and the row counts of the tables, and
 * with metering every meter and its stored readings.
 */
export async function writeFingerprint(
  store: Store,
  declarationIds: readonly string[],
  metering?: MeteringService | null,
): Promise<string> {
  const w = store.workflow;
  const parts: unknown[] = [
    await w.auditLog.head(),
    await w.accounts.countAll(),
    await store.registry.counts(),
  ];
  for (const id of declarationIds) {
    const d = await w.declarations.get(id);
    parts.push(
      d?.version,
      d?.state,
      (await w.declarations.listEvidence(id, 1, 1)).total,
      (await w.declarations.listObjections(id, 1, 1)).total,
      (await w.declarations.events(id, 1, 1)).total,
    );
  }
  parts.push((await w.negativeList.list({ page: 1, pageSize: 1 })).total);
  parts.push((await w.accounts.listAgencies({ page: 1, pageSize: 1 })).total);
  for (const tier of ['provincial', 'municipal'] as const) {
    const all = await w.tierListings.list({ tier, includeRemoved: true, page: 1, pageSize: 200 });
    parts.push(
      all.total,
      all.items.map((l) => `${l.id}@${l.version}`),
    );
  }
  for (const m of metering?.listMeters() ?? [])
    parts.push(m.id, m.factoryId, (await metering?.readings(m.id, 0, 2 ** 32 - 1))?.length);
  return JSON.stringify(parts);
}

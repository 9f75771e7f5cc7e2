import { GmError } from '../../core/errors.ts';
import {
  compileCatalog,
  type CompiledCatalog,
  type MatchStatus,
  type PolicyMatch,
} from '../../core/policy/match-policies.ts';
import { policyCatalog } from '../../core/policy/policy-catalog.ts';
import { instrumentKey } from '../../core/policy/policy-instrument.ts';
import type { Clock, OperatingYears, Registry } from '../../core/ports.ts';
import type { UnitKind } from '../../core/registry/types.ts';
import { allUnitFacts, oneUnitFacts, type UnitFacts } from './policy-facts.ts';

type Ports = { registry: Registry; operatingYears: OperatingYears; clock: Clock };

let compiledDefault: CompiledCatalog | null = null;
/** The shipped catalog, compiled once per process. */
export const defaultCatalog = (): CompiledCatalog => (compiledDefault ??= compileCatalog(policyCatalog));

const today = (clock: Clock): string => clock.now().toISOString().slice(0, 10);

/** What one unit qualifies for, nearly qualifies for (with what is missing), and why. */
export async function matchUnit(
  ports: Ports,
  kind: UnitKind,
  id: string,
  catalog: CompiledCatalog = defaultCatalog(),
): Promise<{ unit: UnitFacts; onDate: string; matches: PolicyMatch[] }> {
  const unit = await oneUnitFacts(ports, kind, id);
  if (!unit) throw new GmError('GM_NOT_FOUND', `No ${kind} with id "${id}"`, { field: 'id', id });
  const onDate = today(ports.clock);
  return { unit, onDate, matches: catalog.match(unit.facts, onDate) };
}

/** Per instrument: how many units qualify or nearly qualify, and the total estimated support (10^4 yuan). */
export interface InstrumentSummary {
  readonly instrument: string;
  readonly qualifies: number;
  readonly nearly: number;
  readonly totalAmount: number | null;
}

/** Matches every listed unit against every instrument in one pass. */
export async function matchAll(
  ports: Ports,
  catalog: CompiledCatalog = defaultCatalog(),
): Promise<{
  onDate: string;
  units: number;
  instruments: number;
  summaries: InstrumentSummary[];
  byUnit: Map<string, { readonly status: MatchStatus; readonly amount: number | null }[]>;
  unitFacts: UnitFacts[];
}> {
  const onDate = today(ports.clock);
  const unitFacts = await allUnitFacts(ports);
  const summaries = new Map<string, { qualifies: number; nearly: number; total: number; anyAmount: boolean }>(
    catalog.instruments.map((i) => [
      instrumentKey(i),
      { qualifies: 0, nearly: 0, total: 0, anyAmount: false },
    ]),
  );
  const statusesOf = catalog.statusesOn(onDate);
  const keys = catalog.instruments.map(instrumentKey);
  const byUnit = new Map<string, { readonly status: MatchStatus; readonly amount: number | null }[]>();
  for (const unit of unitFacts) {
    const statuses = statusesOf(unit.facts);
    byUnit.set(`${unit.kind}:${unit.id}`, statuses);
    statuses.forEach((m, i) => {
      const s = summaries.get(keys[i] ?? '');
      if (!s) return;
      if (m.status === 'qualifies') {
        s.qualifies++;
        if (m.amount !== null) {
          s.total += m.amount;
          s.anyAmount = true;
        }
      } else if (m.status === 'nearly') s.nearly++;
    });
  }
  return {
    onDate,
    units: unitFacts.length,
    instruments: catalog.instruments.length,
    summaries: [...summaries].map(([instrument, s]) => ({
      instrument,
      qualifies: s.qualifies,
      nearly: s.nearly,
      totalAmount: s.anyAmount ? s.total : null,
    })),
    byUnit,
    unitFacts,
  };
}

/** Who qualifies (or nearly qualifies) for one instrument, a page at a time, with the total support. */
export async function beneficiaries(
  ports: Ports,
  key: string,
  options: { status: 'qualifies' | 'nearly'; page: number; pageSize: number },
  catalog: CompiledCatalog = defaultCatalog(),
) {
  if (!catalog.instruments.some((i) => instrumentKey(i) === key)) {
    throw new GmError('GM_NOT_FOUND', `No policy instrument "${key}"`, { field: 'key', key });
  }
  const all = await matchAll(ports, catalog);
  const index = catalog.instruments.findIndex((i) => instrumentKey(i) === key);
  const rows = all.unitFacts.flatMap((u) => {
    const m = all.byUnit.get(`${u.kind}:${u.id}`)?.[index];
    return m && m.status === options.status
      ? [{ kind: u.kind, id: u.id, name: u.name, amount: m.amount }]
      : [];
  });
  const summary = all.summaries.find((s) => s.instrument === key);
  const start = (options.page - 1) * options.pageSize;
  return {
    instrument: key,
    onDate: all.onDate,
    status: options.status,
    total: rows.length,
    totalAmount: summary?.totalAmount ?? null,
    page: options.page,
    pageSize: options.pageSize,
    items: rows.slice(start, start + options.pageSize),
  };
}

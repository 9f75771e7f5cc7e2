// The facts file of `greenmfg evaluate` and `greenmfg impact` (docs/standards.md, "Facts file"):
// parsed from the JSON value into population entries, with a problem per field, each naming the
// subject by its position and id.
import type { FieldIssue } from '../errors.ts';
import type { SubjectKind } from '../standards/indicator-system.ts';
import type { QuotaRow } from '../standards/quota-standard.ts';
import { sourced } from '../standards/sourced.ts';
import type { FactValue } from './evaluate.ts';
import type { PopulationEntry } from './population.ts';
import type { Subject } from './subject.ts';

const kinds: readonly SubjectKind[] = ['factory', 'park', 'supply-chain', 'product'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses a facts file's JSON value: `{ "subjects": [ { id, name?, group?, kind?, energyQuota?,
 * waterQuota?, attributes?, facts } ] }` (or the array alone). Quota rows are looked up with the
 * given function; every problem is returned as an issue naming `subjects[i](id).field`.
 */
export function parseFactsFile(
  value: unknown,
  quotaRow: (rowKey: string) => QuotaRow,
): { readonly entries: PopulationEntry[]; readonly issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const list = Array.isArray(value) ? value : isRecord(value) ? value['subjects'] : undefined;
  if (!Array.isArray(list)) {
    return {
      entries: [],
      issues: [{ field: 'subjects', message: 'expected an array of subjects (or {"subjects": [...]})' }],
    };
  }
  const entries: PopulationEntry[] = [];
  const seen = new Set<string>();
  list.forEach((raw, i) => {
    if (!isRecord(raw)) {
      issues.push({ field: `subjects[${i}]`, message: 'expected an object' });
      return;
    }
    const id = typeof raw['id'] === 'string' && raw['id'] !== '' ? raw['id'] : null;
    const at = (field: string): string => `subjects[${i}]${id ? `(${id})` : ''}.${field}`;
    const before = issues.length;
    if (!id) issues.push({ field: at('id'), message: 'expected a non-empty string', value: raw['id'] });
    else if (seen.has(id)) issues.push({ field: at('id'), message: 'duplicate id', value: id });
    else seen.add(id);
    const kind = raw['kind'] ?? 'factory';
    if (!kinds.includes(kind as SubjectKind))
      issues.push({ field: at('kind'), message: `expected one of ${kinds.join(', ')}`, value: kind });
    let energyQuota: Subject['energyQuota'];
    const eq = raw['energyQuota'];
    if (eq !== undefined) {
      const rowKey =
        typeof eq === 'string' ? eq : isRecord(eq) && typeof eq['row'] === 'string' ? eq['row'] : null;
      const corrections = isRecord(eq) ? eq['corrections'] : undefined;
      if (rowKey === null)
        issues.push({
          field: at('energyQuota'),
          message: 'expected a quota row key or {row, corrections}',
          value: eq,
        });
      else if (corrections !== undefined && !isRecord(corrections))
        issues.push({
          field: at('energyQuota.corrections'),
          message: 'expected an object of correction inputs',
          value: corrections,
        });
      else {
        try {
          const row = quotaRow(rowKey);
          energyQuota = corrections
            ? { row, corrections: corrections as Readonly<Record<string, number | boolean>> }
            : { row };
        } catch (error) {
          issues.push({ field: at('energyQuota'), message: (error as Error).message, value: rowKey });
        }
      }
    }
    let waterQuota: Subject['waterQuota'];
    const wq = raw['waterQuota'];
    if (wq !== undefined) {
      if (
        !isRecord(wq) ||
        typeof wq['unit'] !== 'string' ||
        typeof wq['advanced'] !== 'number' ||
        typeof wq['general'] !== 'number' ||
        typeof wq['source'] !== 'string'
      )
        issues.push({
          field: at('waterQuota'),
          message: 'expected {unit, advanced, general, source}',
          value: wq,
        });
      else {
        // A caller-supplied water quota is as good as the source it names: tagged secondary.
        const source = `facts file: ${wq['source']}`;
        waterQuota = {
          unit: wq['unit'],
          advanced: sourced(wq['advanced'], 'S', source, wq['unit']),
          general: sourced(wq['general'], 'S', source, wq['unit']),
        };
      }
    }
    const attributes = raw['attributes'];
    if (attributes !== undefined && !isRecord(attributes))
      issues.push({ field: at('attributes'), message: 'expected an object', value: attributes });
    const facts = raw['facts'];
    if (!isRecord(facts))
      issues.push({ field: at('facts'), message: 'expected an object of facts by key', value: facts });
    else
      for (const [key, v] of Object.entries(facts)) {
        const ok =
          typeof v === 'number' ||
          typeof v === 'boolean' ||
          (isRecord(v) &&
            (typeof v['value'] === 'number' || typeof v['value'] === 'boolean') &&
            (v['unit'] === undefined || typeof v['unit'] === 'string'));
        if (!ok)
          issues.push({
            field: at(`facts.${key}`),
            message: 'expected a number, a boolean or {value, unit}',
            value: v,
          });
      }
    if (issues.length > before || !id) return;
    const subject: Subject = {
      kind: kind as SubjectKind,
      ...(attributes
        ? { attributes: attributes as Readonly<Record<string, string | number | boolean>> }
        : {}),
      ...(energyQuota ? { energyQuota } : {}),
      ...(waterQuota ? { waterQuota } : {}),
    };
    entries.push({
      id,
      ...(typeof raw['name'] === 'string' ? { name: raw['name'] } : {}),
      ...(typeof raw['group'] === 'string' ? { group: raw['group'] } : {}),
      subject,
      facts: facts as Readonly<Record<string, FactValue>>,
    });
  });
  return { entries, issues };
}

/** Names a population member's fact problems with its id, for messages (`F-001: energy.product missing`). */
export function namedIssues(id: string, issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((i) => ({ ...i, field: `${id}.${i.field}` }));
}

// Peer percentiles within an industry: where a unit's indicator value sits among its peers, in the
// indicator's improving direction (a lower unit-product energy is better). Mid-rank definition, so
// ties share a percentile and the population's percentiles average 50.
import { validationError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';
import type { Direction } from '../standards/indicator-system.ts';

/**
 * The percentile of a value among peer values, 0-100: 100 × (peers strictly worse + ½ × peers equal)
 * / number of peers, where "worse" follows the direction (reverse = higher is worse). The value is
 * usually one of the peers; an empty peer group has no percentile (null).
 */
export function peerPercentile(value: number, peers: readonly number[], direction: Direction): number | null {
  if (!Number.isFinite(value))
    throw validationError([{ field: 'value', message: 'not a finite number', value }], 'percentile value');
  if (peers.length === 0) return null;
  let worse = 0;
  let equal = 0;
  for (const p of peers) {
    if (p === value) equal++;
    else if (direction === 'reverse' ? p > value : p < value) worse++;
  }
  return (100 * (worse + equal / 2)) / peers.length;
}

/** One unit's value with the group (industry) it is compared within. */
export interface PeerValue {
  readonly id: string;
  readonly group: string;
  readonly value: number;
}

/**
 * Peer percentiles of every unit within its group in O(n log n): the same numbers as peerPercentile
 * over the group's values. Non-finite values are a validation error naming the unit.
 */
export function peerPercentiles(units: readonly PeerValue[], direction: Direction): Map<string, number> {
  const issues: FieldIssue[] = units.flatMap((u, i) =>
    Number.isFinite(u.value)
      ? []
      : [{ field: `units[${i}].value`, message: `${u.id}: not a finite number`, value: u.value }],
  );
  if (issues.length > 0) throw validationError(issues, 'peer values');
  const groups = new Map<string, PeerValue[]>();
  for (const u of units) {
    const g = groups.get(u.group);
    if (g) g.push(u);
    else groups.set(u.group, [u]);
  }
  const out = new Map<string, number>();
  for (const members of groups.values()) {
    // Sorted worst first: everyone before a run of equal values is strictly worse.
    const sorted = [...members].sort((a, b) =>
      direction === 'reverse' ? b.value - a.value : a.value - b.value,
    );
    const n = sorted.length;
    for (let i = 0; i < n;) {
      let j = i;
      while (j < n && (sorted[j] as PeerValue).value === (sorted[i] as PeerValue).value) j++;
      const pct = (100 * (i + (j - i) / 2)) / n;
      for (let k = i; k < j; k++) out.set((sorted[k] as PeerValue).id, pct);
      i = j;
    }
  }
  return out;
}

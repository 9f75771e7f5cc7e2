import type { EnergyMedium } from '../standards/coefficients/energy-conversion-coefficients.ts';
import type { Unit } from '../units/unit-registry.ts';
import { grainCode } from './buckets.ts';
import type { Meter } from './meter.ts';
import type { RollupParts } from './rollup-parts.ts';

/** A rolled-up use: the sum over a bucket and how many readings contributed. */
export interface Rolled {
  sum: number;
  n: number;
}

type Buckets = Map<number, Rolled>;

interface Rollups {
  readonly day: Buckets;
  readonly month: Buckets;
}

interface GroupRollups extends Rollups {
  readonly factoryId: string;
  readonly medium: EnergyMedium;
  readonly unit: Unit;
}

interface MeterRollups extends Rollups {
  /** The meter's (factory, medium, unit) group, found once rather than per part. */
  readonly group: GroupRollups;
}

const bump = (buckets: Buckets, bucket: number, sum: number, n: number) => {
  const r = buckets.get(bucket);
  if (r) {
    r.sum += sum;
    r.n += n;
  } else buckets.set(bucket, { sum, n });
};

/**
 * The day and month rollups of every meter and of every (factory, medium, unit) group, kept in
 * memory and maintained as ingest batches are committed, so that dashboards read a bucket in
 * microseconds and never scan readings. It is rebuilt from the store's rollup parts on start.
 */
export class RollupBook {
  private readonly meters = new Map<number, MeterRollups>();
  private readonly groups = new Map<string, GroupRollups>();

  /** Adds one part (a day or month contribution; hour parts are not kept in memory). */
  add(meter: Meter, grain: number, bucket: number, sum: number, n: number): void {
    if (grain !== grainCode.day && grain !== grainCode.month) return;
    let m = this.meters.get(meter.key);
    if (!m) {
      m = { day: new Map(), month: new Map(), group: this.groupOf(meter) };
      this.meters.set(meter.key, m);
    }
    const which = grain === grainCode.day ? 'day' : 'month';
    bump(m[which], bucket, sum, n);
    bump(m.group[which], bucket, sum, n);
  }

  private groupOf(meter: Meter): GroupRollups {
    const gk = `${meter.factoryId}\u0000${meter.medium}\u0000${meter.unit}`;
    let g = this.groups.get(gk);
    if (!g) {
      g = {
        factoryId: meter.factoryId,
        medium: meter.medium,
        unit: meter.unit,
        day: new Map(),
        month: new Map(),
      };
      this.groups.set(gk, g);
    }
    return g;
  }

  /** Adds every part of a committed batch. */
  addParts(parts: RollupParts, meterOf: (key: number) => Meter | undefined): void {
    let last: Meter | undefined;
    for (let i = 0; i < parts.count; i++) {
      const key = parts.meter[i] as number;
      if (last?.key !== key) last = meterOf(key);
      if (last) add(this, last, parts, i);
    }
  }

  /** Forgets a meter's rollups (before they are reloaded from the store) and takes them out of its group. */
  dropMeter(meter: Meter): void {
    const m = this.meters.get(meter.key);
    if (!m) return;
    for (const [bucket, r] of m.day) this.add(meter, grainCode.day, bucket, -r.sum, -r.n);
    for (const [bucket, r] of m.month) this.add(meter, grainCode.month, bucket, -r.sum, -r.n);
    this.meters.delete(meter.key);
  }

  /** One meter's rollup in one bucket. */
  meterBucket(meterKey: number, grain: 'day' | 'month', bucket: number): Rolled | undefined {
    return this.meters.get(meterKey)?.[grain].get(bucket);
  }

  /** One meter's rollups over buckets from..to inclusive, in bucket order. */
  meterRange(
    meterKey: number,
    grain: 'day' | 'month',
    from: number,
    to: number,
  ): (Rolled & { bucket: number })[] {
    const m = this.meters.get(meterKey)?.[grain];
    const out: (Rolled & { bucket: number })[] = [];
    if (!m) return out;
    for (let b = from; b <= to; b++) {
      const r = m.get(b);
      if (r && r.n !== 0) out.push({ bucket: b, sum: r.sum, n: r.n });
    }
    return out;
  }

  /** Every meter's rollup in one bucket (the daily or monthly view of all meters). */
  allMeters(grain: 'day' | 'month', bucket: number): { meterKey: number; sum: number; n: number }[] {
    const out: { meterKey: number; sum: number; n: number }[] = [];
    for (const [meterKey, m] of this.meters) {
      const r = m[grain].get(bucket);
      if (r && r.n !== 0) out.push({ meterKey, sum: r.sum, n: r.n });
    }
    return out;
  }

  /** A factory's use per medium and unit in one bucket. */
  factoryBucket(
    factoryId: string,
    grain: 'day' | 'month',
    bucket: number,
  ): { medium: EnergyMedium; unit: Unit; sum: number; n: number }[] {
    const out: { medium: EnergyMedium; unit: Unit; sum: number; n: number }[] = [];
    for (const g of this.groups.values()) {
      if (g.factoryId !== factoryId) continue;
      const r = g[grain].get(bucket);
      if (r && r.n !== 0) out.push({ medium: g.medium, unit: g.unit, sum: r.sum, n: r.n });
    }
    return out;
  }
}

function add(book: RollupBook, meter: Meter, parts: RollupParts, i: number): void {
  book.add(
    meter,
    parts.grain[i] as number,
    parts.bucket[i] as number,
    parts.sum[i] as number,
    parts.n[i] as number,
  );
}

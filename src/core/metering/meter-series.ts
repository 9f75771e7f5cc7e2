/**
 * The stored readings of one meter, sorted by timestamp: the in-memory dedupe index. Timestamps
 * are epoch seconds in a Uint32Array (4 bytes), values in a Float64Array, so ten million readings
 * take 120 MB; appends in time order are O(1), an out-of-order reading costs one binary search and
 * one shift of the later readings.
 */
export class MeterSeries {
  ts: Uint32Array;
  values: Float64Array;
  length: number;

  constructor(
    ts: Uint32Array = new Uint32Array(64),
    values: Float64Array = new Float64Array(64),
    length = 0,
  ) {
    this.ts = ts;
    this.values = values;
    this.length = length;
  }

  /** The position of the first stored timestamp at or after `ts`. */
  lowerBound(ts: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ts[mid] as number) < ts) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Inserts a reading at a position found by lowerBound. */
  insertAt(pos: number, ts: number, value: number): void {
    if (this.length === this.ts.length) this.grow();
    if (pos < this.length) {
      this.ts.copyWithin(pos + 1, pos, this.length);
      this.values.copyWithin(pos + 1, pos, this.length);
    }
    this.ts[pos] = ts;
    this.values[pos] = value;
    this.length++;
  }

  /** The last stored timestamp, or -1 when there is none. */
  lastTs(): number {
    return this.length === 0 ? -1 : (this.ts[this.length - 1] as number);
  }

  /** Makes room for `capacity` readings at least (a batch reserves its run once, not per reading). */
  reserve(capacity: number): void {
    if (capacity > this.ts.length) this.resize(Math.max(capacity, this.ts.length + (this.ts.length >> 1)));
  }

  private grow(): void {
    this.resize(Math.max(64, this.ts.length * 2));
  }

  private resize(cap: number): void {
    const ts = new Uint32Array(cap);
    ts.set(this.ts.subarray(0, this.length));
    const values = new Float64Array(cap);
    values.set(this.values.subarray(0, this.length));
    this.ts = ts;
    this.values = values;
  }
}

/** The gaps in a meter's series between two times: stretches longer than its interval with no reading. */
export function findGaps(
  series: MeterSeries,
  intervalSeconds: number,
  fromTs: number,
  toTs: number,
): { readonly from: number; readonly to: number; readonly missing: number }[] {
  const gaps: { from: number; to: number; missing: number }[] = [];
  const start = Math.max(0, series.lowerBound(fromTs) - 1);
  for (let i = start + 1; i < series.length; i++) {
    const a = series.ts[i - 1] as number;
    const b = series.ts[i] as number;
    if (a > toTs) break;
    if (b - a > intervalSeconds && b >= fromTs)
      gaps.push({ from: a, to: b, missing: Math.ceil((b - a) / intervalSeconds) - 1 });
  }
  return gaps;
}

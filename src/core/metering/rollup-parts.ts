/**
 * Partial rollup rows (grain, meter, bucket, sum, count) produced by one ingest batch. They are
 * appended to the store as they are (a summing table, like ClickHouse's SummingMergeTree) and
 * added to the in-memory rollups; a correction is a part with a negative sum and count.
 */
export class RollupParts {
  count = 0;
  grain = new Uint8Array(256);
  meter = new Uint32Array(256);
  bucket = new Uint32Array(256);
  sum = new Float64Array(256);
  n = new Int32Array(256);

  /** Adds a contribution, merging it into the last part when that has the same key. */
  add(grain: number, meter: number, bucket: number, sum: number, n: number): void {
    const last = this.count - 1;
    if (
      last >= 0 &&
      this.bucket[last] === bucket &&
      this.meter[last] === meter &&
      this.grain[last] === grain
    ) {
      this.sum[last] = (this.sum[last] as number) + sum;
      this.n[last] = (this.n[last] as number) + n;
      return;
    }
    if (this.count === this.grain.length) this.grow();
    const i = this.count++;
    this.grain[i] = grain;
    this.meter[i] = meter;
    this.bucket[i] = bucket;
    this.sum[i] = sum;
    this.n[i] = n;
  }

  /** Merges parts with the same key into one (parts from interleaved meters arrive scattered). */
  compact(): RollupParts {
    const order = Array.from({ length: this.count }, (_, i) => i);
    order.sort(
      (a, b) =>
        (this.grain[a] as number) - (this.grain[b] as number) ||
        (this.meter[a] as number) - (this.meter[b] as number) ||
        (this.bucket[a] as number) - (this.bucket[b] as number),
    );
    const out = new RollupParts();
    for (const i of order)
      out.add(
        this.grain[i] as number,
        this.meter[i] as number,
        this.bucket[i] as number,
        this.sum[i] as number,
        this.n[i] as number,
      );
    return out;
  }

  private grow(): void {
    const cap = this.grain.length * 2;
    const g = new Uint8Array(cap);
    g.set(this.grain);
    const m = new Uint32Array(cap);
    m.set(this.meter);
    const b = new Uint32Array(cap);
    b.set(this.bucket);
    const s = new Float64Array(cap);
    s.set(this.sum);
    const n = new Int32Array(cap);
    n.set(this.n);
    Object.assign(this, { grain: g, meter: m, bucket: b, sum: s, n });
  }
}

import type { TelemetryBatch } from '../../core/metering/telemetry-batch.ts';

/**
 * The ClickHouse telemetry store keeps readings, rollup parts and flags as rows of one table, so
 * that one INSERT carries a whole batch and every row of a meter lands on the meter's shard in the
 * same block (ADR 0004). A row's `kind` says what it is. Readings travel as chunks: one row per run
 * of a meter's readings in a batch, their times and values in the arrays `tss` and `vals` (a row
 * per reading cost the servers about 3x more per reading to parse, sort and merge).
 */
export const rowKind = { reading: 0, part: 1, flag: 2 } as const;

/** Column list of the table, in RowBinary order. */
export const rowColumns = 'kind, meter, grain, ts, batch, idx, value, n, text, tss, vals';

/**
 * Column types of the table, in RowBinary order: ReplacingMergeTree collapses rows with the same
 * (kind, meter, grain, ts, batch, idx). A reading chunk carries the time of its first reading as
 * `ts` and batch = idx = 0: a (meter, ts) is stored once, so no two chunks of a meter share a
 * first time, and a chunk stored twice (a retry of the same bytes) is one row. Parts and flags
 * carry their meter's batch id and their index among the meter's rows of the batch, so distinct
 * parts stay distinct while a re-sent one collapses; their arrays are empty.
 */
export const rowSchema =
  'kind UInt8, meter UInt32, grain UInt8, ts UInt32, batch UInt64, idx UInt32, value Float64, n Int32, text String, tss Array(UInt32), vals Array(Float64)';

// kind 1 + meter 4 + grain 1 + ts 4 + batch 8 + idx 4 + value 8 + n 4: the fixed-width head of a row.
const headWidth = 34;
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
// The most bytes a varint length takes here (counts stay below 2^35).
const varintMax = 5;

/**
 * The `batch` column of a meter's parts and flags: the timestamp of the meter's first stored reading
 * in the batch (unique per meter, because a (meter, ts) is stored once), or, for a meter with parts
 * or flags but no new reading, a hash of those rows with the top bit set. It depends only on the
 * meter's own rows, so when a batch is retried after one shard took it and another did not, the
 * retried meters' rows are byte-identical to the first attempt's and collapse with them (ADR 0004).
 */
export function meterBatchIds(batch: TelemetryBatch): Map<number, bigint> {
  const ids = new Map<number, bigint>();
  const r = batch.readings;
  let last = -1;
  for (let i = 0; i < r.count; i++) {
    const m = r.meter[i] as number;
    if (m !== last && !ids.has(m)) ids.set(m, BigInt(r.ts[i] as number));
    last = m;
  }
  const hashes = new Map<number, bigint>();
  // FNV-1a (64 bit) over the meter's parts and flags.
  const mix = (m: number, x: number) => {
    const h = (hashes.get(m) ?? 0xcbf29ce484222325n) ^ BigInt.asUintN(64, BigInt(Math.round(x * 1e6)));
    hashes.set(m, BigInt.asUintN(64, h * 0x100000001b3n));
  };
  for (const p of batch.parts)
    for (let i = 0; i < p.count; i++) {
      const m = p.meter[i] as number;
      if (ids.has(m)) continue;
      for (const x of [p.grain[i], p.bucket[i], p.sum[i], p.n[i]]) mix(m, x as number);
    }
  for (const f of batch.flags) {
    if (ids.has(f.meter)) continue;
    mix(f.meter, f.ts);
    for (const c of `${f.kind}\t${f.detail}`) mix(f.meter, c.codePointAt(0) ?? 0);
  }
  for (const [m, h] of hashes) ids.set(m, h | (1n << 63n));
  return ids;
}

/** Where each run of one meter's readings starts, and the end of the last run. */
function readingRuns(batch: TelemetryBatch): number[] {
  const r = batch.readings;
  const starts: number[] = [];
  for (let i = 0; i < r.count; i++) if (i === 0 || r.meter[i] !== r.meter[i - 1]) starts.push(i);
  starts.push(r.count);
  return starts;
}

/** Number of rows the batch becomes: one per run of a meter's readings, part and flag. */
export function rowCount(batch: TelemetryBatch): number {
  return rowsWith(batch, batch.readings.count === 0 ? [0] : readingRuns(batch));
}

/** The row count, given the batch's reading runs (as readingRuns returns them, or [0] for none). */
function rowsWith(batch: TelemetryBatch, runs: readonly number[]): number {
  return runs.length - 1 + batch.parts.reduce((n, p) => n + p.count, 0) + batch.flags.length;
}

function writeVarUint(buf: Buffer, at: number, value: number): number {
  let v = value;
  let pos = at;
  while (v >= 0x80) {
    buf[pos++] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  buf[pos++] = v;
  return pos;
}

/**
 * Encodes a batch as RowBinary rows of the telemetry table, straight from its typed arrays
 * (little-endian, bit-exact floats: RowBinary carries the IEEE 754 bytes, where text formats lose
 * the last bit on ClickHouse 18.16's float parser). A chunk's arrays are copied as the bytes of the
 * batch's own typed arrays.
 */
export function encodeBatch(batch: TelemetryBatch): Buffer {
  return encodeRows(batch).body;
}

/** encodeBatch, with the number of rows the body holds (what the insert must take as one block). */
export function encodeRows(batch: TelemetryBatch): { readonly body: Buffer; readonly rows: number } {
  if (!littleEndian) throw new Error('the chunk encoding copies typed arrays as little-endian bytes');
  const ids = meterBatchIds(batch);
  const next = new Map<number, number>();
  const idxOf = (m: number) => {
    const i = next.get(m) ?? 0;
    next.set(m, i + 1);
    return i;
  };
  const texts = batch.flags.map((f) => Buffer.from(`${f.kind}\t${f.detail}`, 'utf8'));
  const r = batch.readings;
  const runs = r.count === 0 ? [0] : readingRuns(batch);
  const rows = rowsWith(batch, runs);
  const size = rows * (headWidth + 3 * varintMax) + r.count * 12 + texts.reduce((n, t) => n + t.length, 0);
  const buf = Buffer.allocUnsafe(size);
  let pos = 0;
  const head = (kind: number, meter: number, grain: number, ts: number, batchOf: bigint, idx: number) => {
    buf[pos] = kind;
    buf.writeUInt32LE(meter, pos + 1);
    buf[pos + 5] = grain;
    buf.writeUInt32LE(ts, pos + 6);
    buf.writeBigUInt64LE(batchOf, pos + 10);
    buf.writeUInt32LE(idx, pos + 18);
    pos += 22;
  };
  const ts = Buffer.from(r.ts.buffer, r.ts.byteOffset, r.count * 4);
  const values = Buffer.from(r.value.buffer, r.value.byteOffset, r.count * 8);
  for (let k = 0; k + 1 < runs.length; k++) {
    const from = runs[k] as number;
    const to = runs[k + 1] as number;
    head(rowKind.reading, r.meter[from] as number, 0, r.ts[from] as number, 0n, 0);
    buf.writeDoubleLE(0, pos);
    buf.writeInt32LE(to - from, pos + 8);
    buf[pos + 12] = 0;
    pos = writeVarUint(buf, pos + 13, to - from);
    pos += ts.copy(buf, pos, from * 4, to * 4);
    pos = writeVarUint(buf, pos, to - from);
    pos += values.copy(buf, pos, from * 8, to * 8);
  }
  for (const p of batch.parts)
    for (let i = 0; i < p.count; i++) {
      const m = p.meter[i] as number;
      head(rowKind.part, m, p.grain[i] as number, p.bucket[i] as number, ids.get(m) as bigint, idxOf(m));
      buf.writeDoubleLE(p.sum[i] as number, pos);
      buf.writeInt32LE(p.n[i] as number, pos + 8);
      buf[pos + 12] = 0;
      buf[pos + 13] = 0;
      buf[pos + 14] = 0;
      pos += 15;
    }
  batch.flags.forEach((f, i) => {
    head(rowKind.flag, f.meter, 0, f.ts, ids.get(f.meter) as bigint, idxOf(f.meter));
    buf.writeDoubleLE(0, pos);
    buf.writeInt32LE(0, pos + 8);
    const text = texts[i] as Buffer;
    pos = writeVarUint(buf, pos + 12, text.length);
    pos += text.copy(buf, pos);
    buf[pos++] = 0;
    buf[pos++] = 0;
  });
  return { body: buf.subarray(0, pos), rows };
}

/** Column types a RowBinary result can be decoded into. */
export type ResultColumn = 'u8' | 'u32' | 'i32' | 'f64' | 'str';

const widths: Record<Exclude<ResultColumn, 'str'>, number> = { u8: 1, u32: 4, i32: 4, f64: 8 };

/**
 * Decodes a RowBinary result into one array per column (numbers, or strings for String columns).
 * A result whose length does not fit the columns is refused rather than read as fewer rows.
 */
export function decodeRows(buf: Buffer, columns: readonly ResultColumn[]): (number[] | string[])[] {
  const out: (number[] | string[])[] = columns.map(() => []);
  let pos = 0;
  while (pos < buf.length) {
    columns.forEach((c, i) => {
      const target = out[i] as unknown[];
      if (c === 'str') {
        let len = 0;
        let shift = 1;
        for (;;) {
          const b = buf[pos++];
          if (b === undefined) throw new Error('RowBinary result ends inside a string length');
          len += (b & 0x7f) * shift;
          if (b < 0x80) break;
          shift *= 128;
        }
        if (pos + len > buf.length) throw new Error('RowBinary result ends inside a string');
        target.push(buf.toString('utf8', pos, pos + len));
        pos += len;
        return;
      }
      if (pos + widths[c] > buf.length) throw new Error('RowBinary result ends inside a row');
      target.push(
        c === 'u8'
          ? buf[pos]
          : c === 'u32'
            ? buf.readUInt32LE(pos)
            : c === 'i32'
              ? buf.readInt32LE(pos)
              : buf.readDoubleLE(pos),
      );
      pos += widths[c];
    });
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { RollupParts } from '../../core/metering/rollup-parts.ts';
import type { TelemetryBatch } from '../../core/metering/telemetry-batch.ts';
import { decodeRows, encodeBatch, meterBatchIds, rowCount } from './clickhouse-rows.ts';

function batch(): TelemetryBatch {
  const parts = new RollupParts();
  parts.add(1, 7, 19000, 0.1 + 0.2, 2);
  parts.add(2, 7, 624, -1.5, -1);
  return {
    readings: {
      count: 2,
      meter: Uint32Array.from([7, 7]),
      ts: Uint32Array.from([4_000_000_000, 4_000_003_600]),
      value: Float64Array.from([0.1 + 0.2, 1e-300]),
    },
    parts: [parts],
    flags: [{ meter: 7, ts: 4_000_000_000, kind: 'spike', detail: 'x 3.2 mean\t电' }],
  };
}

describe('RowBinary rows of the ClickHouse telemetry table', () => {
  it('lays out reading chunks, parts and flags in the column order, floats bit for bit', () => {
    const b = batch();
    const buf = encodeBatch(b);
    // One chunk for meter 7's run of two readings, two parts, one flag.
    expect(rowCount(b)).toBe(4);
    const id = 4_000_000_000n;
    expect(meterBatchIds(b)).toEqual(new Map([[7, id]]));
    // The chunk: kind 0, meter 7, grain 0, ts of its first reading, batch 0, idx 0, value 0, n 2,
    // empty text, then tss [ts, ts] and vals [v, v] as length-prefixed arrays.
    expect(buf[0]).toBe(0);
    expect(buf.readUInt32LE(1)).toBe(7);
    expect(buf.readUInt32LE(6)).toBe(4_000_000_000);
    expect(buf.readBigUInt64LE(10)).toBe(0n);
    expect(buf.readUInt32LE(18)).toBe(0);
    expect(buf.readInt32LE(30)).toBe(2);
    expect([buf[34], buf[35]]).toEqual([0, 2]);
    expect([buf.readUInt32LE(36), buf.readUInt32LE(40)]).toEqual([4_000_000_000, 4_000_003_600]);
    expect(buf[44]).toBe(2);
    expect([buf.readDoubleLE(45), buf.readDoubleLE(53)]).toEqual([0.1 + 0.2, 1e-300]);
    const chunk = 61;
    // Second part: kind 1, grain 2, the batch id, idx 1, a negative correction, empty text and arrays.
    const part = 37;
    const p = chunk + part;
    expect([buf[p], buf[p + 5], buf.readUInt32LE(p + 6)]).toEqual([1, 2, 624]);
    expect(buf.readBigUInt64LE(p + 10)).toBe(id);
    expect(buf.readUInt32LE(p + 18)).toBe(1);
    expect([buf.readDoubleLE(p + 22), buf.readInt32LE(p + 30)]).toEqual([-1.5, -1]);
    expect([buf[p + 34], buf[p + 35], buf[p + 36]]).toEqual([0, 0, 0]);
    // The flag: its text is kind TAB detail, length-prefixed UTF-8, then two empty arrays.
    const f = chunk + 2 * part;
    const text = Buffer.from('spike\tx 3.2 mean\t电', 'utf8');
    expect([buf[f], buf.readUInt32LE(f + 18), buf[f + 34]]).toEqual([2, 2, text.length]);
    expect(buf.subarray(f + 35, f + 35 + text.length).toString('utf8')).toBe(text.toString('utf8'));
    expect(buf.length).toBe(f + 35 + text.length + 2);
    expect([...buf.subarray(buf.length - 2)]).toEqual([0, 0]);
  });

  it('makes one chunk per run of a meter, each keyed by its first reading', () => {
    const b: TelemetryBatch = {
      readings: {
        count: 5,
        meter: Uint32Array.from([3, 3, 9, 3, 3]),
        ts: Uint32Array.from([10, 20, 10, 5, 40]),
        value: Float64Array.from([1, 2, 3, 4, 5]),
      },
      parts: [],
      flags: [],
    };
    expect(rowCount(b)).toBe(3);
    const buf = encodeBatch(b);
    const heads: number[][] = [];
    for (let pos = 0; pos < buf.length;) {
      const n = buf.readInt32LE(pos + 30);
      heads.push([buf.readUInt32LE(pos + 1), buf.readUInt32LE(pos + 6), n]);
      pos += 34 + 1 + 1 + 4 * n + 1 + 8 * n;
    }
    expect(heads).toEqual([
      [3, 10, 2],
      [9, 10, 1],
      [3, 5, 2],
    ]);
  });

  it('gives a retried batch the same bytes, and each meter the same rows whatever else the batch holds', () => {
    expect(encodeBatch(batch()).equals(encodeBatch(batch()))).toBe(true);
    // The batch again with a second meter in front (as when a retry finds another meter's rows
    // already stored, or not): meter 7's chunk, part and flag rows keep their batch id and index.
    const other = batch();
    const parts = new RollupParts();
    parts.add(1, 8, 19000, 5, 1);
    parts.add(1, 7, 19000, 0.1 + 0.2, 2);
    parts.add(2, 7, 624, -1.5, -1);
    const mixed: TelemetryBatch = {
      readings: {
        count: 3,
        meter: Uint32Array.from([8, 7, 7]),
        ts: Uint32Array.from([100, ...other.readings.ts]),
        value: Float64Array.from([5, ...other.readings.value]),
      },
      parts: [parts],
      flags: other.flags,
    };
    const alone = encodeBatch(batch());
    const inMixed = encodeBatch(mixed);
    // Mixed: meter 8's chunk (49 bytes), meter 7's chunk (61), meter 8's part (37), then meter 7's
    // two parts and flag: the same bytes as alone.
    expect(inMixed.subarray(49, 49 + 61).equals(alone.subarray(0, 61))).toBe(true);
    expect(inMixed.subarray(49 + 61 + 37).equals(alone.subarray(61))).toBe(true);
    const flagsOnly = (detail: string): TelemetryBatch => ({
      ...batch(),
      readings: { count: 0, meter: new Uint32Array(), ts: new Uint32Array(), value: new Float64Array() },
      flags: [{ meter: 7, ts: 1, kind: 'gap', detail }],
    });
    const idOf = (b: TelemetryBatch) => meterBatchIds(b).get(7) as bigint;
    expect(idOf(flagsOnly('a'))).toBe(idOf(flagsOnly('a')));
    expect(idOf(flagsOnly('a'))).not.toBe(idOf(flagsOnly('b')));
    expect(idOf(flagsOnly('a')) >> 63n).toBe(1n);
  });

  it('decodes results and refuses one cut short rather than reading fewer rows', () => {
    const buf = Buffer.alloc(2 * (1 + 4 + 8 + 4) + 1 + 3);
    let pos = 0;
    for (const [g, m, s, n] of [
      [1, 9, 2.5, 3],
      [2, 10, -0.1, -1],
    ] as const) {
      buf[pos] = g;
      buf.writeUInt32LE(m, pos + 1);
      buf.writeDoubleLE(s, pos + 5);
      buf.writeInt32LE(n, pos + 13);
      pos += 17;
    }
    const rows = decodeRows(buf.subarray(0, pos), ['u8', 'u32', 'f64', 'i32']);
    expect(rows).toEqual([
      [1, 2],
      [9, 10],
      [2.5, -0.1],
      [3, -1],
    ]);
    expect(() => decodeRows(buf.subarray(0, pos - 1), ['u8', 'u32', 'f64', 'i32'])).toThrow(/ends inside/);
    buf[0] = 3;
    buf.write('abc', 1);
    expect(decodeRows(buf.subarray(0, 4), ['str'])).toEqual([['abc']]);
    expect(() => decodeRows(buf.subarray(0, 3), ['str'])).toThrow(/ends inside a string/);
  });
});

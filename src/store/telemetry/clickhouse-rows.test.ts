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
  it('lays out readings, parts and flags in the column order, floats bit for bit', () => {
    const b = batch();
    const buf = encodeBatch(b);
    expect(rowCount(b)).toBe(5);
    const id = 4_000_000_000n;
    expect(meterBatchIds(b)).toEqual(new Map([[7, id]]));
    // First reading: kind 0, meter 7, grain 0, ts, batch 0, idx 0, value, n 1, empty text.
    expect(buf[0]).toBe(0);
    expect(buf.readUInt32LE(1)).toBe(7);
    expect(buf.readUInt32LE(6)).toBe(4_000_000_000);
    expect(buf.readBigUInt64LE(10)).toBe(0n);
    expect(buf.readDoubleLE(22)).toBe(0.1 + 0.2);
    expect(buf.readInt32LE(30)).toBe(1);
    expect(buf[34]).toBe(0);
    expect(buf.readDoubleLE(35 + 22)).toBe(1e-300);
    // Second part: kind 1, grain 2, the batch id, idx 1, a negative correction.
    const p = 35 * 3;
    expect([buf[p], buf[p + 5], buf.readUInt32LE(p + 6)]).toEqual([1, 2, 624]);
    expect(buf.readBigUInt64LE(p + 10)).toBe(id);
    expect(buf.readUInt32LE(p + 18)).toBe(1);
    expect([buf.readDoubleLE(p + 22), buf.readInt32LE(p + 30)]).toEqual([-1.5, -1]);
    // The flag: its text is kind TAB detail, length-prefixed UTF-8.
    const f = 35 * 4;
    const text = Buffer.from('spike\tx 3.2 mean\t电', 'utf8');
    expect([buf[f], buf.readUInt32LE(f + 18), buf[f + 34]]).toEqual([2, 2, text.length]);
    expect(buf.subarray(f + 35).toString('utf8')).toBe(text.toString('utf8'));
    expect(buf.length).toBe(f + 35 + text.length);
  });

  it('gives a retried batch the same bytes, and each meter the same rows whatever else the batch holds', () => {
    expect(encodeBatch(batch()).equals(encodeBatch(batch()))).toBe(true);
    // The batch again with a second meter in front (as when a retry finds another meter's rows
    // already stored, or not): meter 7's part and flag rows keep their batch id and index.
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
    const rowsOf7 = (buf: Buffer, from: number) => buf.subarray(from);
    // Mixed: 3 readings, meter 8's part, then meter 7's two parts and flag: the same bytes as alone.
    expect(rowsOf7(inMixed, 35 * 4).equals(rowsOf7(alone, 35 * 2))).toBe(true);
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

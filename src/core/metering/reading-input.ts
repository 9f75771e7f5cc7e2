import { isUnit, unitDimension, unitRegistry, type Unit } from '../units/unit-registry.ts';
import { daysFromCivil, isValidCivil } from './civil-time.ts';
import type { Meter } from './meter.ts';
import { parseTimestampAt, timestampSeconds } from './parse-timestamp.ts';

/** Why a reading of a batch was not stored. */
export type RejectReason =
  | 'malformed'
  | 'unknown-meter'
  | 'timestamp'
  | 'not-finite'
  | 'negative'
  | 'unit'
  | 'misaligned'
  | 'conflict';

/** One rejected reading: its index in the batch (0-based), the reason and the offending field. */
export interface Rejection {
  readonly index: number;
  readonly reason: RejectReason;
  readonly field: string;
  readonly message: string;
  readonly value?: unknown;
  /** For a conflict: the value already stored for that meter and timestamp. */
  readonly stored?: number;
}

/**
 * Valid readings of a batch as columns (the bulk path allocates no object per reading). The meter
 * of each reading is kept as runs: a feed sends a meter's readings together, so a batch of half a
 * million readings has a few thousand runs, and planning walks them run by run.
 */
export class ReadingColumns {
  count = 0;
  index: Int32Array;
  ts: Uint32Array;
  value: Float64Array;
  /** The meter of each run of consecutive readings, and the position where the run starts. */
  readonly runMeters: Meter[] = [];
  readonly runStarts: number[] = [];

  constructor(capacity = 1024) {
    [this.index, this.ts, this.value] = columnArrays(capacity);
  }

  /** Appends one valid reading. */
  push(index: number, meter: Meter, ts: number, value: number): void {
    if (this.count === this.ts.length) this.grow();
    const i = this.count++;
    if (this.runMeters[this.runMeters.length - 1] !== meter) {
      this.runMeters.push(meter);
      this.runStarts.push(i);
    }
    this.index[i] = index;
    this.ts[i] = ts;
    this.value[i] = value;
  }

  /** Where run r ends (exclusive). */
  runEnd(r: number): number {
    return r + 1 < this.runStarts.length ? (this.runStarts[r + 1] as number) : this.count;
  }

  /** Doubles the capacity. */
  grow(): void {
    const [index, ts, value] = columnArrays(this.ts.length * 2);
    index.set(this.index.subarray(0, this.count));
    ts.set(this.ts.subarray(0, this.count));
    value.set(this.value.subarray(0, this.count));
    giveBack(this.value.buffer as ArrayBuffer);
    this.index = index;
    this.ts = ts;
    this.value = value;
  }

  /**
   * Gives the arrays back for the next batch to use (their pages are already in memory); the
   * columns are empty afterwards. Call it once nothing reads them any more (the batch has committed).
   */
  release(): void {
    giveBack(this.value.buffer as ArrayBuffer);
    this.index = new Int32Array(0);
    this.ts = new Uint32Array(0);
    this.value = new Float64Array(0);
    this.count = 0;
    this.runMeters.length = 0;
    this.runStarts.length = 0;
  }
}

// Big column buffers are reused from batch to batch: a fresh one costs a page fault per 4 KB on
// first write, measured here at 2 ms per MB (20 x 8 MB written fresh: 324 ms, into one buffer
// again: 17 ms), as much as the scan that fills it (ADR 0003).
const poolFrom = 1 << 20;
const poolMaxBytes = 64 << 20;
const pool: ArrayBuffer[] = [];
let pooledBytes = 0;

function giveBack(buffer: ArrayBuffer): void {
  if (buffer.byteLength >= poolFrom && pooledBytes + buffer.byteLength <= poolMaxBytes) {
    pool.push(buffer);
    pooledBytes += buffer.byteLength;
  }
}

/** Index, timestamp and value arrays for `capacity` readings, on one buffer (from the pool when one fits). */
function columnArrays(capacity: number): [Int32Array, Uint32Array, Float64Array] {
  const bytes = capacity * 16;
  let buffer: ArrayBuffer | undefined;
  if (bytes >= poolFrom) {
    let best = -1;
    pool.forEach((b, i) => {
      if (b.byteLength >= bytes && (best < 0 || b.byteLength < (pool[best] as ArrayBuffer).byteLength))
        best = i;
    });
    [buffer] = best >= 0 ? pool.splice(best, 1) : [];
    if (buffer) pooledBytes -= buffer.byteLength;
  }
  buffer ??= new ArrayBuffer(bytes);
  return [
    new Int32Array(buffer, capacity * 12, capacity),
    new Uint32Array(buffer, capacity * 8, capacity),
    new Float64Array(buffer, 0, capacity),
  ];
}

/** The factor from a reading's unit to its meter's, or undefined when the unit does not fit the meter. */
export function unitFactor(meterUnit: Unit, given: string): number | undefined {
  if (given === meterUnit) return 1;
  if (!isUnit(given) || unitDimension(given) !== unitDimension(meterUnit)) return undefined;
  return unitRegistry[given].toBase / unitRegistry[meterUnit].toBase;
}

/**
 * Checks raw readings one by one (from JSON items or CSV cells) against the meter catalog: the
 * meter must be registered, the timestamp an ISO 8601 time or epoch milliseconds (on the grid of an
 * interval meter), the value a finite number of at least 0, and the unit, when given, the meter's
 * (or one of its dimension, converted). Valid readings go to `columns`, the rest to `rejections`.
 */
export function createReadingValidator(
  lookup: (meterId: string) => Meter | undefined,
  capacity = 1024,
): {
  readonly columns: ReadingColumns;
  readonly rejections: Rejection[];
  readonly check: (index: number, meterId: unknown, ts: unknown, value: unknown, unit: unknown) => void;
  readonly checkSpan: (
    index: number,
    text: string,
    ms: number,
    me: number,
    ts: number,
    te: number,
    vs: number,
    ve: number,
    us: number,
    ue: number,
  ) => void;
  readonly scanCsv: (bytes: Uint8Array, cursor: CsvCursor, withUnit: boolean) => void;
} {
  const columns = new ReadingColumns(Math.max(16, capacity));
  const rejections: Rejection[] = [];
  let lastId: unknown = undefined;
  let lastMeter: Meter | undefined;
  let lastUnit: unknown = undefined;
  let lastFactor: number | undefined = 1;
  const check = (index: number, meterId: unknown, tsRaw: unknown, valueRaw: unknown, unitRaw: unknown) => {
    let meter: Meter | undefined;
    if (meterId === lastId && lastMeter) meter = lastMeter;
    else {
      meter = typeof meterId === 'string' ? lookup(meterId) : undefined;
      if (!meter) {
        rejections.push({
          index,
          reason: typeof meterId === 'string' && meterId !== '' ? 'unknown-meter' : 'malformed',
          field: 'meter',
          message:
            typeof meterId === 'string' ? `no meter "${meterId}" is registered` : 'meter id is missing',
          value: meterId,
        });
        return;
      }
      lastId = meterId;
      lastMeter = meter;
      lastUnit = undefined;
    }
    const ts = timestampSeconds(tsRaw, meter.utcOffsetMinutes);
    if (Number.isNaN(ts)) {
      rejections.push({
        index,
        reason: 'timestamp',
        field: 'ts',
        message: 'is not an ISO 8601 timestamp or epoch milliseconds (whole seconds, 1970-2105)',
        value: tsRaw,
      });
      return;
    }
    const iv = meter.intervalSeconds;
    if (
      meter.kind === 'interval' &&
      iv !== null &&
      86400 % iv === 0 &&
      (ts + meter.utcOffsetMinutes * 60) % iv !== 0
    ) {
      rejections.push({
        index,
        reason: 'misaligned',
        field: 'ts',
        message: `is not on the ${iv}-second grid of interval meter "${meter.id}"`,
        value: tsRaw,
      });
      return;
    }
    let value =
      typeof valueRaw === 'number'
        ? valueRaw
        : typeof valueRaw === 'string' && valueRaw.trim() !== ''
          ? Number(valueRaw)
          : NaN;
    if (!Number.isFinite(value)) {
      rejections.push({
        index,
        reason: 'not-finite',
        field: 'value',
        message: 'is not a finite number',
        value: valueRaw,
      });
      return;
    }
    if (unitRaw !== undefined && unitRaw !== null && unitRaw !== '') {
      if (unitRaw !== lastUnit) {
        lastUnit = unitRaw;
        lastFactor = typeof unitRaw === 'string' ? unitFactor(meter.unit, unitRaw) : undefined;
      }
      if (lastFactor === undefined) {
        rejections.push({
          index,
          reason: 'unit',
          field: 'unit',
          message: `meter "${meter.id}" measures ${meter.medium} in ${meter.unit}; ${JSON.stringify(unitRaw)} does not convert to it`,
          value: unitRaw,
        });
        return;
      }
      value *= lastFactor;
    }
    if (value < 0) {
      rejections.push({
        index,
        reason: 'negative',
        field: 'value',
        message: 'must be at least 0',
        value: valueRaw,
      });
      return;
    }
    columns.push(index, meter, ts, value);
  };

  // The CSV bulk path: the same checks over spans of the body, allocating nothing per row while
  // the meter and unit repeat (they do, in any real feed). Anything unusual takes `check`.
  let lastIdText = '';
  let lastUnitText = '';
  const checkSpan = (
    index: number,
    text: string,
    ms: number,
    me: number,
    tb: number,
    te: number,
    vs: number,
    ve: number,
    us: number,
    ue: number,
  ) => {
    const meter = lastMeter;
    if (
      meter === undefined ||
      me - ms !== lastIdText.length ||
      !text.startsWith(lastIdText, ms) ||
      (us >= 0 && ue > us && lastFactor === undefined) ||
      (us >= 0 && ue > us && (ue - us !== lastUnitText.length || !text.startsWith(lastUnitText, us)))
    ) {
      const id = text.slice(ms, me);
      const unit = us >= 0 && ue > us ? text.slice(us, ue) : undefined;
      check(index, id, text.slice(tb, te), text.slice(vs, ve), unit);
      if (lastMeter !== undefined && lastId === id) {
        lastIdText = id;
        // Only a unit whose factor `check` has just worked out may be reused: a row rejected
        // before its unit was looked at leaves the factor of the unit before.
        lastUnitText = unit !== undefined && lastUnit === unit ? unit : '';
      }
      return;
    }
    const ts = parseTimestampAt(text, tb, te, meter.utcOffsetMinutes);
    const iv = meter.intervalSeconds;
    let value = decimalAt(text, vs, ve);
    if (
      Number.isNaN(ts) ||
      (meter.kind === 'interval' &&
        iv !== null &&
        86400 % iv === 0 &&
        (ts + meter.utcOffsetMinutes * 60) % iv !== 0) ||
      Number.isNaN(value)
    ) {
      check(
        index,
        lastId,
        text.slice(tb, te),
        text.slice(vs, ve),
        us >= 0 && ue > us ? text.slice(us, ue) : undefined,
      );
      return;
    }
    if (us >= 0 && ue > us) value *= lastFactor as number;
    if (value < 0) {
      rejections.push({
        index,
        reason: 'negative',
        field: 'value',
        message: 'must be at least 0',
        value: text.slice(vs, ve),
      });
      return;
    }
    columns.push(index, meter, ts, value);
  };

  // The fused fast path over the bytes of rows in the documented column order
  // "meter,ts,value[,unit]": one pass per row, no decoding, no slicing, no call per field (the body
  // of a request arrives as bytes; decoding it to text alone cost as much as this scan). It takes
  // only rows it can decide exactly as `check` would (the cached meter, a UTC timestamp
  // "YYYY-MM-DDTHH:MM:SSZ", a plain decimal of at most 15 digits, the cached unit) and stops at the
  // first row it cannot; the caller hands that row to the general path, which refreshes the
  // caches, and calls back.
  let cachedDate = -1;
  let cachedDaySeconds = 0;
  const encoder = new TextEncoder();
  let idBytesOf = '';
  let idBytes = new Uint8Array(0);
  let unitBytesOf = '';
  let unitBytes = new Uint8Array(0);
  const same = (bytes: Uint8Array, at: number, want: Uint8Array) => {
    for (let k = 0; k < want.length; k++) if (bytes[at + k] !== want[k]) return false;
    return true;
  };
  const scanCsv = (bytes: Uint8Array, cursor: CsvCursor, withUnit: boolean) => {
    const n = bytes.length;
    let pos = cursor.pos;
    let index = cursor.index;
    const meter = lastMeter;
    if (meter !== undefined && lastId === lastIdText && (!withUnit || lastFactor !== undefined)) {
      if (idBytesOf !== lastIdText) {
        idBytesOf = lastIdText;
        idBytes = encoder.encode(lastIdText);
      }
      if (unitBytesOf !== lastUnitText) {
        unitBytesOf = lastUnitText;
        unitBytes = encoder.encode(lastUnitText);
      }
      const idLen = idBytes.length;
      const unitLen = unitBytes.length;
      const off = meter.utcOffsetMinutes * 60;
      const iv =
        meter.kind === 'interval' && meter.intervalSeconds !== null && 86400 % meter.intervalSeconds === 0
          ? meter.intervalSeconds
          : 0;
      const factor = lastFactor as number;
      // Every row the scan takes is this meter's: its run is opened once, at the first row taken,
      // and the columns are written directly.
      let k = columns.count;
      let runOpen = columns.runMeters[columns.runMeters.length - 1] === meter;
      let outIndex = columns.index;
      let outTs = columns.ts;
      let outValue = columns.value;
      for (;;) {
        if (pos >= n || bytes[pos + idLen] !== 44 || !same(bytes, pos, idBytes)) break;
        const b = pos + idLen + 1;
        if (
          bytes[b + 4] !== 45 ||
          bytes[b + 7] !== 45 ||
          bytes[b + 10] !== 84 ||
          bytes[b + 13] !== 58 ||
          bytes[b + 16] !== 58 ||
          bytes[b + 19] !== 90 ||
          bytes[b + 20] !== 44
        )
          break;
        // In range: byte b + 20 exists, so every digit position before it does.
        const yh = twoDigits(bytes, b);
        const yl = twoDigits(bytes, b + 2);
        const mo = twoDigits(bytes, b + 5);
        const d = twoDigits(bytes, b + 8);
        const h = twoDigits(bytes, b + 11);
        const mi = twoDigits(bytes, b + 14);
        const sec = twoDigits(bytes, b + 17);
        if ((yh | yl | mo | d) < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) break;
        const date = (yh * 100 + yl) * 10000 + mo * 100 + d;
        if (date !== cachedDate) {
          const y = yh * 100 + yl;
          if (!isValidCivil(y, mo, d, 0, 0, 0)) break;
          cachedDate = date;
          cachedDaySeconds = daysFromCivil(y, mo, d) * 86400;
        }
        const ts = cachedDaySeconds + h * 3600 + mi * 60 + sec;
        if (iv !== 0 && (ts + off) % iv !== 0) break;
        // The value: digits with at most one point, then the unit or the line's end.
        let p = b + 21;
        let m = 0;
        let digits = 0;
        let decimals = -1;
        let c = bytes[p];
        for (; ; c = bytes[++p]) {
          if (c !== undefined && c >= 48 && c <= 57) {
            m = m * 10 + (c - 48);
            digits++;
            if (decimals >= 0) decimals++;
          } else if (c === 46 && decimals < 0) decimals = 0;
          else break;
        }
        if (digits === 0 || digits > 15 || decimals === 0) break;
        if (withUnit) {
          if (c !== 44 || (unitLen > 0 && !same(bytes, p + 1, unitBytes))) break;
          p += 1 + unitLen;
          c = bytes[p];
        }
        if (c === 13) c = bytes[++p];
        if (c === 10) p++;
        else if (p < n) break;
        let value = decimals > 0 ? m / (powersOfTen[decimals] as number) : m;
        if (withUnit && unitLen > 0) value *= factor;
        if (k === outTs.length) {
          columns.count = k;
          columns.grow();
          outIndex = columns.index;
          outTs = columns.ts;
          outValue = columns.value;
        }
        if (!runOpen) {
          columns.runMeters.push(meter);
          columns.runStarts.push(k);
          runOpen = true;
        }
        outIndex[k] = index;
        outTs[k] = ts;
        outValue[k] = value;
        k++;
        index++;
        pos = p;
      }
      columns.count = k;
    }
    cursor.pos = pos;
    cursor.index = index;
  };
  return { columns, rejections, check, checkSpan, scanCsv };
}

/** Where a CSV scan stands: the position of the next row in the text and that row's index. */
export interface CsvCursor {
  pos: number;
  index: number;
}

/** The number of two ASCII digits at bytes[i], or -1 when either is not a digit. */
function twoDigits(bytes: Uint8Array, i: number): number {
  const a = (bytes[i] as number) - 48;
  const b = (bytes[i + 1] as number) - 48;
  // x | (9 - x) is negative exactly when x is outside 0..9.
  return (a | (9 - a) | b | (9 - b)) < 0 ? -1 : a * 10 + b;
}

const powersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal ("123", "-4.56") in text[b, e), or NaN (the caller then falls back to Number()).
 * Exact: with at most 15 significant digits the digits form an integer below 2^53 and 10^k is
 * exact, so their quotient is the correctly rounded value, the same double Number() returns
 * (Clinger's fast path), which matters because a re-sent reading must compare equal to the stored one.
 */
function decimalAt(text: string, b: number, e: number): number {
  let i = b;
  let negative = false;
  if (i < e && text.charCodeAt(i) === 45) {
    negative = true;
    i++;
  }
  let m = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) decimals = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || decimals === 0) return NaN;
  const v = decimals > 0 ? m / (powersOfTen[decimals] as number) : m;
  return negative ? -v : v;
}

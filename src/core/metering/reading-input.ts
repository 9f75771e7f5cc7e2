import { isUnit, unitDimension, unitRegistry, type Unit } from '../units/unit-registry.ts';
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

/** Valid readings of a batch as columns (the bulk path allocates no object per reading). */
export class ReadingColumns {
  count = 0;
  index: Int32Array;
  meters: Meter[] = [];
  ts: Uint32Array;
  value: Float64Array;

  constructor(capacity = 1024) {
    this.index = new Int32Array(capacity);
    this.ts = new Uint32Array(capacity);
    this.value = new Float64Array(capacity);
  }

  /** Appends one valid reading. */
  push(index: number, meter: Meter, ts: number, value: number): void {
    if (this.count === this.ts.length) this.grow();
    const i = this.count++;
    this.index[i] = index;
    this.meters[i] = meter;
    this.ts[i] = ts;
    this.value[i] = value;
  }

  private grow(): void {
    const cap = this.ts.length * 2;
    const index = new Int32Array(cap);
    index.set(this.index);
    const ts = new Uint32Array(cap);
    ts.set(this.ts);
    const value = new Float64Array(cap);
    value.set(this.value);
    this.index = index;
    this.ts = ts;
    this.value = value;
  }
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
        lastUnitText = unit ?? '';
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
  return { columns, rejections, check, checkSpan };
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

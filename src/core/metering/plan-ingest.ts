import { grainCode, keepsHourRollup, monthOfDay } from './buckets.ts';
import { counterDelta } from './counter-delta.ts';
import type { Meter } from './meter.ts';
import { MeterSeries } from './meter-series.ts';
import type { ReadingColumns, Rejection } from './reading-input.ts';
import { RollupParts } from './rollup-parts.ts';

/** What ingest keeps per meter between batches: its series (the dedupe index) and spike statistics. */
export interface MeterState {
  readonly meter: Meter;
  readonly series: MeterSeries;
  /** Exponentially weighted mean and variance of the use per reading, for spike detection. */
  mean: number;
  variance: number;
  seen: number;
  /** Cache of the last day -> month lookup (civil arithmetic is the costliest step per reading). */
  lastDay: number;
  lastMonth: number;
}

/** A fresh state for a meter, over the readings already stored for it. */
export function meterState(meter: Meter, series: MeterSeries = new MeterSeries()): MeterState {
  return { meter, series, mean: 0, variance: 0, seen: 0, lastDay: -1, lastMonth: -1 };
}

/** Something noticed about a stored reading; it is stored all the same. */
export type FlagKind = 'gap' | 'spike' | 'reset' | 'rollover';

export interface ReadingFlag {
  readonly meterKey: number;
  readonly meterId: string;
  readonly ts: number;
  readonly kind: FlagKind;
  readonly detail: string;
  /** The batch index of the reading that raised it. */
  readonly index: number;
}

/** The readings to store, as columns for the store's appender. */
export interface StoredColumns {
  count: number;
  meter: Uint32Array;
  ts: Uint32Array;
  value: Float64Array;
}

/** Everything one batch changes: new readings, rollup parts per grain, duplicates, conflicts and flags. */
export interface IngestPlan {
  readonly stored: StoredColumns;
  readonly parts: { readonly hour: RollupParts; readonly day: RollupParts; readonly month: RollupParts };
  readonly duplicates: number;
  readonly conflicts: Rejection[];
  readonly flags: ReadingFlag[];
}

// A week of 15-minute readings (four weeks of hourly ones): long enough that a Monday morning after
// a quiet weekend is not a spike, short enough to follow a plant that changes its load.
const spikeAlpha = 1 / 672;
const spikeWarmup = 96;

/**
 * Plans one batch of valid readings against the meters' stored series, in arrival order: a reading
 * whose (meter, timestamp) is stored with the same value is a duplicate (idempotent, nothing
 * written), with another value a conflict (never overwritten); the rest are inserted into the
 * series, in or out of order, and their use is added to the hour, day and month rollups. A counter's
 * use is the delta to the reading before it (rollover and reset detected); an out-of-order counter
 * reading splits the delta of the reading after it, so that part is taken back and re-added.
 * Gaps (a reading later than one interval after the last) and spikes (use far above the meter's
 * recent mean) are flagged. The series are updated in place; the caller persists the plan. The
 * columns are used up: the readings to store take their place.
 */
export function planIngest(columns: ReadingColumns, stateOf: (meter: Meter) => MeterState): IngestPlan {
  return plan(columns, stateOf, true);
}

/** planIngest without the loop for readings in time order (appendInOrder): the reference it is tested against. */
export function planIngestReference(
  columns: ReadingColumns,
  stateOf: (meter: Meter) => MeterState,
): IngestPlan {
  return plan(columns, stateOf, false);
}

function plan(
  columns: ReadingColumns,
  stateOf: (meter: Meter) => MeterState,
  inOrderLoop: boolean,
): IngestPlan {
  // The readings to store are compacted into the columns' own arrays (the k-th stored reading is
  // written at k, never after the reading being read), the meter key over the batch index: a batch
  // of half a million readings would otherwise take 8 MB of fresh memory, and fresh pages cost more
  // here than the writes (ADR 0003).
  const stored: StoredColumns = {
    count: 0,
    meter: new Uint32Array(columns.index.buffer, columns.index.byteOffset, columns.index.length),
    ts: columns.ts,
    value: columns.value,
  };
  const parts = { hour: new RollupParts(), day: new RollupParts(), month: new RollupParts() };
  const conflicts: Rejection[] = [];
  const flags: ReadingFlag[] = [];
  let duplicates = 0;

  let keepHour = false;

  const contribute = (state: MeterState, ts: number, amount: number, count: number) => {
    const m = state.meter;
    // hourAndDayOf, inlined: this runs for every reading and must not allocate.
    const local = ts + m.utcOffsetMinutes * 60 - 1;
    const hour = Math.floor(local / 3600);
    const day = Math.floor(local / 86400);
    if (keepHour) parts.hour.add(grainCode.hour, m.key, hour, amount, count);
    parts.day.add(grainCode.day, m.key, day, amount, count);
    parts.month.add(grainCode.month, m.key, monthOfCached(state, day), amount, count);
  };

  for (let r = 0; r < columns.runMeters.length; r++) {
    const runStart = columns.runStarts[r] as number;
    const runEnd = columns.runEnd(r);
    const meter = columns.runMeters[r] as Meter;
    const state = stateOf(meter);
    keepHour = keepsHourRollup(meter);
    const s = state.series;
    s.reserve(s.length + runEnd - runStart);
    for (let i = runStart; i < runEnd; i++) {
      if (inOrderLoop && meter.kind === 'interval' && (columns.ts[i] as number) > s.lastTs()) {
        // The common case, an interval meter's readings arriving in time order: a loop of its own.
        i = appendInOrder(state, columns, i, runEnd, stored, parts, keepHour, flags) - 1;
        continue;
      }
      const ts = columns.ts[i] as number;
      const v = columns.value[i] as number;
      const index = columns.index[i] as number;
      let pos: number;
      const appended = ts > s.lastTs();
      if (appended) pos = s.length;
      else {
        pos = s.lowerBound(ts);
        if (pos < s.length && s.ts[pos] === ts) {
          const old = s.values[pos] as number;
          if (old === v) duplicates++;
          else
            conflicts.push({
              index,
              reason: 'conflict',
              field: 'value',
              message: `meter "${meter.id}" already has ${old} at this timestamp; a stored reading is never overwritten`,
              value: v,
              stored: old,
            });
          continue;
        }
      }
      const iv = meter.intervalSeconds;
      if (appended && pos > 0 && iv !== null) {
        const prevTs = s.ts[pos - 1] as number;
        if (ts - prevTs > iv) flags.push(gapFlag(meter, ts, prevTs, iv, index));
      }
      if (meter.kind === 'interval') {
        contribute(state, ts, v, 1);
        if (appended) spikeCheck(state, v, ts, index, flags);
      } else {
        const hasPrev = pos > 0;
        const hasNext = pos < s.length;
        if (hasPrev && hasNext) {
          const old = counterDelta(s.values[pos - 1] as number, s.values[pos] as number, meter.rolloverAt);
          contribute(state, s.ts[pos] as number, -old.delta, -1);
        }
        if (hasPrev) {
          const d = counterDelta(s.values[pos - 1] as number, v, meter.rolloverAt);
          contribute(state, ts, d.delta, 1);
          if (d.step !== 'normal')
            flags.push({
              meterKey: meter.key,
              meterId: meter.id,
              ts,
              kind: d.step,
              detail: `counter went from ${s.values[pos - 1]} to ${v}; use counted as ${d.delta}`,
              index,
            });
          else if (appended) spikeCheck(state, d.delta, ts, index, flags);
        }
        if (hasNext) {
          const d = counterDelta(v, s.values[pos] as number, meter.rolloverAt);
          contribute(state, s.ts[pos] as number, d.delta, 1);
          if (d.step !== 'normal')
            flags.push({
              meterKey: meter.key,
              meterId: meter.id,
              ts: s.ts[pos] as number,
              kind: d.step,
              detail: `counter went from ${v} to ${s.values[pos]}; use counted as ${d.delta}`,
              index,
            });
        }
      }
      s.insertAt(pos, ts, v);
      const k = stored.count++;
      stored.meter[k] = meter.key;
      stored.ts[k] = ts;
      stored.value[k] = v;
    }
  }
  return { stored, parts, duplicates, conflicts, flags };
}

/** The month index of a local day, through the meter's cache of the last day looked up. */
function monthOfCached(state: MeterState, day: number): number {
  if (day !== state.lastDay) {
    state.lastDay = day;
    state.lastMonth = monthOfDay(day);
  }
  return state.lastMonth;
}

/** The flag of a reading at `ts` that follows the one at `prevTs` by more than the interval. */
function gapFlag(meter: Meter, ts: number, prevTs: number, iv: number, index: number): ReadingFlag {
  return {
    meterKey: meter.key,
    meterId: meter.id,
    ts,
    kind: 'gap',
    detail: `${Math.ceil((ts - prevTs) / iv) - 1} interval(s) missing since ${prevTs}`,
    index,
  };
}

/**
 * Flags a use far above the meter's recent mean as a spike; any other use goes into the mean and
 * variance (exponentially weighted, after a warm-up of plain averaging).
 */
function spikeCheck(state: MeterState, use: number, ts: number, index: number, flags: ReadingFlag[]): void {
  const sd = Math.sqrt(state.variance);
  if (state.seen >= spikeWarmup && use > state.mean + 8 * sd && use > 4 * state.mean && use > 0) {
    flags.push({
      meterKey: state.meter.key,
      meterId: state.meter.id,
      ts,
      kind: 'spike',
      detail: `use ${use} against a recent mean of ${state.mean.toPrecision(4)} (sd ${sd.toPrecision(4)})`,
      index,
    });
    return;
  }
  state.seen++;
  const alpha = state.seen < spikeWarmup ? 1 / state.seen : spikeAlpha;
  const diff = use - state.mean;
  const incr = alpha * diff;
  state.mean += incr;
  state.variance = (1 - alpha) * (state.variance + diff * incr);
}

/**
 * planIngest for an interval meter's readings [i, end) while each is later than the last one
 * stored: every one is appended, so no search, no duplicate and no counter delta; the use is summed
 * per bucket in locals and handed to the rollup parts once per bucket. Returns where it stopped
 * (the first reading not later than the one before it, or `end`). Same results as the general loop.
 */
function appendInOrder(
  state: MeterState,
  columns: ReadingColumns,
  i: number,
  end: number,
  stored: StoredColumns,
  parts: IngestPlan['parts'],
  keepHour: boolean,
  flags: ReadingFlag[],
): number {
  const m = state.meter;
  const s = state.series;
  const iv = m.intervalSeconds;
  const shift = m.utcOffsetMinutes * 60 - 1;
  const key = m.key;
  const cts = columns.ts;
  const cvalue = columns.value;
  const sts = s.ts;
  const svalues = s.values;
  const om = stored.meter;
  const ots = stored.ts;
  const ov = stored.value;
  let len = s.length;
  let last = len === 0 ? -1 : (sts[len - 1] as number);
  let k = stored.count;
  const hour = new BucketSum(parts.hour, grainCode.hour, key);
  const day = new BucketSum(parts.day, grainCode.day, key);
  const month = new BucketSum(parts.month, grainCode.month, key);
  for (; i < end; i++) {
    const ts = cts[i] as number;
    if (ts <= last) break;
    const v = cvalue[i] as number;
    if (len > 0 && iv !== null && ts - last > iv)
      flags.push(gapFlag(m, ts, last, iv, columns.index[i] as number));
    const local = ts + shift;
    if (keepHour) hour.add(Math.floor(local / 3600), v);
    const d = Math.floor(local / 86400);
    day.add(d, v);
    month.add(monthOfCached(state, d), v);
    spikeCheck(state, v, ts, columns.index[i] as number, flags);
    sts[len] = ts;
    svalues[len] = v;
    len++;
    last = ts;
    om[k] = key;
    ots[k] = ts;
    ov[k] = v;
    k++;
  }
  hour.flush();
  day.flush();
  month.flush();
  s.length = len;
  stored.count = k;
  return i;
}

/** One meter's use summed per bucket of one grain, handed to the rollup parts once per bucket. */
class BucketSum {
  private bucket = -1;
  private sum = 0;
  private n = 0;
  constructor(
    private readonly parts: RollupParts,
    private readonly grain: number,
    private readonly meter: number,
  ) {}

  add(bucket: number, use: number): void {
    if (bucket !== this.bucket) {
      this.flush();
      this.bucket = bucket;
    }
    this.sum += use;
    this.n++;
  }

  flush(): void {
    if (this.n > 0) this.parts.add(this.grain, this.meter, this.bucket, this.sum, this.n);
    this.sum = 0;
    this.n = 0;
  }
}

import { GmError, validationError } from '../../core/errors.ts';
import { formatDay, formatIso, formatMonth, parseDay, parseMonth } from '../../core/metering/civil-time.ts';
import { grainCode, keepsHourRollup } from '../../core/metering/buckets.ts';
import { validateMeterInput, type Meter } from '../../core/metering/meter.ts';
import { findGaps, MeterSeries } from '../../core/metering/meter-series.ts';
import { monthlyAccounts, type MonthlyAccounts } from '../../core/metering/monthly-accounts.ts';
import { meterState, planIngest, type FlagKind, type MeterState } from '../../core/metering/plan-ingest.ts';
import {
  createReadingValidator,
  type ReadingColumns,
  type Rejection,
} from '../../core/metering/reading-input.ts';
import { RollupBook } from '../../core/metering/rollup-book.ts';
import type { Meters, Telemetry } from '../../core/ports.ts';
import { mergeBatches, type TelemetryBatch } from '../../core/metering/telemetry-batch.ts';
import { parseReadingsCsv } from './parse-readings-csv.ts';

/** What became of one batch: how many were stored, which were rejected and why, what was flagged. */
export interface IngestReport {
  readonly received: number;
  readonly stored: number;
  /** Readings already stored with the same value: accepted, nothing written (idempotent). */
  readonly duplicates: number;
  readonly rejected: readonly Rejection[];
  readonly flags: {
    readonly count: number;
    /** The first 1,000 flags. */
    readonly items: readonly { index: number; meter: string; ts: string; kind: FlagKind; detail: string }[];
  };
}

const maxFlagsReported = 1000;

/** The metering use cases over the Meters and Telemetry ports; one instance per process holds the dedupe index. */
export type MeteringService = Awaited<ReturnType<typeof createMeteringService>>;

/**
 * Opens the metering service: loads the meter catalog and the day and month rollups, and keeps per
 * meter the dedupe index (loaded from the store the first time a meter is written). Batches are
 * ingested one at a time: plan in core, commit durably, then update the in-memory rollups.
 */
export async function createMeteringService(deps: {
  readonly meters: Meters;
  readonly telemetry: Telemetry;
}) {
  const { meters, telemetry } = deps;
  const byId = new Map<string, Meter>();
  const byKey = new Map<number, Meter>();
  for (const m of await meters.all()) {
    byId.set(m.id, m);
    byKey.set(m.key, m);
  }
  const withReadings = await telemetry.meterKeysWithReadings();
  const states = new Map<number, MeterState>();
  const book = new RollupBook();
  const loadRollups = async (keys?: readonly number[]) => {
    for (const r of await telemetry.loadRollups(keys)) {
      const m = byKey.get(r.meter);
      if (m) book.add(m, r.grain, r.bucket, r.sum, r.n);
    }
  };
  await loadRollups();
  // Meters whose rollups could not be reloaded after a failed commit (the telemetry store was
  // unreachable): the in-memory rollups refuse to answer until they are back, rather than answer
  // a smaller sum (issue 9).
  const unloaded = new Set<number>();
  const reloadUnloaded = async () => {
    if (unloaded.size === 0) return;
    const keys = [...unloaded];
    await loadRollups(keys);
    for (const k of keys) unloaded.delete(k);
  };

  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const lookup = (id: string) => byId.get(id);
  const within =
    (find: (id: string) => Meter | undefined, may: ((m: Meter) => boolean) | undefined) => (id: string) => {
      const m = find(id);
      return m && (may === undefined || may(m)) ? m : undefined;
    };
  const meterOf = (id: string): Meter => {
    const m = byId.get(id);
    if (!m) throw new GmError('GM_NOT_FOUND', `No meter with id "${id}"`, { field: 'meter', id });
    return m;
  };

  // Batches are planned one after the other (each plan reads the dedupe index the plans before
  // it left) and committed one after the other in the same order, but the next batch is planned
  // while the one before commits: the store's work (DuckDB's commit, a ClickHouse insert on other
  // servers) overlaps the next batch's planning. A plan counts readings of the batches before it
  // as stored; so when a commit fails, every batch planned after it fails too (retryable, nothing
  // acknowledged), and the meters they touched are forgotten and reloaded from the store.
  //
  // Group commit: the batches planned while a commit runs are committed together by the next one
  // (one store transaction or insert for many small HTTP requests and MQTT messages), and each is
  // answered when that commit has returned.
  let generation = 0;
  interface Planned {
    readonly batch: TelemetryBatch;
    readonly touched: ReadonlySet<Meter>;
    readonly gen: number;
    readonly resolve: () => void;
    readonly reject: (e: unknown) => void;
  }
  const toCommit: Planned[] = [];
  let committing: Promise<void> | null = null;
  // Starts the committer unless it runs. A batch queued after the committer's last look at the
  // queue but before its promise settles (a microtask apart) is picked up by the restart here.
  const startCommitting = () => {
    if (committing) return;
    committing = commitQueued().finally(() => {
      committing = null;
      if (toCommit.length > 0) startCommitting();
    });
  };
  const commitQueued = async () => {
    while (toCommit.length > 0) {
      const group = toCommit.splice(0);
      // Batches planned on top of a commit that failed since: void (their meters are reloading).
      for (const g of group.filter((g) => g.gen !== generation)) {
        hold(g.touched, -1);
        g.reject(voided());
      }
      const live = group.filter((g) => g.gen === generation);
      if (live.length === 0) continue;
      const touched = new Set(live.flatMap((g) => [...g.touched]));
      try {
        await telemetry.commit(mergeBatches(live.map((g) => g.batch)));
      } catch (e) {
        // The in-memory index already holds these batches and those planned after them.
        forgetPending(touched);
        for (const g of live) hold(g.touched, -1);
        await serially(reloadUnloaded).catch(() => undefined);
        for (const g of live) g.reject(e);
        continue;
      }
      for (const g of live) {
        hold(g.touched, -1);
        for (const p of g.batch.parts.slice(1)) book.addParts(p, (k) => byKey.get(k));
      }
      for (const m of touched) if ((states.get(m.key)?.series.length ?? 0) > 0) withReadings.add(m.key);
      for (const g of live) g.resolve();
    }
  };
  // Meters touched by batches planned and not yet committed.
  const inFlight = new Map<number, number>();
  const hold = (touched: Iterable<Meter>, by: 1 | -1) => {
    for (const m of touched) {
      const n = (inFlight.get(m.key) ?? 0) + by;
      if (n === 0) inFlight.delete(m.key);
      else inFlight.set(m.key, n);
    }
  };
  /** After a failed commit: later plans are void, and every meter a pending batch touched is reloaded. */
  const forgetPending = (touched: Iterable<Meter>) => {
    generation++;
    const keys = new Set<number>(inFlight.keys());
    for (const m of touched) keys.add(m.key);
    for (const k of keys) {
      states.delete(k);
      const m = byKey.get(k);
      if (m) book.dropMeter(m);
      unloaded.add(k);
    }
  };
  const voided = () =>
    new GmError(
      'GM_TELEMETRY_UNAVAILABLE',
      'An earlier batch could not be stored, and this one was planned on top of it; nothing of it was acknowledged, retry',
      { retryable: true, operation: 'take this batch' },
    );

  async function ingestColumns(
    columns: ReadingColumns,
    received: number,
    rejected: Rejection[],
  ): Promise<IngestReport> {
    const planned = await serially(async () => {
      await reloadUnloaded();
      const gen = generation;
      // Which meters does the batch touch, and does it interleave them (then its parts need merging)?
      const touched = new Set<Meter>(columns.runMeters);
      const switches = columns.runMeters.length;
      const toLoad = [...touched]
        .filter((m) => !states.has(m.key) && withReadings.has(m.key))
        .map((m) => m.key);
      const loaded = await telemetry.loadSeries(toLoad);
      // A commit failed while the series were loading: what this plan would read is being dropped.
      if (gen !== generation) throw voided();
      for (const m of touched)
        if (!states.has(m.key)) {
          const s = loaded.get(m.key);
          states.set(
            m.key,
            meterState(m, s ? new MeterSeries(s.ts, s.values, s.ts.length) : new MeterSeries()),
          );
        }
      const plan = planIngest(columns, (m) => states.get(m.key) as MeterState);
      const interleaved = switches > touched.size;
      const parts = [plan.parts.hour, plan.parts.day, plan.parts.month].map((p) =>
        interleaved ? p.compact() : p,
      );
      hold(touched, 1);
      return { plan, parts, touched, gen };
    });
    const { plan, parts, touched, gen } = planned;
    await new Promise<void>((resolve, reject) => {
      toCommit.push({
        batch: {
          readings: plan.stored,
          parts,
          flags: plan.flags.map((f) => ({ meter: f.meterKey, ts: f.ts, kind: f.kind, detail: f.detail })),
        },
        touched,
        gen,
        resolve,
        reject,
      });
      startCommitting();
    });
    const all = [...rejected, ...plan.conflicts].sort((a, b) => a.index - b.index);
    return {
      received,
      stored: plan.stored.count,
      duplicates: plan.duplicates,
      rejected: all,
      flags: {
        count: plan.flags.length,
        items: plan.flags.slice(0, maxFlagsReported).map((f) => ({
          index: f.index,
          meter: f.meterId,
          ts: formatIso(f.ts, byKey.get(f.meterKey)?.utcOffsetMinutes ?? 0),
          kind: f.kind,
          detail: f.detail,
        })),
      },
    };
  }

  /**
   * Checks readings given as JSON objects {meter, ts, value, unit?}; `fixed` fixes the meter and its
   * factory (an MQTT topic's), `may` refuses meters outside the caller's reach (reported as unknown).
   */
  function validateItems(
    items: readonly unknown[],
    fixed?: { meterId: string; factoryId: string },
    may?: (m: Meter) => boolean,
  ) {
    const v = createReadingValidator(
      within(
        fixed
          ? (id) =>
              id === fixed.meterId && byId.get(id)?.factoryId === fixed.factoryId ? byId.get(id) : undefined
          : lookup,
        may,
      ),
    );
    items.forEach((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        v.rejections.push({
          index: i,
          reason: 'malformed',
          field: '(item)',
          message: 'must be an object {meter, ts, value}',
        });
        return;
      }
      const o = item as Record<string, unknown>;
      v.check(i, fixed ? fixed.meterId : o.meter, o.ts, o.value, o.unit);
    });
    return v;
  }

  /** Refuses reads of the in-memory rollups while some meters' rollups are not loaded (and retries loading them). */
  const requireRollups = () => {
    if (unloaded.size === 0) return;
    void serially(reloadUnloaded).catch(() => undefined);
    throw new GmError(
      'GM_TELEMETRY_UNAVAILABLE',
      'The rollups of some meters are being reloaded from the telemetry store after a failed write; retry',
      { retryable: true, operation: 'reload rollups', meters: unloaded.size },
    );
  };

  const dayArg = (text: string, field: string) => {
    const d = parseDay(text);
    if (d === undefined)
      throw validationError([{ field, message: 'must be a date YYYY-MM-DD', value: text }]);
    return d;
  };
  const monthArg = (text: string, field: string) => {
    const m = parseMonth(text);
    if (m === undefined) throw validationError([{ field, message: 'must be a month YYYY-MM', value: text }]);
    return m;
  };

  return {
    /** Registers a meter after checking every field. */
    async addMeter(raw: Record<string, unknown>): Promise<Meter> {
      const checked = validateMeterInput(raw);
      if (!checked.ok) throw validationError(checked.issues, 'meter');
      const meter = await meters.add(checked.meter);
      byId.set(meter.id, meter);
      byKey.set(meter.key, meter);
      return meter;
    },
    listMeters: (factoryId?: string): Meter[] =>
      [...byId.values()].filter((m) => factoryId === undefined || m.factoryId === factoryId),
    getMeter: meterOf,

    /**
     * Ingests readings given as JSON objects {meter, ts, value, unit?}; `fixed` fixes the meter and
     * its factory (MQTT topics). A meter `may` refuses is reported as an unknown meter, so that the
     * batch learns nothing of meters outside the caller's reach.
     */
    ingestItems(
      items: readonly unknown[],
      fixed?: { meterId: string; factoryId: string },
      may?: (m: Meter) => boolean,
    ): Promise<IngestReport> {
      const v = validateItems(items, fixed, may);
      return ingestColumns(v.columns, items.length, v.rejections).finally(() => v.columns.release());
    },

    /**
     * Ingests a CSV body with columns meter, ts, value (and optionally unit): the bulk path. Give
     * it the bytes of a request as they came (UTF-8); text is taken too.
     */
    ingestCsv(text: string | Uint8Array, may?: (m: Meter) => boolean): Promise<IngestReport> {
      const v = createReadingValidator(within(lookup, may), Math.ceil(text.length / 24));
      const parsed = parseReadingsCsv(text, v.check, v.checkSpan, v.scanCsv);
      return ingestColumns(v.columns, parsed.rows, [...parsed.rejections, ...v.rejections]).finally(() =>
        v.columns.release(),
      );
    },

    /** Ingests readings already validated (the steel demo loader, benchmarks). */
    ingestValid: (columns: ReadingColumns) => ingestColumns(columns, columns.count, []),

    /** Every meter's use on one local day (the daily view of all meters), from the in-memory rollups. */
    dailyRollup(day: string, factoryId?: string) {
      requireRollups();
      const d = dayArg(day, 'day');
      return book.allMeters('day', d).flatMap((r) => {
        const m = byKey.get(r.meterKey);
        return m && (factoryId === undefined || m.factoryId === factoryId)
          ? [{ meter: m.id, unit: m.unit, sum: r.sum, readings: r.n }]
          : [];
      });
    },

    /** One meter's use in one month. */
    meterMonth(meterId: string, month: string) {
      requireRollups();
      const m = meterOf(meterId);
      const r = book.meterBucket(m.key, 'month', monthArg(month, 'month'));
      return { meter: m.id, month, unit: m.unit, sum: r?.sum ?? 0, readings: r?.n ?? 0 };
    },

    /** One meter's rollups over a range: hours from the store, days and months from memory. */
    async meterRollups(meterId: string, grain: 'hour' | 'day' | 'month', from: string, to: string) {
      requireRollups();
      const m = meterOf(meterId);
      if (grain === 'month') {
        const [a, b] = [monthArg(from, 'from'), monthArg(to, 'to')];
        return book
          .meterRange(m.key, 'month', a, b)
          .map((r) => ({ bucket: formatMonth(r.bucket), sum: r.sum, readings: r.n }));
      }
      const [a, b] = [dayArg(from, 'from'), dayArg(to, 'to')];
      if (grain === 'day')
        return book
          .meterRange(m.key, 'day', a, b)
          .map((r) => ({ bucket: formatDay(r.bucket), sum: r.sum, readings: r.n }));
      const off = m.utcOffsetMinutes * 60;
      const label = (hour: number) => formatIso(hour * 3600 - off, m.utcOffsetMinutes);
      if (keepsHourRollup(m)) {
        const rows = await telemetry.rollupRange(m.key, grainCode.hour, a * 24, b * 24 + 23);
        return rows.map((r) => ({ bucket: label(r.bucket), sum: r.sum, readings: r.n }));
      }
      // An hourly (or coarser) interval meter: its readings are its hour rollup (buckets.ts).
      const rows = await telemetry.readings(m.key, a * 86400 - off + 1, (b + 1) * 86400 - off + 1);
      return rows.map((r) => ({
        bucket: label(Math.floor((r.ts + off - 1) / 3600)),
        sum: r.value,
        readings: 1,
      }));
    },

    /** A factory's metered use by medium in one month, with tce and CO2 from the accounting core. */
    factoryMonth(
      factoryId: string,
      month: string,
      regionCode?: string,
    ): { factoryId: string; month: string } & MonthlyAccounts {
      requireRollups();
      const mi = monthArg(month, 'month');
      const uses = book
        .factoryBucket(factoryId, 'month', mi)
        .map((u) => ({ medium: u.medium, unit: u.unit, quantity: u.sum }));
      return { factoryId, month, ...monthlyAccounts(uses, Math.floor(mi / 12), regionCode) };
    },

    /** Gaps in a meter's readings between two ISO times (meters with an interval only). */
    async gaps(meterId: string, fromTs: number, toTs: number) {
      const m = meterOf(meterId);
      if (m.intervalSeconds === null) return [];
      let state = states.get(m.key);
      if (!state) {
        const s = (await telemetry.loadSeries([m.key])).get(m.key);
        state = meterState(m, s ? new MeterSeries(s.ts, s.values, s.ts.length) : new MeterSeries());
        await serially(() => {
          if (!states.has(m.key)) states.set(m.key, state as MeterState);
          return Promise.resolve();
        });
      }
      return findGaps(state.series, m.intervalSeconds, fromTs, toTs).map((g) => ({
        from: formatIso(g.from, m.utcOffsetMinutes),
        to: formatIso(g.to, m.utcOffsetMinutes),
        missing: g.missing,
      }));
    },

    async flags(meterId: string, fromTs: number, toTs: number) {
      const m = meterOf(meterId);
      return (await telemetry.flags(m.key, fromTs, toTs)).map((f) => ({
        ts: formatIso(f.ts, m.utcOffsetMinutes),
        kind: f.kind,
        detail: f.detail,
      }));
    },

    async readings(meterId: string, fromTs: number, toTs: number) {
      const m = meterOf(meterId);
      return (await telemetry.readings(m.key, fromTs, toTs)).map((r) => ({
        ts: formatIso(r.ts, m.utcOffsetMinutes),
        value: r.value,
      }));
    },

    /** Waits for the batches in flight (shutdown). */
    drain: () =>
      serially(async () => {
        while (committing) await committing;
      }),
  };
}

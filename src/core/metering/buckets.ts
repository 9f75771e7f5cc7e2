import { civilFromDays } from './civil-time.ts';
import type { Meter } from './meter.ts';

/** The rollup grains, as stored in the telemetry store's `grain` column. */
export const grainCode = { hour: 0, day: 1, month: 2 } as const;
export type Grain = keyof typeof grainCode;

/**
 * Whether a meter's hour rollup is kept apart from its readings. An interval meter reporting every
 * hour or less often already has one reading per hour bucket at most, so its readings are its hour
 * rollup and storing them twice would double the bytes on disk; counters need deltas, and
 * sub-hourly meters need summing, so theirs are kept.
 */
export function keepsHourRollup(meter: Pick<Meter, 'kind' | 'intervalSeconds'>): boolean {
  return meter.kind === 'counter' || meter.intervalSeconds === null || meter.intervalSeconds < 3600;
}

/**
 * The local hour and day index (since 1970-01-01) that a reading at `ts` falls in. Readings are
 * end-labelled: a reading closes the interval that ends at its timestamp, so one stamped 24:00
 * (00:00 of the next day) belongs to the day it closes; hence the one second taken off.
 */
export function hourAndDayOf(ts: number, utcOffsetMinutes: number): { hour: number; day: number } {
  const local = ts + utcOffsetMinutes * 60 - 1;
  return { hour: Math.floor(local / 3600), day: Math.floor(local / 86400) };
}

/** The month index (year * 12 + month - 1) of a local day index. */
export function monthOfDay(day: number): number {
  const { year, month } = civilFromDays(day);
  return year * 12 + month - 1;
}

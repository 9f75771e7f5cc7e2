import type { FieldIssue } from '../errors.ts';
import type { EnergyMedium } from '../standards/coefficients/energy-conversion-coefficients.ts';
import { energyConversionCoefficients } from '../standards/coefficients/energy-conversion-coefficients.ts';
import { isUnit, unitDimension, type Unit } from '../units/unit-registry.ts';

/**
 * How a meter reports: an interval meter sends the quantity used in each interval ending at the
 * timestamp; a counter (register) meter sends a cumulative total that only grows, except when it
 * rolls over at its modulus or is reset.
 */
export type MeterKind = 'interval' | 'counter';

/** A meter bound to a factory, an energy medium and a unit. `key` is its compact id in the telemetry store. */
export interface Meter {
  readonly id: string;
  readonly key: number;
  readonly factoryId: string;
  readonly medium: EnergyMedium;
  readonly unit: Unit;
  readonly kind: MeterKind;
  /** The reporting interval in seconds: required for interval meters, optional (expected cadence) for counters. */
  readonly intervalSeconds: number | null;
  /** A counter's modulus: the register wraps to 0 on reaching it (e.g. 1e6 for six digits). */
  readonly rolloverAt: number | null;
  /** The site's offset from UTC in minutes; day and month buckets are local to the site. */
  readonly utcOffsetMinutes: number;
  readonly name: string | null;
}

/** What a user gives to register a meter (the store assigns the key). */
export type MeterInput = Omit<Meter, 'key'>;

/** The media a meter may measure: every medium of the GB/T 2589-2020 table. */
export const meteredMedia: readonly EnergyMedium[] = Object.keys(
  energyConversionCoefficients.media,
) as EnergyMedium[];

/** Ids usable as one MQTT topic level and in URLs: letters, digits, '.', '_' and '-'. */
export const meterIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Checks a meter registration and returns it normalised, or the issues naming each bad field. */
export function validateMeterInput(raw: {
  readonly id?: unknown;
  readonly factoryId?: unknown;
  readonly medium?: unknown;
  readonly unit?: unknown;
  readonly kind?: unknown;
  readonly intervalSeconds?: unknown;
  readonly rolloverAt?: unknown;
  readonly utcOffsetMinutes?: unknown;
  readonly name?: unknown;
}): { ok: true; meter: MeterInput } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const bad = (field: string, message: string, value: unknown) => issues.push({ field, message, value });
  const id = raw.id;
  if (typeof id !== 'string' || !meterIdPattern.test(id))
    bad('id', 'must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit', id);
  const factoryId = raw.factoryId;
  if (typeof factoryId !== 'string' || !meterIdPattern.test(factoryId))
    bad('factoryId', 'must be 1-64 letters, digits, ".", "_" or "-" (it is one MQTT topic level)', factoryId);
  const medium = raw.medium;
  const known = meteredMedia.find((m) => m === medium);
  if (!known) bad('medium', `must be one of ${meteredMedia.join(', ')}`, medium);
  const unit = raw.unit;
  if (!isUnit(unit)) bad('unit', 'is not a known unit (kWh, MWh, GJ, t, m3, Nm3 ...)', unit);
  else if (['coal-equivalent', 'co2-mass', 'co2e-mass'].includes(unitDimension(unit)))
    bad('unit', 'a meter measures a physical quantity, not tce or CO2', unit);
  const kind = raw.kind ?? 'interval';
  if (kind !== 'interval' && kind !== 'counter') bad('kind', 'must be "interval" or "counter"', kind);
  const interval = raw.intervalSeconds ?? null;
  if (
    interval !== null &&
    !(Number.isInteger(interval) && (interval as number) >= 1 && (interval as number) <= 86400 * 31)
  )
    bad('intervalSeconds', 'must be a whole number of seconds from 1 to 2678400', interval);
  if (kind === 'interval' && interval === null)
    bad('intervalSeconds', 'is required for an interval meter', interval);
  const rollover = raw.rolloverAt ?? null;
  if (rollover !== null && !(typeof rollover === 'number' && Number.isFinite(rollover) && rollover > 0))
    bad('rolloverAt', 'must be a positive number', rollover);
  if (rollover !== null && kind !== 'counter') bad('rolloverAt', 'applies to counter meters only', rollover);
  const offset = raw.utcOffsetMinutes ?? 480;
  if (!(Number.isInteger(offset) && (offset as number) >= -720 && (offset as number) <= 840))
    bad('utcOffsetMinutes', 'must be a whole number of minutes from -720 to 840', offset);
  const name = raw.name ?? null;
  if (name !== null && (typeof name !== 'string' || name.length > 200))
    bad('name', 'must be text of at most 200 characters', name);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    meter: {
      id: id as string,
      factoryId: factoryId as string,
      medium: known as EnergyMedium,
      unit: unit as Unit,
      kind: kind as MeterKind,
      intervalSeconds: interval as number | null,
      rolloverAt: rollover as number | null,
      utcOffsetMinutes: offset as number,
      name: name as string | null,
    },
  };
}

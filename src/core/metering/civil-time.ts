/**
 * Calendar arithmetic on epoch seconds without the Date global (core has no clock, STYLE.md habit 1).
 * The day-count algorithm is Howard Hinnant's `days_from_civil` / `civil_from_days` (proleptic
 * Gregorian calendar), exact for every year the meters can report.
 */

/** Days since 1970-01-01 of a civil date (month 1-12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date (year, month 1-12, day) of a day count since 1970-01-01. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  return (
    daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    daysFromCivil(year, month, 1)
  );
}

/** True when the fields name a real civil date and time of day (24:00 is not accepted here). */
export function isValidCivil(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return (
    y >= 1970 &&
    y <= 2105 &&
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, mo) &&
    h >= 0 &&
    h <= 23 &&
    mi >= 0 &&
    mi <= 59 &&
    s >= 0 &&
    s <= 59
  );
}

/** Epoch seconds of a civil date-time read at a UTC offset (minutes east of UTC). */
export function epochSecondsOf(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offsetMinutes: number,
): number {
  return daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offsetMinutes * 60;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 text of epoch seconds at a UTC offset, e.g. "2018-01-01T00:15:00+09:00". */
export function formatIso(epochSeconds: number, offsetMinutes: number): string {
  const local = epochSeconds + offsetMinutes * 60;
  const days = Math.floor(local / 86400);
  const sod = local - days * 86400;
  const { year, month, day } = civilFromDays(days);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(offsetMinutes);
  const zone = offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(Math.floor(sod / 3600))}:${pad(Math.floor((sod % 3600) / 60))}:${pad(sod % 60)}${zone}`;
}

/** "YYYY-MM-DD" of a local day index (days since 1970-01-01 in the meter's local time). */
export function formatDay(dayIndex: number): string {
  const { year, month, day } = civilFromDays(dayIndex);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** "YYYY-MM" of a month index (year * 12 + month - 1). */
export function formatMonth(monthIndex: number): string {
  return `${pad(Math.floor(monthIndex / 12), 4)}-${pad((monthIndex % 12) + 1)}`;
}

/** The local day index of "YYYY-MM-DD", or undefined when it is not a date. */
export function parseDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidCivil(y, mo, d, 0, 0, 0) ? daysFromCivil(y, mo, d) : undefined;
}

/** The month index (year * 12 + month - 1) of "YYYY-MM", or undefined when it is not a month. */
export function parseMonth(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  return isValidCivil(y, mo, 1, 0, 0, 0) ? y * 12 + mo - 1 : undefined;
}

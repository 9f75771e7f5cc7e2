// Calendar dates as ISO strings ("2024-07-31") with exact day arithmetic and no Date global
// (core has no clock). Days from civil after H. Hinnant, "chrono-Compatible Low-Level Date
// Algorithms" (proleptic Gregorian).

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day count since 1970-01-01, as "YYYY-MM-DD". */
export function civilFromDays(z: number): string {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whether a string is a real calendar date in ISO form (rejects 2024-02-30). */
export function isCalendarDate(text: string): boolean {
  const m = isoDate.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && civilFromDays(daysFromCivil(y, mo, d)) === text;
}

/** The date a number of days after (or before, if negative) an ISO date. */
export function addDays(date: string, days: number): string {
  const m = isoDate.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return civilFromDays(daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) + days);
}

/** The calendar date of an ISO instant in China Standard Time (UTC+8, no daylight saving since 1991), the programme's civil time. */
export function chinaDateOf(instant: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})/.exec(instant);
  if (!m) throw new RangeError(`not an ISO instant: ${instant}`);
  const day = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  return civilFromDays(Number(m[4]) + 8 >= 24 ? day + 1 : day);
}

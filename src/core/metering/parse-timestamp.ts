import { epochSecondsOf, isValidCivil } from './civil-time.ts';

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/**
 * Epoch seconds of an ISO 8601 timestamp ("2024-03-01T08:00:00Z", "+08:00" offsets, optional
 * seconds, a space instead of "T"), or NaN when the text is not one. A timestamp without a zone is
 * read at `defaultOffsetMinutes` (the meter's site). Fractional seconds must be zero: meters report
 * whole seconds, and a silent truncation would merge two readings into one key.
 */
export function parseTimestamp(text: string, defaultOffsetMinutes: number): number {
  return parseTimestampAt(text, 0, text.length, defaultOffsetMinutes);
}

/** parseTimestamp over text[b, n): the CSV bulk path parses in place, without slicing. */
export function parseTimestampAt(text: string, b: number, n: number, defaultOffsetMinutes: number): number {
  if (n - b < 16) return NaN;
  if (
    text.charCodeAt(b + 4) !== 45 ||
    text.charCodeAt(b + 7) !== 45 ||
    (text.charCodeAt(b + 10) !== 84 && text.charCodeAt(b + 10) !== 32) ||
    text.charCodeAt(b + 13) !== 58
  )
    return NaN;
  const y = digit(text, b) * 1000 + digit(text, b + 1) * 100 + two(text, b + 2);
  const mo = two(text, b + 5);
  const d = two(text, b + 8);
  const h = two(text, b + 11);
  const mi = two(text, b + 14);
  let i = b + 16;
  let s = 0;
  if (i < n && text.charCodeAt(i) === 58) {
    if (i + 3 > n) return NaN;
    s = two(text, i + 1);
    i += 3;
    if (i < n && text.charCodeAt(i) === 46) {
      i++;
      const start = i;
      while (i < n && !Number.isNaN(digit(text, i))) {
        if (text[i] !== '0') return NaN;
        i++;
      }
      if (i === start) return NaN;
    }
  }
  let offset = defaultOffsetMinutes;
  if (i < n) {
    const z = text[i];
    if (z === 'Z' && i + 1 === n) offset = 0;
    else if ((z === '+' || z === '-') && (n === i + 6 || n === i + 5)) {
      const oh = two(text, i + 1);
      const om = n === i + 6 ? (text[i + 3] === ':' ? two(text, i + 4) : NaN) : two(text, i + 3);
      if (!(oh <= 14 && om <= 59)) return NaN;
      offset = (z === '-' ? -1 : 1) * (oh * 60 + om);
    } else return NaN;
  }
  if (!isValidCivil(y, mo, d, h, mi, s)) return NaN;
  return epochSecondsOf(y, mo, d, h, mi, s, offset);
}

/**
 * Epoch seconds of a timestamp given as a number (epoch milliseconds, the JSON convention) or as
 * ISO text; NaN when it is neither, is not a whole second, or lies outside 1970-2105.
 */
export function timestampSeconds(value: unknown, defaultOffsetMinutes: number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value % 1000 !== 0) return NaN;
    const s = value / 1000;
    return s >= 0 && s < 4294967296 ? s : NaN;
  }
  if (typeof value === 'string') {
    if (/^\d{10,13}$/.test(value)) return timestampSeconds(Number(value), defaultOffsetMinutes);
    return parseTimestamp(value, defaultOffsetMinutes);
  }
  return NaN;
}

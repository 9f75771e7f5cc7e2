// A small pure hash for reproducibility records (STYLE.md habit 7): FNV-1a 64 over the UTF-8 bytes
// of a canonical JSON text with sorted keys. Not cryptographic; it identifies the facts an
// evaluation used, it does not protect them.

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, undefined properties dropped,
 * numbers as JSON.stringify writes them (non-finite numbers become null, as in JSON).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined || typeof v === 'function') continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** The running state of an FNV-1a 64 hash: the high and low 32-bit halves. */
export type Fnv64State = [hi: number, lo: number];

/** The FNV-1a 64 offset basis 0xcbf29ce484222325 as a fresh state. */
export function fnv1a64Start(): Fnv64State {
  return [0xcbf29ce4, 0x84222325];
}

/**
 * Feeds a string's UTF-8 bytes into an FNV-1a 64 state (mutated and returned). Multiplying by the
 * prime 0x100000001b3 = 2^40 + 0x1b3 in 32-bit halves: lo·0x1b3 < 2^41 is exact in a double, its
 * upper part carries into hi, and the 2^40 term adds lo·2^8 to hi (mod 2^32).
 */
export function fnv1a64Update(state: Fnv64State, text: string): Fnv64State {
  let [hi, lo] = state;
  // ASCII text (the usual case) is its own UTF-8; anything else is encoded first.
  const bytes = /[^\x00-\x7f]/.test(text) ? utf8(text) : null;
  const n = bytes ? bytes.length : text.length;
  for (let i = 0; i < n; i++) {
    lo = (lo ^ (bytes ? (bytes[i] as number) : text.charCodeAt(i))) >>> 0;
    const p = lo * 0x1b3;
    hi = (Math.imul(hi, 0x1b3) + (lo << 8) + Math.floor(p / 0x100000000)) >>> 0;
    lo = p >>> 0;
  }
  state[0] = hi;
  state[1] = lo;
  return state;
}

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as TextEncoder does. */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    }
    if (c < 0x800) out.push(0xc0 | (c >> 6));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f));
    out.push(0x80 | (c & 0x3f));
  }
  return out;
}

/** The state as 16 lower-case hex digits. */
export function fnv1a64Digest(state: Readonly<Fnv64State>): string {
  return state[0].toString(16).padStart(8, '0') + state[1].toString(16).padStart(8, '0');
}

/** FNV-1a 64-bit hash of a string's UTF-8 bytes, as 16 lower-case hex digits. */
export function fnv1a64(text: string): string {
  return fnv1a64Digest(fnv1a64Update(fnv1a64Start(), text));
}

// One shared 8-byte scratch: a Float64 written through one view is read back as two 32-bit words.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Which word of the scratch holds the low 32 bits of the IEEE 754 pattern (platform byte order).
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/**
 * Feeds numbers into an FNV-1a 64 state (mutated and returned), each as its IEEE 754 binary64 bit
 * pattern in two 32-bit words, low word first: state ^= word, then state ×= the FNV 64 prime. This is
 * FNV-1a with 32-bit words instead of bytes; -0 is hashed as 0 so that equal numbers hash alike.
 */
export function fnv1a64UpdateNumbers(
  state: Fnv64State,
  values: ArrayLike<number>,
  from = 0,
  count = values.length - from,
): Fnv64State {
  let hi = state[0];
  let lo = state[1];
  for (let i = from, end = from + count; i < end; i++) {
    f64[0] = (values[i] as number) + 0;
    lo = (lo ^ (u32[LOW] as number)) >>> 0;
    let p = lo * 0x1b3;
    hi = (Math.imul(hi, 0x1b3) + (lo << 8) + ((p / 0x100000000) >>> 0)) >>> 0;
    lo = p >>> 0;
    lo = (lo ^ (u32[1 - LOW] as number)) >>> 0;
    p = lo * 0x1b3;
    hi = (Math.imul(hi, 0x1b3) + (lo << 8) + ((p / 0x100000000) >>> 0)) >>> 0;
    lo = p >>> 0;
  }
  state[0] = hi;
  state[1] = lo;
  return state;
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, fnv1a64 } from './facts-hash.ts';

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
  it('hashes UTF-8 bytes, including astral characters (checked against a BigInt reference)', () => {
    const reference = (text: string): string => {
      let h = 0xcbf29ce484222325n;
      for (const b of new TextEncoder().encode(text)) {
        h ^= BigInt(b);
        h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
      }
      return h.toString(16).padStart(16, '0');
    };
    expect(fnv1a64('绿色工厂 €𝄞')).toBe(reference('绿色工厂 €𝄞'));
    expect(fnv1a64('a\ud800b\udc00')).toBe(reference('a\ud800b\udc00'));
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constant('\ud800'),
            fc.constant('\udfff'),
            fc.string({ unit: 'binary', maxLength: 1 }),
          ),
        }),
        (s) => fnv1a64(s) === reference(s),
      ),
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
  it('does not depend on key insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (d) => {
        const reversed = Object.fromEntries(Object.entries(d).reverse());
        return canonicalJson(d) === canonicalJson(reversed);
      }),
    );
  });
});

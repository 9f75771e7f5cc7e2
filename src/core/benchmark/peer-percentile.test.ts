import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peerPercentile, peerPercentiles } from './peer-percentile.ts';

describe('peerPercentile', () => {
  it('uses mid-ranks: worked example, lower is better', () => {
    // Peers 90, 95, 100, 100, 110 kgce/t. For 100: worse = 1 (110), equal = 2 -> (1 + 1) / 5 = 40 %.
    const peers = [90, 95, 100, 100, 110];
    expect(peerPercentile(100, peers, 'reverse')).toBe(40);
    expect(peerPercentile(90, peers, 'reverse')).toBe(90);
    expect(peerPercentile(110, peers, 'reverse')).toBe(10);
    expect(peerPercentile(90, peers, 'forward')).toBe(10);
    expect(peerPercentile(1, [], 'reverse')).toBeNull();
  });
  it('is monotone in the improving direction and stays in [0, 100]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom('forward' as const, 'reverse' as const),
        (peers, a, b, direction) => {
          const [worse, better] =
            direction === 'forward' ? [Math.min(a, b), Math.max(a, b)] : [Math.max(a, b), Math.min(a, b)];
          const pw = peerPercentile(worse, peers, direction) ?? 0;
          const pb = peerPercentile(better, peers, direction) ?? 0;
          expect(pb).toBeGreaterThanOrEqual(pw);
          expect(pw).toBeGreaterThanOrEqual(0);
          expect(pb).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
  it('gives, for a whole population, the same numbers per group as one at a time, averaging 50', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ group: fc.constantFrom('cement', 'glass'), value: fc.integer({ min: 0, max: 20 }) }),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        (rows) => {
          const units = rows.map((r, i) => ({ id: `u${i}`, ...r }));
          const all = peerPercentiles(units, 'reverse');
          for (const g of ['cement', 'glass']) {
            const members = units.filter((u) => u.group === g);
            const values = members.map((u) => u.value);
            let sum = 0;
            for (const u of members) {
              expect(all.get(u.id)).toBeCloseTo(peerPercentile(u.value, values, 'reverse') ?? -1, 9);
              sum += all.get(u.id) ?? 0;
            }
            if (members.length > 0) expect(sum / members.length).toBeCloseTo(50, 9);
          }
        },
      ),
    );
  });
  it('rejects a non-finite value naming the unit', () => {
    expect(() => peerPercentiles([{ id: 'F-1', group: 'g', value: Number.NaN }], 'reverse')).toThrow(/F-1/);
  });
});

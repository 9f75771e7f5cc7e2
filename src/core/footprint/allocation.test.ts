import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, allocationFactors, allocationFactorsFromWeights } from './allocation.ts';

describe('allocation', () => {
  it('splits a refinery by price and by energy content', () => {
    const coProducts = [
      { quantity: 0.6, price: 800, property: 43 },
      { quantity: 0.4, price: 300, property: 40 },
    ];
    // Economic: 480 and 120 of 600 -> 0.8 / 0.2. Physical: 25.8 and 16 of 41.8.
    expect(Array.from(allocationFactors(coProducts, 'economic'))).toEqual([0.8, 0.2]);
    const physical = allocationFactors(coProducts, 'physical');
    expect(physical[0]).toBeCloseTo(25.8 / 41.8, 15);
    expect(Array.from(allocate(10, [0.8, 0.2]))).toEqual([8, 2]);
  });

  it('gives non-negative factors summing to 1, and amounts summing to the total', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 })
          .filter((w) => w.some((v) => v > 0)),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (weights, total) => {
          const factors = allocationFactorsFromWeights(weights);
          expect(factors.every((f) => f >= 0 && f <= 1)).toBe(true);
          expect(Math.abs(factors.reduce((s, f) => s + f, 0) - 1)).toBeLessThanOrEqual(1e-12);
          const amounts = allocate(total, factors);
          expect(Math.abs(amounts.reduce((s, v) => s + v, 0) - total)).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(total)),
          );
        },
      ),
    );
  });

  it('rejects negative, all-zero or missing bases', () => {
    expect(() => allocationFactorsFromWeights([1, -1])).toThrow(/weights\[1\]/);
    expect(() => allocationFactorsFromWeights([0, 0])).toThrow(/positive/);
    expect(() => allocationFactors([{ quantity: 1, price: 2 }], 'physical')).toThrow(/property/);
  });
});

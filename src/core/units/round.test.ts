import { describe, expect, it } from 'vitest';
import { isGmError } from '../errors.ts';
import { tce } from './quantity.ts';
import { round, roundQuantity } from './round.ts';

describe('round', () => {
  it('rounds to the written decimal, not its binary neighbour', () => {
    // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875.
    expect(round(2.675, 2, 'half-up')).toBe(2.68);
    expect(round(1.005, 2, 'half-up')).toBe(1.01);
    expect(round(357.15, 1, 'half-up')).toBe(357.2);
  });

  it('rounds half to even by default (GB/T 8170-2008)', () => {
    expect(round(2.675, 2)).toBe(2.68); // kept digit 7 is odd -> up
    expect(round(2.665, 2)).toBe(2.66); // kept digit 6 is even -> stays
    expect(round(0.5, 0)).toBe(0);
    expect(round(1.5, 0)).toBe(2);
    expect(round(2.5, 0)).toBe(2);
    expect(round(2.5001, 0)).toBe(3);
  });

  it('rounds negatives symmetrically and handles tiny and huge values', () => {
    expect(round(-2.675, 2, 'half-up')).toBe(-2.68);
    expect(round(-0.004, 2)).toBe(0);
    expect(Object.is(round(-0.004, 2), -0)).toBe(false);
    expect(round(1e-7, 3)).toBe(0);
    expect(round(1.23e-7, 9)).toBe(1.23e-7);
    expect(round(1e21 + 0.4, 2)).toBe(1e21);
    expect(round(122.9, 3)).toBe(122.9);
  });

  it('rejects bad decimals', () => {
    for (const decimals of [-1, 1.5, 16]) {
      try {
        round(1, decimals);
        expect.unreachable();
      } catch (error) {
        expect(isGmError(error) && error.code).toBe('GM_VALIDATION');
      }
    }
  });

  it('rounds quantities keeping the unit', () => {
    expect(roundQuantity(tce(576.899999), 2)).toEqual(tce(576.9));
  });
});

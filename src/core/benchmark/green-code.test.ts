import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greenCodes } from './green-code.ts';

describe('greenCodes', () => {
  it('grades 20 factories: 1 A+, 7 A, 12 B (worked example)', () => {
    const units = Array.from({ length: 20 }, (_, i) => ({
      id: `F${String(i).padStart(2, '0')}`,
      score: 100 - i,
    }));
    const r = greenCodes(units);
    expect(r.counts).toEqual({ 'A+': 1, A: 7, B: 12 });
    expect(r.codes.get('F00')).toBe('A+');
    expect(r.codes.get('F07')).toBe('A');
    expect(r.codes.get('F08')).toBe('B');
    expect(r.tiedAtBoundary).toEqual([]);
  });
  it('keeps the published shares 5 / 35 / 60 % on any population, whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 400 }), (scores) => {
        const units = scores.map((score, i) => ({ id: `u${i}`, score }));
        const r = greenCodes(units);
        const n = units.length;
        const count = (c: string) => [...r.codes.values()].filter((x) => x === c).length;
        expect(count('A+')).toBe(Math.round(0.05 * n));
        expect(count('A+') + count('A')).toBe(Math.round(0.4 * n));
        expect(count('A+') + count('A') + count('B')).toBe(n);
        expect(Math.abs(count('A+') - 0.05 * n)).toBeLessThanOrEqual(0.5);
        expect(Math.abs(count('B') - 0.6 * n)).toBeLessThanOrEqual(1);
        // Better scores never get a worse code.
        const rank = { 'A+': 0, A: 1, B: 2 } as const;
        for (const a of units)
          for (const b of units.slice(0, 20))
            if (a.score > b.score)
              expect(rank[r.codes.get(a.id) ?? 'B']).toBeLessThanOrEqual(rank[r.codes.get(b.id) ?? 'B']);
        const shuffled = greenCodes([...units].reverse());
        expect([...shuffled.codes.entries()].sort()).toEqual([...r.codes.entries()].sort());
      }),
    );
  });
  it('reports units tied across a boundary', () => {
    const r = greenCodes(Array.from({ length: 20 }, (_, i) => ({ id: `u${i}`, score: i < 3 ? 90 : 50 })));
    expect(r.counts['A+']).toBe(1);
    // Three tie at 90 across the A+ cut; seventeen tie at 50 across the A / B cut: all twenty are reported.
    expect([...r.tiedAtBoundary].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `u${i}`).sort());
  });
});

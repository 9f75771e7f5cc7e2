import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findStronglyConnectedComponents } from './strongly-connected-components.ts';

function adjacency(
  n: number,
  edges: readonly (readonly [number, number])[],
): { pointers: Int32Array; targets: Int32Array } {
  const lists = Array.from({ length: n }, () => [] as number[]);
  for (const [a, b] of edges) lists[a]!.push(b);
  const pointers = new Int32Array(n + 1);
  lists.forEach((l, v) => (pointers[v + 1] = pointers[v]! + l.length));
  return { pointers, targets: Int32Array.from(lists.flat()) };
}

describe('findStronglyConnectedComponents', () => {
  it('groups a cycle and orders dependencies first', () => {
    // 0 -> 1 -> 2 -> 1, 2 -> 3: components {3}, {1, 2}, {0} in that order.
    const { pointers, targets } = adjacency(4, [
      [0, 1],
      [1, 2],
      [2, 1],
      [2, 3],
    ]);
    const c = findStronglyConnectedComponents(4, pointers, targets);
    expect(c.count).toBe(3);
    expect(c.componentOf[1]).toBe(c.componentOf[2]);
    expect(c.componentOf[3]).toBeLessThan(c.componentOf[1]!);
    expect(c.componentOf[1]).toBeLessThan(c.componentOf[0]!);
  });

  it('matches reachability on random graphs, with every cross edge pointing to an earlier component', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 })),
          ),
        ([n, edges]) => {
          const { pointers, targets } = adjacency(n, edges);
          const c = findStronglyConnectedComponents(n, pointers, targets);
          const reach = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j));
          for (const [a, b] of edges) reach[a]![b] = true;
          for (let k = 0; k < n; k++)
            for (let i = 0; i < n; i++)
              for (let j = 0; j < n; j++) if (reach[i]![k] && reach[k]![j]) reach[i]![j] = true;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              expect(c.componentOf[i] === c.componentOf[j]).toBe(reach[i]![j]! && reach[j]![i]!);
            }
          }
          for (const [a, b] of edges) expect(c.componentOf[b]).toBeLessThanOrEqual(c.componentOf[a]!);
          expect(new Set(c.order).size).toBe(n);
          expect(c.start[c.count]).toBe(n);
        },
      ),
    );
  });

  it('walks a 200,000-node chain and a 200,000-node ring without recursion', () => {
    const n = 200_000;
    const pointers = Int32Array.from({ length: n + 1 }, (_, v) => Math.min(v, n - 1));
    const chain = Int32Array.from({ length: n - 1 }, (_, v) => v + 1);
    expect(findStronglyConnectedComponents(n, pointers, chain).count).toBe(n);
    const ringPointers = Int32Array.from({ length: n + 1 }, (_, v) => v);
    const ring = Int32Array.from({ length: n }, (_, v) => (v + 1) % n);
    expect(findStronglyConnectedComponents(n, ringPointers, ring).count).toBe(1);
  });
});

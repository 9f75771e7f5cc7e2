import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContributionTree } from './contribution-tree.ts';
import type { ContributionNode } from './contribution-tree.ts';
import { computeFootprints } from './footprint-results.ts';
import { planSolve } from './solve-plan.ts';
import { solveDemand } from './solve.ts';
import { sparseMatrixFromTriplets } from './sparse-matrix.ts';
import { arbitraryNetwork } from './testing/random-network.ts';

// The 3x3 network of solve.test.ts: ore (0), steel (1, primary data), electricity (2).
const a = sparseMatrixFromTriplets({
  rows: 3,
  cols: 3,
  rowIndex: [0, 2, 1, 2],
  colIndex: [1, 1, 2, 2],
  values: [1.5, 0.4, 0.01, 0.05],
});
const emissions = [0.05, 1.8, 0.6];

describe('computeFootprints', () => {
  it('gives footprints, primary-data share and contribution-weighted data quality', () => {
    const plan = planSolve(a);
    const result = computeFootprints(plan, {
      emissions,
      primary: [false, true, false],
      dataQuality: { technological: [3, 1, 2] },
    });
    // Steel's footprint h1 = 2.02125 / 0.946 (worked in solve.test.ts). Process j contributes
    // b_j x_j with x = (I - A)^-1 e_1 = [1.425, 0.95, 0.4] / 0.946, i.e.
    // ore 0.07125 / 0.946, steel 1.71 / 0.946, electricity 0.24 / 0.946 (sum 2.02125 / 0.946).
    expect(result.footprint[1]).toBeCloseTo(2.02125 / 0.946, 14);
    // Primary share: only steel's own process is primary: 1.71 / 2.02125 = 0.84601113...
    expect(result.primaryShare[1]).toBeCloseTo(1.71 / 2.02125, 14);
    // Weighted rating: (3 * 0.07125 + 1 * 1.71 + 2 * 0.24) / 2.02125 = 2.40375 / 2.02125 = 1.18923...
    expect(result.dataQuality['technological']![1]).toBeCloseTo(2.40375 / 2.02125, 14);
    // Ore has no inputs: its share and rating are its own.
    expect(result.primaryShare[0]).toBe(0);
    expect(result.dataQuality['technological']![0]).toBeCloseTo(3, 14);
  });

  it('matches b^T x for every product and keeps shares within [0, 1] on random networks', () => {
    fc.assert(
      fc.property(
        arbitraryNetwork(20),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        (net, flags) => {
          const n = net.demand.length;
          const plan = planSolve(net.matrix);
          const primary = flags.slice(0, n);
          const result = computeFootprints(plan, { emissions: net.emissions, primary });
          for (let k = 0; k < n; k++) {
            const e = new Float64Array(n);
            e[k] = 1;
            const x = solveDemand(plan, e);
            const bx = x.reduce((s, v, j) => s + v * net.emissions[j]!, 0);
            expect(Math.abs(result.footprint[k]! - bx)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(bx)));
            const share = result.primaryShare[k]!;
            if (result.footprint[k] !== 0) expect(share).toBeGreaterThanOrEqual(-1e-12);
            if (result.footprint[k] !== 0) expect(share).toBeLessThanOrEqual(1 + 1e-12);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects ratings of the wrong length or not finite', () => {
    const plan = planSolve(a);
    expect(() => computeFootprints(plan, { emissions, dataQuality: { temporal: [1, 2] } })).toThrow(
      /temporal/,
    );
    expect(() =>
      computeFootprints(plan, { emissions, dataQuality: { temporal: [1, 2, Number.NaN] } }),
    ).toThrow(/finite/);
  });
});

function checkBalance(node: ContributionNode): void {
  const children = node.children.reduce((s, c) => s + c.total, 0);
  expect(node.direct + children + node.remainder).toBeCloseTo(node.total, 12);
  node.children.forEach(checkBalance);
}

describe('buildContributionTree', () => {
  it('splits steel into its own emissions, ore and electricity, and unrolls the cycle to the cut-off', () => {
    const { footprint } = computeFootprints(planSolve(a), { emissions });
    const tree = buildContributionTree(a, emissions, footprint, 1, { cutoff: 0.001 });
    expect(tree.direct).toBe(1.8);
    expect(tree.children.map((c) => c.process)).toEqual([2, 0]);
    // Electricity for steel: 0.4 kWh x h2 = 0.4 x 0.5878125 / 0.8987.
    expect(tree.children[0]!.total).toBeCloseTo((0.4 * 0.5878125) / 0.8987, 14);
    expect(tree.children[1]!.total).toBeCloseTo(1.5 * 0.05, 15);
    checkBalance(tree);
    // With a coarse cut-off everything below 20 % is folded into the remainder.
    const coarse = buildContributionTree(a, emissions, footprint, 1, { cutoff: 0.2 });
    expect(coarse.children).toEqual([]);
    expect(coarse.remainder).toBeCloseTo(footprint[1]! - 1.8, 14);
  });

  it('balances every node on random networks and respects the node limit', () => {
    fc.assert(
      fc.property(arbitraryNetwork(15), fc.nat(14), (net, product) => {
        const n = net.demand.length;
        const { footprint } = computeFootprints(planSolve(net.matrix), { emissions: net.emissions });
        const tree = buildContributionTree(net.matrix, net.emissions, footprint, product % n, {
          cutoff: 0.01,
          maxNodes: 200,
        });
        checkBalance(tree);
        let count = 0;
        const stack = [tree];
        while (stack.length > 0) {
          count++;
          stack.push(...stack.pop()!.children);
        }
        expect(count).toBeLessThanOrEqual(200);
      }),
      { numRuns: 100 },
    );
  });
});

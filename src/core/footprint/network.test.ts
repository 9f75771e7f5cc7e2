import { describe, expect, it } from 'vitest';
import { buildNetworkTechnosphere, solveSupplyNetwork } from './network.ts';
import type { NetworkProcess, SupplyNetwork } from './network.ts';
import { rateSuppliers } from './supplier-rating.ts';

const quality = { technological: 1, temporal: 1, geographical: 1 };
const proc = (
  p: Partial<NetworkProcess> & Pick<NetworkProcess, 'id' | 'enterpriseId' | 'outputs' | 'inputs'>,
): NetworkProcess => ({
  factoryId: null,
  name: p.id,
  directEmissions: 0,
  dataSource: 'primary',
  dataQuality: quality,
  geography: 'CN',
  referencePeriodStart: '2024-01-01T00:00:00Z',
  referencePeriodEnd: '2025-01-01T00:00:00Z',
  allocation: 'economic',
  ...p,
});
const product = (id: string, enterpriseId: string) => ({
  id,
  enterpriseId,
  name: id,
  unit: 'kg',
  registryProductId: null,
  classification: null,
  published: true,
});

// Steel (e1) with slag as a co-product, captive power in a cycle with steel, grid electricity as
// a secondary background dataset, and an appliance maker (e2) buying steel.
const network: SupplyNetwork = {
  products: [product('steel', 'e1'), product('slag', 'e1'), product('power', 'e1'), product('fridge', 'e2')],
  processes: [
    proc({
      id: 'p-steel',
      enterpriseId: 'e1',
      factoryId: 'f1',
      directEmissions: 2,
      outputs: [
        { productId: 'steel', quantity: 1, price: 9 },
        { productId: 'slag', quantity: 1, price: 1 },
      ],
      inputs: [
        { kind: 'product', productId: 'power', amount: 1 },
        { kind: 'dataset', datasetId: 'grid', amount: 1 },
      ],
    }),
    proc({
      id: 'p-power',
      enterpriseId: 'e1',
      directEmissions: 0.5,
      outputs: [{ productId: 'power', quantity: 1 }],
      inputs: [{ kind: 'product', productId: 'steel', amount: 0.1 }],
    }),
    proc({
      id: 'p-fridge',
      enterpriseId: 'e2',
      directEmissions: 1,
      outputs: [{ productId: 'fridge', quantity: 1 }],
      inputs: [{ kind: 'product', productId: 'steel', amount: 2 }],
    }),
  ],
  datasets: [
    {
      id: 'grid',
      name: 'grid',
      unit: 'kWh',
      factor: 0.6,
      dataSource: 'secondary',
      dataQuality: { technological: 3, temporal: 3, geographical: 3 },
      origin: 'test',
    },
  ],
};

describe('supply network model', () => {
  it('allocates a co-product process economically and solves the steel-power cycle by hand', () => {
    // Steel carries 0.9 of the BF burdens: per t steel 0.9 x (2 direct, 1 power, 1 grid).
    // h_steel = 1.8 + 0.9 h_power + 0.9 x 0.6; h_power = 0.5 + 0.1 h_steel
    //   => h_steel = (1.8 + 0.45 + 0.54) / (1 - 0.09) = 2.79 / 0.91
    const t = buildNetworkTechnosphere(network);
    expect(t.labels.map((l) => l.id)).toEqual(['steel', 'slag', 'power', 'fridge', 'grid']);
    const solved = solveSupplyNetwork(network);
    const steel = 2.79 / 0.91;
    const by = Object.fromEntries(solved.products.map((p) => [p.productId, p]));
    expect(by['steel']!.footprint).toBeCloseTo(steel, 12);
    expect(by['power']!.footprint).toBeCloseTo(0.5 + 0.1 * steel, 12);
    expect(by['slag']!.footprint).toBeCloseTo((0.2 + 0.1 * (0.5 + 0.1 * steel) + 0.1 * 0.6) * 1, 12);
    expect(by['fridge']!.footprint).toBeCloseTo(1 + 2 * steel, 12);
    // Only the grid is secondary: steel's primary share is 1 - (0.9 x 0.6 / 0.91) / h_steel.
    expect(by['steel']!.primaryShare).toBeCloseTo(1 - 0.54 / 0.91 / steel, 12);
    expect(by['steel']!.dataQuality.technological).toBeGreaterThan(1);
    expect(by['steel']!.dataQuality.technological).toBeLessThan(3);
    expect(solved.stats.denseBlocks).toBe(1);
    const tree = by['fridge']!.contributions;
    expect(tree.direct + tree.children.reduce((s, c) => s + c.total, 0) + tree.remainder).toBeCloseTo(
      tree.total,
      12,
    );
  });

  it('names every problem: unknown inputs, products without a producer, two producers', () => {
    const bad: SupplyNetwork = {
      ...network,
      processes: [
        ...network.processes.slice(1),
        proc({
          id: 'dup',
          enterpriseId: 'e1',
          outputs: [{ productId: 'power', quantity: 1 }],
          inputs: [{ kind: 'dataset', datasetId: 'nope', amount: 1 }],
        }),
      ],
    };
    expect(() => buildNetworkTechnosphere(bad)).toThrow(/two producers|unknown dataset|no producing process/);
  });

  it('rates suppliers and computes the green procurement share by the stated rule', () => {
    const report = rateSuppliers(network, solveSupplyNetwork(network), 'e2');
    expect(report.suppliers).toHaveLength(1);
    const e1 = report.suppliers[0]!;
    expect(e1.enterpriseId).toBe('e1');
    expect(e1.listedShare).toBe(1);
    const expected = 40 * e1.primaryShare + (30 * (3 - e1.dataQuality)) / 2 + 30;
    expect(e1.score).toBeCloseTo(expected, 12);
    expect(e1.grade).toBe(e1.score >= 80 ? 'A' : e1.score >= 60 ? 'B' : e1.score >= 40 ? 'C' : 'D');
    expect(report.greenProcurementShare).toBe(e1.grade === 'A' || e1.grade === 'B' ? 1 : 0);
    expect(
      Number.isNaN(rateSuppliers(network, solveSupplyNetwork(network), 'nobody').greenProcurementShare),
    ).toBe(true);
  });
});

import type { DataQuality, NetworkSolution, SupplyNetwork } from './network.ts';

/** Supplier grade: A (best) to D. */
export type SupplierGrade = 'A' | 'B' | 'C' | 'D';

/** One supplier of a supply chain management enterprise, rated from its supplied products' footprints. */
export interface SupplierRating {
  readonly enterpriseId: string;
  /** Products bought from this supplier, with the amount per run of the buyer's processes and its footprint. */
  readonly products: readonly {
    readonly productId: string;
    readonly name: string;
    readonly amount: number;
    readonly footprint: number;
    readonly green: boolean;
  }[];
  /** Footprint-weighted primary data share of the supplied products (0-1). */
  readonly primaryShare: number;
  /** Footprint-weighted mean of the three DQRs (1 best, 3 worst). */
  readonly dataQuality: number;
  /** Share (0-1) of the purchased footprint from products made at a listed green factory or listed as green-design products. */
  readonly listedShare: number;
  readonly score: number;
  readonly grade: SupplierGrade;
}

/** The rule used, stated so a rating can be explained and reproduced (docs/adr/0003). */
export const supplierRatingRule =
  'score = 40 x primary data share + 30 x (3 - mean DQR) / 2 + 30 x listed-green share, each footprint-weighted over ' +
  'the products bought; grade A >= 80, B >= 60, C >= 40, else D. A supplier is green when its grade is A or B. ' +
  'Green procurement share = purchased footprint (amount x footprint per unit) from green suppliers / all purchased footprint.';

/** A supply chain management enterprise's suppliers and its green procurement share. */
export interface GreenSupplyChainReport {
  readonly enterpriseId: string;
  readonly suppliers: readonly SupplierRating[];
  /** 0-1; NaN when the enterprise buys no network products. */
  readonly greenProcurementShare: number;
  readonly rule: string;
}

const gradeOf = (score: number): SupplierGrade =>
  score >= 80 ? 'A' : score >= 60 ? 'B' : score >= 40 ? 'C' : 'D';
const meanDqr = (q: DataQuality) => (q.technological + q.temporal + q.geographical) / 3;

/**
 * Rates the suppliers of one enterprise from the solved network (the evaluation engine's results
 * are not used yet: see the rule) and computes its green procurement share, weighting each
 * purchase by its embodied footprint because the network records quantities, not prices.
 */
export function rateSuppliers(
  network: SupplyNetwork,
  solution: NetworkSolution,
  enterpriseId: string,
): GreenSupplyChainReport {
  const productOf = new Map(
    network.products.map((p, k) => [p.id, { product: p, result: solution.products[k]! }]),
  );
  const producerOf = new Map(
    network.processes.flatMap((proc) => proc.outputs.map((o) => [o.productId, proc] as const)),
  );
  const bought = new Map<string, Map<string, number>>();
  for (const proc of network.processes) {
    if (proc.enterpriseId !== enterpriseId) continue;
    for (const input of proc.inputs) {
      if (input.kind !== 'product') continue;
      const supplier = productOf.get(input.productId)?.product.enterpriseId;
      if (supplier === undefined || supplier === enterpriseId) continue;
      const amounts = bought.get(supplier) ?? new Map<string, number>();
      amounts.set(input.productId, (amounts.get(input.productId) ?? 0) + input.amount);
      bought.set(supplier, amounts);
    }
  }
  const suppliers: SupplierRating[] = [];
  let total = 0;
  let green = 0;
  for (const [supplier, amounts] of [...bought].sort((a, b) => a[0].localeCompare(b[0]))) {
    let weight = 0;
    let primary = 0;
    let quality = 0;
    let listed = 0;
    const products = [...amounts].map(([productId, amount]) => {
      const { product, result } = productOf.get(productId)!;
      const producer = producerOf.get(productId);
      const isListed = product.registryProductId !== null || (producer?.factoryId ?? null) !== null;
      const w = Math.abs(amount * result.footprint);
      weight += w;
      primary += w * result.primaryShare;
      quality += w * meanDqr(result.dataQuality);
      if (isListed) listed += w;
      return { productId, name: product.name, amount, footprint: result.footprint, green: isListed };
    });
    const primaryShare = weight > 0 ? primary / weight : 0;
    const dataQuality = weight > 0 ? quality / weight : 3;
    const listedShare = weight > 0 ? listed / weight : 0;
    const score = 40 * primaryShare + (30 * (3 - dataQuality)) / 2 + 30 * listedShare;
    const grade = gradeOf(score);
    suppliers.push({
      enterpriseId: supplier,
      products,
      primaryShare,
      dataQuality,
      listedShare,
      score,
      grade,
    });
    total += weight;
    if (grade === 'A' || grade === 'B') green += weight;
  }
  return {
    enterpriseId,
    suppliers,
    greenProcurementShare: total > 0 ? green / total : Number.NaN,
    rule: supplierRatingRule,
  };
}

import { validationError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';
import { allocationFactors } from './allocation.ts';
import type { AllocationBasis } from './allocation.ts';
import { buildContributionTree } from './contribution-tree.ts';
import type { ContributionNode, ContributionTreeOptions } from './contribution-tree.ts';
import { computeFootprints } from './footprint-results.ts';
import { planSolve } from './solve-plan.ts';
import type { SolvePlanStats } from './solve-plan.ts';
import { sparseMatrixFromTriplets } from './sparse-matrix.ts';
import type { SparseMatrix } from './sparse-matrix.ts';

/** Data-quality ratings on PACT's 1 (best) to 3 scale, per dimension. */
export interface DataQuality {
  readonly technological: number;
  readonly temporal: number;
  readonly geographical: number;
}

/** Where a process's or dataset's numbers come from: the producer's own (primary) or generic (secondary). */
export type DataSource = 'primary' | 'secondary';

/** A product in the supply network, owned by the enterprise that makes it. */
export interface NetworkProduct {
  readonly id: string;
  readonly enterpriseId: string;
  readonly name: string;
  /** The declared unit all amounts of this product are in ("kg", "kWh", "unit" ...). */
  readonly unit: string;
  /** The listed green-design product this is, when it is one. */
  readonly registryProductId: string | null;
  /** A product classification URN (e.g. "urn:pact:cpc:4121"), for PACT's `classification` filter. */
  readonly classification: string | null;
  /** Whether the enterprise publishes this product's footprint over PACT. */
  readonly published: boolean;
}

/** A process run at a factory: its outputs (co-products) and what it consumes per run. */
export interface NetworkProcess {
  readonly id: string;
  readonly enterpriseId: string;
  readonly factoryId: string | null;
  readonly name: string;
  /** Direct (scope 1 and on-site) emissions per run, kgCO2e. */
  readonly directEmissions: number;
  readonly dataSource: DataSource;
  readonly dataQuality: DataQuality;
  /** ISO 3166 country or subdivision code (e.g. "CN", "CN-GD"). */
  readonly geography: string;
  readonly referencePeriodStart: string;
  readonly referencePeriodEnd: string;
  readonly allocation: AllocationBasis;
  readonly outputs: readonly ProcessOutput[];
  readonly inputs: readonly ProcessInput[];
}

/** One co-product of a process: quantity per run and what allocation needs. */
export interface ProcessOutput {
  readonly productId: string;
  readonly quantity: number;
  readonly price?: number;
  readonly property?: number;
}

/** One input per run of a process: an amount of a network product or of a background dataset. */
export type ProcessInput =
  | { readonly kind: 'product'; readonly productId: string; readonly amount: number }
  | { readonly kind: 'dataset'; readonly datasetId: string; readonly amount: number };

/**
 * A background dataset: a cradle-to-gate emission factor per unit, e.g. from the Open Emission
 * Factors Database (secondary) or a supplier's PACT footprint (primary, supplier-specific).
 */
export interface BackgroundDataset {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  /** kgCO2e per unit. */
  readonly factor: number;
  readonly dataSource: DataSource;
  readonly dataQuality: DataQuality;
  /** Where the factor comes from ("OEFDB: CT 2019, electricity-energy_source_grid_mix, CN", "PACT <id>"). */
  readonly origin: string;
}

/** A whole supply network: what solveNetwork needs. */
export interface SupplyNetwork {
  readonly products: readonly NetworkProduct[];
  readonly processes: readonly NetworkProcess[];
  readonly datasets: readonly BackgroundDataset[];
}

/** The technosphere of a network: one column per product (its allocated process) and per dataset. */
export interface NetworkTechnosphere {
  readonly matrix: SparseMatrix;
  /** kgCO2e per unit output of each column. */
  readonly emissions: Float64Array;
  readonly primary: Uint8Array;
  readonly dataQuality: Readonly<Record<keyof DataQuality, Float64Array>>;
  /** Column labels: products first (network order), then datasets. */
  readonly labels: readonly {
    readonly kind: 'product' | 'dataset';
    readonly id: string;
    readonly name: string;
  }[];
  readonly productIndex: ReadonlyMap<string, number>;
  /** The process making each product, by product id. */
  readonly producerOf: ReadonlyMap<string, NetworkProcess>;
}

/**
 * Builds the technosphere A of a supply network (ISO 14044 product system as a square matrix):
 * each product's column holds its producing process's inputs and emissions per unit of that
 * product, after allocating a multi-output process's burdens by its allocation basis (ISO
 * 14044:2006, 4.3.4.2); each background dataset is a column with no inputs whose emission is its
 * factor. Every product needs exactly one producing process.
 */
export function buildNetworkTechnosphere(network: SupplyNetwork): NetworkTechnosphere {
  const issues: FieldIssue[] = [];
  const productIndex = new Map<string, number>();
  network.products.forEach((p, k) => {
    if (productIndex.has(p.id)) issues.push({ field: 'products', message: `duplicate product id ${p.id}` });
    productIndex.set(p.id, k);
  });
  const np = network.products.length;
  const datasetIndex = new Map<string, number>();
  network.datasets.forEach((d, k) => datasetIndex.set(d.id, np + k));
  const n = np + network.datasets.length;
  const emissions = new Float64Array(n);
  const primary = new Uint8Array(n);
  const dq = {
    technological: new Float64Array(n),
    temporal: new Float64Array(n),
    geographical: new Float64Array(n),
  };
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  const producerOf = new Map<string, NetworkProcess>();
  network.processes.forEach((proc, pk) => {
    if (proc.outputs.length === 0) {
      issues.push({ field: `processes[${pk}].outputs`, message: 'a process needs at least one output' });
      return;
    }
    const factors =
      proc.outputs.length === 1 ? Float64Array.of(1) : allocationFactors(proc.outputs, proc.allocation);
    proc.outputs.forEach((out, ok) => {
      const column = productIndex.get(out.productId);
      if (column === undefined) {
        issues.push({
          field: `processes[${pk}].outputs[${ok}]`,
          message: `unknown product ${out.productId}`,
        });
        return;
      }
      if (producerOf.has(out.productId)) {
        issues.push({
          field: `processes[${pk}].outputs[${ok}]`,
          message: `product ${out.productId} has two producers`,
        });
        return;
      }
      if (!(out.quantity > 0)) {
        issues.push({
          field: `processes[${pk}].outputs[${ok}].quantity`,
          message: 'must be > 0',
          value: out.quantity,
        });
        return;
      }
      producerOf.set(out.productId, proc);
      // Per unit of this co-product: the process's burdens times its allocation factor / quantity.
      const perUnit = factors[ok]! / out.quantity;
      emissions[column] = proc.directEmissions * perUnit;
      primary[column] = proc.dataSource === 'primary' ? 1 : 0;
      dq.technological[column] = proc.dataQuality.technological;
      dq.temporal[column] = proc.dataQuality.temporal;
      dq.geographical[column] = proc.dataQuality.geographical;
      proc.inputs.forEach((input, ik) => {
        const row =
          input.kind === 'product' ? productIndex.get(input.productId) : datasetIndex.get(input.datasetId);
        if (row === undefined) {
          issues.push({
            field: `processes[${pk}].inputs[${ik}]`,
            message: `unknown ${input.kind} ${input.kind === 'product' ? input.productId : input.datasetId}`,
          });
          return;
        }
        rows.push(row);
        cols.push(column);
        values.push(input.amount * perUnit);
      });
    });
  });
  network.products.forEach((p, k) => {
    if (!producerOf.has(p.id))
      issues.push({ field: `products[${k}]`, message: `product ${p.id} has no producing process` });
  });
  network.datasets.forEach((d, k) => {
    const column = np + k;
    emissions[column] = d.factor;
    primary[column] = d.dataSource === 'primary' ? 1 : 0;
    dq.technological[column] = d.dataQuality.technological;
    dq.temporal[column] = d.dataQuality.temporal;
    dq.geographical[column] = d.dataQuality.geographical;
  });
  if (issues.length > 0) throw validationError(issues, 'supply network');
  const matrix = sparseMatrixFromTriplets({ rows: n, cols: n, rowIndex: rows, colIndex: cols, values });
  const labels = [
    ...network.products.map((p) => ({ kind: 'product' as const, id: p.id, name: p.name })),
    ...network.datasets.map((d) => ({ kind: 'dataset' as const, id: d.id, name: d.name })),
  ];
  return { matrix, emissions, primary, dataQuality: dq, labels, productIndex, producerOf };
}

/** A product's solved footprint, ready to present or publish. */
export interface ProductFootprintResult {
  readonly productId: string;
  /** Cradle-to-gate kgCO2e per declared unit. */
  readonly footprint: number;
  /** Fraction (0-1) of the footprint from primary data; 0 when the footprint is 0. */
  readonly primaryShare: number;
  readonly dataQuality: DataQuality;
  readonly contributions: ContributionNode;
}

/** All products' footprints from one plan, and how the plan decomposed the network. */
export interface NetworkSolution {
  readonly products: readonly ProductFootprintResult[];
  readonly stats: SolvePlanStats;
  readonly labels: NetworkTechnosphere['labels'];
}

/**
 * Solves a whole supply network with one plan: footprint, primary share and data quality of
 * every product are right-hand sides of the same transposed solve; each product's contribution
 * tree names which upstream process, supplier or dataset contributes what.
 */
export function solveSupplyNetwork(
  network: SupplyNetwork,
  treeOptions: ContributionTreeOptions = {},
): NetworkSolution {
  const t = buildNetworkTechnosphere(network);
  const plan = planSolve(t.matrix);
  const result = computeFootprints(plan, {
    emissions: t.emissions,
    primary: t.primary,
    dataQuality: t.dataQuality,
  });
  const products = network.products.map((p, k) => {
    const footprint = result.footprint[k]!;
    const share = result.primaryShare[k]!;
    const q = (name: keyof DataQuality) => {
      const v = result.dataQuality[name]![k]!;
      return Number.isNaN(v) ? 3 : v;
    };
    return {
      productId: p.id,
      footprint,
      primaryShare: Number.isNaN(share) ? 0 : share,
      dataQuality: {
        technological: q('technological'),
        temporal: q('temporal'),
        geographical: q('geographical'),
      },
      contributions: buildContributionTree(t.matrix, t.emissions, result.footprint, k, treeOptions),
    };
  });
  return { products, stats: plan.stats, labels: t.labels };
}

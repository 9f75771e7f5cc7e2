import { validationError } from '../errors.ts';
import type { SparseMatrix } from './sparse-matrix.ts';

/** One upstream process in a product's contribution tree, per unit of the root product. */
export interface ContributionNode {
  readonly process: number;
  /** Units of this process's output needed along this path per unit of the root product. */
  readonly amount: number;
  /** amount * direct emissions of the process. */
  readonly direct: number;
  /** amount * footprint of the process's product: everything upstream of this node. */
  readonly total: number;
  /** total / the root's total. */
  readonly share: number;
  readonly children: ContributionNode[];
  /** Part of `total` in inputs below the cut-off (or beyond the depth or node limits). */
  remainder: number;
}

/** Where to stop expanding a contribution tree. */
export interface ContributionTreeOptions {
  /** Inputs whose |share| of the root is below this are folded into their parent's remainder. */
  readonly cutoff?: number;
  readonly maxDepth?: number;
  readonly maxNodes?: number;
}

/**
 * Expands a product's footprint into the upstream processes that make it up, path by path, so
 * that every node satisfies total = direct + sum(children.total) + remainder (up to rounding).
 * Cycles unroll into repeated nodes; expansion still ends because each pass round a cycle
 * multiplies the share by the cycle's coefficient product (< 1 when the spectral radius is), and
 * the depth and node limits guard against networks where it does not.
 */
export function buildContributionTree(
  matrix: SparseMatrix,
  emissions: ArrayLike<number>,
  footprint: ArrayLike<number>,
  product: number,
  options: ContributionTreeOptions = {},
): ContributionNode {
  if (!Number.isInteger(product) || product < 0 || product >= matrix.cols) {
    throw validationError(
      [{ field: 'product', message: `out of range 0..${matrix.cols - 1}`, value: product }],
      'contribution tree request',
    );
  }
  const cutoff = options.cutoff ?? 0.01;
  const maxDepth = options.maxDepth ?? 50;
  const maxNodes = options.maxNodes ?? 10_000;
  const rootTotal = footprint[product]!;
  const makeNode = (process: number, amount: number): ContributionNode => {
    const total = amount * footprint[process]!;
    return {
      process,
      amount,
      direct: amount * emissions[process]!,
      total,
      share: rootTotal === 0 ? 0 : total / rootTotal,
      children: [],
      remainder: 0,
    };
  };
  const root = makeNode(product, 1);
  const { pointers, indices, values } = matrix.byColumn;
  let nodes = 1;
  // Breadth-first with an explicit queue: contributors nearest the root are kept first
  // when maxNodes cuts the tree, and no recursion depth is involved.
  const queue: { node: ContributionNode; depth: number }[] = [{ node: root, depth: 0 }];
  for (let head = 0; head < queue.length; head++) {
    const { node, depth } = queue[head]!;
    const j = node.process;
    for (let k = pointers[j]!; k < pointers[j + 1]!; k++) {
      const child = makeNode(indices[k]!, node.amount * values[k]!);
      const expand =
        rootTotal !== 0 && Math.abs(child.share) >= cutoff && depth < maxDepth && nodes < maxNodes;
      if (expand) {
        node.children.push(child);
        queue.push({ node: child, depth: depth + 1 });
        nodes++;
      } else {
        node.remainder += child.total;
      }
    }
    node.children.sort((a, b) => Math.abs(b.total) - Math.abs(a.total));
  }
  return root;
}

/** A contribution tree node named by what its process makes (a product or a background dataset), as the API presents it. */
export interface LabelledContribution {
  readonly kind: 'product' | 'dataset';
  readonly id: string;
  readonly name: string;
  readonly amount: number;
  /** kgCO2e emitted directly by this node's process, per unit of the root product. */
  readonly direct: number;
  /** kgCO2e of everything upstream of this node, per unit of the root product. */
  readonly total: number;
  readonly share: number;
  /** kgCO2e of inputs below the cut-off, not expanded as children. */
  readonly remainder: number;
  readonly children: readonly LabelledContribution[];
}

/** Names each node of a contribution tree by the technosphere column it stands for (labels[process]). */
export function labelContributions(
  labels: readonly { readonly kind: 'product' | 'dataset'; readonly id: string; readonly name: string }[],
  node: ContributionNode,
): LabelledContribution {
  const label = labels[node.process];
  return {
    kind: label?.kind ?? 'product',
    id: label?.id ?? String(node.process),
    name: label?.name ?? String(node.process),
    amount: node.amount,
    direct: node.direct,
    total: node.total,
    share: node.share,
    remainder: node.remainder,
    children: node.children.map((c) => labelContributions(labels, c)),
  };
}

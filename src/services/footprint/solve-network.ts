import type { ContributionTreeOptions } from '../../core/footprint/contribution-tree.ts';
import { solveSupplyNetwork } from '../../core/footprint/network.ts';
import type { NetworkSolution, SupplyNetwork } from '../../core/footprint/network.ts';
import type { FootprintNetworkRepository } from '../../core/ports.ts';

/** A solved network together with the network it was solved from. */
export interface SolvedNetwork {
  readonly network: SupplyNetwork;
  readonly solution: NetworkSolution;
}

/**
 * Builds the technosphere from the stored network and solves it with one plan: per product the
 * footprint, contribution tree, primary data share and propagated data quality.
 */
export async function solveNetwork(
  ports: { footprintNetwork: FootprintNetworkRepository },
  treeOptions: ContributionTreeOptions = {},
): Promise<SolvedNetwork> {
  const network = await ports.footprintNetwork.load();
  return { network, solution: solveSupplyNetwork(network, treeOptions) };
}

import { rateSuppliers } from '../../core/footprint/supplier-rating.ts';
import type { GreenSupplyChainReport } from '../../core/footprint/supplier-rating.ts';
import { GmError } from '../../core/errors.ts';
import type { FootprintNetworkRepository, Registry } from '../../core/ports.ts';
import { solveNetwork } from './solve-network.ts';

/** The report with supplier names from the registry. */
export interface GreenSupplyChainView extends GreenSupplyChainReport {
  readonly enterpriseName: string;
  readonly supplierNames: Readonly<Record<string, string>>;
}

/**
 * Green supply chain management for one enterprise: its suppliers rated from the solved supply
 * network, and its green procurement share. Unknown enterprises are GM_NOT_FOUND.
 */
export async function greenSupplyChain(
  ports: { footprintNetwork: FootprintNetworkRepository; registry: Registry },
  enterpriseId: string,
): Promise<GreenSupplyChainView> {
  const enterprise = await ports.registry.getEnterprise(enterpriseId);
  if (enterprise === undefined)
    throw new GmError('GM_NOT_FOUND', `No enterprise with id "${enterpriseId}"`, {
      field: 'id',
      id: enterpriseId,
    });
  const { network, solution } = await solveNetwork(ports, { maxNodes: 1 });
  const report = rateSuppliers(network, solution, enterpriseId);
  const supplierNames: Record<string, string> = {};
  for (const s of report.suppliers)
    supplierNames[s.enterpriseId] =
      (await ports.registry.getEnterprise(s.enterpriseId))?.name ?? s.enterpriseId;
  return { ...report, enterpriseName: enterprise.name, supplierNames };
}

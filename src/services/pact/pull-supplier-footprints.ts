import { parseInstant } from '../../core/pact/instant.ts';
import type { ProductFootprintV3 } from '../../core/pact/product-footprint.ts';
import type {
  FootprintNetworkRepository,
  PactPartner,
  PactTransport,
  StoredDataset,
} from '../../core/ports.ts';

/** What a pull did: the datasets written (one per supplier footprint) and footprints skipped. */
export interface PullOutcome {
  readonly datasets: readonly StoredDataset[];
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

/** The dataset id under which a supplier's PACT footprint of a product is stored. */
export function supplierDatasetId(pf: ProductFootprintV3): string {
  return `pact:${pf.productIds[0] ?? pf.id}`;
}

/**
 * Pulls a supplier's Active PACT footprints and stores each as a primary (supplier-specific)
 * background dataset owned by the pulling enterprise: factor = pcfExcludingBiogenicUptake per
 * declared unit, data quality from the footprint's DQRs (3, the worst, where absent). Processes
 * that consume the product then reference dataset `pact:<first productId>`; re-pulling replaces it.
 */
export async function pullSupplierFootprints(
  ports: { transport: PactTransport; footprintNetwork: FootprintNetworkRepository },
  enterpriseId: string,
  partner: PactPartner,
): Promise<PullOutcome> {
  const pfs = await ports.transport.fetchFootprints(partner, { status: 'Active' });
  const datasets: StoredDataset[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const pf of pfs) {
    const factor = Number(pf.pcf.pcfExcludingBiogenicUptake);
    const amount = Number(pf.pcf.declaredUnitAmount);
    if (!Number.isFinite(factor) || !(amount > 0)) {
      skipped.push({
        id: pf.id,
        reason: 'pcfExcludingBiogenicUptake or declaredUnitAmount is not a usable number',
      });
      continue;
    }
    const dqi = (pf.pcf['dqi'] ?? {}) as Record<string, unknown>;
    const rating = (key: string) => {
      const v = Number(dqi[key]);
      return Number.isFinite(v) && v >= 1 && v <= 3 ? v : 3;
    };
    const year = Number.isNaN(parseInstant(pf.pcf.referencePeriodEnd))
      ? ''
      : pf.pcf.referencePeriodEnd.slice(0, 4);
    datasets.push({
      id: supplierDatasetId(pf),
      enterpriseId,
      name: `${pf.productNameCompany} (${pf.companyName})`,
      unit: pf.pcf.declaredUnitOfMeasurement,
      factor: factor / amount,
      dataSource: 'primary',
      dataQuality: {
        technological: rating('technologicalDQR'),
        temporal: rating('temporalDQR'),
        geographical: rating('geographicalDQR'),
      },
      origin: `PACT ${pf.id} from ${partner.baseUrl}${year ? `, reference year ${year}` : ''}`,
    });
  }
  if (datasets.length > 0) await ports.footprintNetwork.save({ datasets });
  return { datasets, skipped };
}

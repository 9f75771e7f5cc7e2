import { toPactFootprint } from '../../core/pact/footprint-to-pact.ts';
import { formatInstant } from '../../core/pact/instant.ts';
import type {
  Clock,
  FootprintNetworkRepository,
  IdSource,
  PactFootprintRepository,
  PublishedFootprint,
  Registry,
} from '../../core/ports.ts';
import { solveNetwork } from './solve-network.ts';

/** What a publication run did. */
export interface PublishOutcome {
  readonly published: number;
  readonly deprecated: number;
  readonly unchanged: number;
}

/**
 * Solves the stored network and publishes, as PACT v3 footprints, the products whose enterprise
 * publishes them. A product whose footprint changed gets a new footprint id and its previous one
 * becomes Deprecated (PACT v3: a published footprint is never edited in place).
 */
export async function publishFootprints(ports: {
  footprintNetwork: FootprintNetworkRepository;
  pactFootprints: PactFootprintRepository;
  registry: Registry;
  clock: Clock;
  ids: IdSource;
}): Promise<PublishOutcome> {
  const { network, solution } = await solveNetwork(ports, { maxNodes: 200 });
  const active = await ports.pactFootprints.activeByProduct();
  const created = formatInstant(ports.clock.now().getTime());
  const producers = new Map(
    network.processes.flatMap((p) => p.outputs.map((o) => [o.productId, p] as const)),
  );
  const secondarySources = network.datasets
    .filter((d) => d.dataSource === 'secondary')
    .map((d) => ({ name: d.origin, version: '1' }));
  const added: PublishedFootprint[] = [];
  const deprecated: string[] = [];
  let unchanged = 0;
  for (const [k, product] of network.products.entries()) {
    if (!product.published) continue;
    const result = solution.products[k]!;
    const producer = producers.get(product.id)!;
    const enterprise = await ports.registry.getEnterprise(product.enterpriseId);
    const draft = toPactFootprint({
      id: '',
      created,
      companyName: enterprise?.name ?? product.enterpriseId,
      product,
      producer,
      result,
      secondarySources,
      comment: 'Computed by greenmfg from its supply-network model (issue 5). The demo network is SIMULATED.',
    });
    const previous = active.get(product.id);
    if (previous !== undefined && JSON.stringify(previous.pcf) === JSON.stringify(draft.pcf)) {
      unchanged++;
      continue;
    }
    if (previous !== undefined) deprecated.push(previous.id);
    added.push({
      productId: product.id,
      enterpriseId: product.enterpriseId,
      footprint: { ...draft, id: ports.ids.uuid(), ...(previous ? { precedingPfIds: [previous.id] } : {}) },
    });
  }
  await ports.pactFootprints.publish(added, deprecated);
  return { published: added.length, deprecated: deprecated.length, unchanged };
}

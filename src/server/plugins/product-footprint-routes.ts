import type { FastifyInstance } from 'fastify';
import { labelContributions } from '../../core/footprint/contribution-tree.ts';
import { GmError } from '../../core/errors.ts';
import type { FootprintNetworkRepository, PactFootprintRepository, Registry } from '../../core/ports.ts';
import { solveNetwork } from '../../services/footprint/solve-network.ts';
import { idParams, nullable, num, objectOf, responses, str } from '../openapi/schemas.ts';

const contribution = objectOf({
  kind: { type: 'string', enum: ['product', 'dataset'] },
  id: str,
  name: str,
  amount: num,
  direct: num,
  total: num,
  share: num,
  remainder: num,
  // The same shape again, one level down (left open here: OpenAPI needs no recursion to read it).
  children: { type: 'array', items: { type: 'object' } },
});

const footprintResponse = objectOf({
  productId: str,
  items: {
    type: 'array',
    items: objectOf({
      networkProductId: str,
      name: str,
      unit: str,
      classification: nullable('string'),
      footprintKgCo2e: num,
      primaryShare: num,
      dataQuality: objectOf({ technological: num, temporal: num, geographical: num }),
      pactId: nullable('string'),
      simulated: { type: 'boolean' },
      contributions: contribution,
    }),
  },
});

/**
 * `GET /api/v1/products/{id}/footprint`: a listed product's cradle-to-gate footprint from the
 * supply-network model, its contribution tree through the supply chain and the id of its active
 * PACT footprint. A listed product the network does not model answers with no items.
 */
export function productFootprintRoutes(deps: {
  readonly registry: Registry;
  readonly footprintNetwork: FootprintNetworkRepository;
  readonly pactFootprints?: PactFootprintRepository;
}) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { id: string } }>(
      '/api/v1/products/:id/footprint',
      {
        schema: {
          tags: ['footprints'],
          summary:
            'A listed product: footprint (kgCO2e per declared unit), contribution tree and PACT footprint id',
          params: idParams,
          response: responses(footprintResponse),
        },
      },
      async (req) => {
        const product = await deps.registry.getProduct(req.params.id);
        if (!product)
          throw new GmError('GM_NOT_FOUND', `No green-design product with id "${req.params.id}"`, {
            field: 'id',
            id: req.params.id,
          });
        const network = await deps.footprintNetwork.load();
        const modelled = network.products.filter((p) => p.registryProductId === product.id);
        if (modelled.length === 0) return { productId: product.id, items: [] };
        const { solution } = await solveNetwork(deps, { cutoff: 0.005, maxNodes: 200 });
        const active: ReadonlyMap<string, { readonly id: string }> = deps.pactFootprints
          ? await deps.pactFootprints.activeByProduct()
          : new Map();
        const processes = new Map(
          network.processes.flatMap((p) => p.outputs.map((o) => [o.productId, p] as const)),
        );
        return {
          productId: product.id,
          items: modelled.map((p) => {
            const result = solution.products.find((r) => r.productId === p.id);
            if (!result) throw new Error(`the solved network lacks product ${p.id}`);
            const pact = active.get(p.id);
            return {
              networkProductId: p.id,
              name: p.name,
              unit: p.unit,
              classification: p.classification,
              footprintKgCo2e: result.footprint,
              primaryShare: result.primaryShare,
              dataQuality: result.dataQuality,
              pactId: pact?.id ?? null,
              // Every process of the demo network is simulated (its name says so); say it in a field too.
              simulated: /SIMULATED/.test(processes.get(p.id)?.name ?? ''),
              contributions: labelContributions(solution.labels, result.contributions),
            };
          }),
        };
      },
    );
    return Promise.resolve();
  };
}

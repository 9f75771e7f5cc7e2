import { registrySchemas } from '../openapi/response-schemas.ts';
import { responses } from '../openapi/schemas.ts';
import type { FastifyInstance } from 'fastify';
import type { FootprintNetworkRepository, Registry } from '../../core/ports.ts';
import { greenSupplyChain } from '../../services/footprint/green-supply-chain.ts';

const params = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

/** `GET /api/v1/enterprises/{id}/green-supply-chain`: supplier ratings and the green procurement share. */
export function greenSupplyChainRoutes(deps: {
  footprintNetwork: FootprintNetworkRepository;
  registry: Registry;
}) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { id: string } }>(
      '/api/v1/enterprises/:id/green-supply-chain',
      { schema: { params, response: responses(registrySchemas.greenSupplyChain) } },
      async (req) => {
        const view = await greenSupplyChain(deps, req.params.id);
        // NaN is not JSON: an enterprise that buys nothing in the network has no share.
        return {
          ...view,
          greenProcurementShare: Number.isNaN(view.greenProcurementShare) ? null : view.greenProcurementShare,
        };
      },
    );
    return Promise.resolve();
  };
}

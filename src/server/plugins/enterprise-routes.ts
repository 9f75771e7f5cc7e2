import { registrySchemas } from '../openapi/response-schemas.ts';
import type { FastifyInstance } from 'fastify';
import { GmError } from '../../core/errors.ts';
import type { Registry } from '../../core/ports.ts';
import { idParams, responses } from '../openapi/schemas.ts';

/**
 * `GET /api/v1/enterprises/{id}`: a listed enterprise and its listed factories and supply chain
 * listings (public: the MIIT lists publish them). The lists name a factory or supply chain unit by
 * its enterprise (src/core/registry/parse-list-rows.ts), so a name search narrowed to the
 * enterprise id finds them all.
 */
export function enterpriseRoutes(deps: { readonly registry: Registry }) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { id: string } }>(
      '/api/v1/enterprises/:id',
      {
        schema: {
          tags: ['registry'],
          summary: 'A listed enterprise with its listed factories and supply chain listings',
          params: idParams,
          response: responses(registrySchemas.enterprise),
        },
      },
      async (req) => {
        const enterprise = await deps.registry.getEnterprise(req.params.id);
        if (!enterprise)
          throw new GmError('GM_NOT_FOUND', `No enterprise with id "${req.params.id}"`, {
            field: 'id',
            id: req.params.id,
          });
        const query = { q: enterprise.name, page: 1, pageSize: 200 };
        const [factories, supplyChain] = await Promise.all([
          deps.registry.listFactories(query),
          deps.registry.listSupplyChain(query),
        ]);
        return {
          enterprise,
          factories: factories.items.filter((f) => f.enterpriseId === enterprise.id),
          supplyChainEnterprises: supplyChain.items.filter((s) => s.enterpriseId === enterprise.id),
        };
      },
    );
    return Promise.resolve();
  };
}

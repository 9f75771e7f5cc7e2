import { accountingSchemas as acc } from '../openapi/response-schemas.ts';
import { responses } from '../openapi/schemas.ts';
import type { FastifyInstance } from 'fastify';
import { GmError } from '../../core/errors.ts';
import type { OperatingYears, Registry } from '../../core/ports.ts';
import { getFactoryAccounts } from '../../services/operating/factory-accounts.ts';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

/** Operating data and the energy and carbon accounts made from it, per factory and per park. */
export function operatingRoutes(deps: { registry: Registry; operatingYears: OperatingYears }) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { id: string } }>(
      '/api/v1/factories/:id/accounts',
      { schema: { params: idParams, response: responses(acc.factoryAccounts) } },
      (req) => getFactoryAccounts(deps, req.params.id),
    );
    app.get<{ Params: { id: string } }>(
      '/api/v1/parks/:id/operating-years',
      { schema: { params: idParams, response: responses(acc.parkYears) } },
      async (req) => {
        const park = await deps.registry.getPark(req.params.id);
        if (!park)
          throw new GmError('GM_NOT_FOUND', `No park with id "${req.params.id}"`, {
            field: 'id',
            id: req.params.id,
          });
        return { parkId: park.id, years: await deps.operatingYears.ofUnit('park', park.id) };
      },
    );
    return Promise.resolve();
  };
}

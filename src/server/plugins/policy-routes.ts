import { policySchemas as pol } from '../openapi/response-schemas.ts';
import { responses } from '../openapi/schemas.ts';
import type { FastifyInstance } from 'fastify';
import { policyCatalog } from '../../core/policy/policy-catalog.ts';
import { instrumentKey } from '../../core/policy/policy-instrument.ts';
import type { Clock, OperatingYears, Registry } from '../../core/ports.ts';
import type { UnitKind } from '../../core/registry/types.ts';
import { beneficiaries, matchAll, matchUnit } from '../../services/policy/match-service.ts';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const unitPaths: readonly [string, UnitKind][] = [
  ['factories', 'factory'],
  ['parks', 'park'],
  ['supply-chain-enterprises', 'supply_chain'],
  ['products', 'product'],
];

/** Policy instruments: the catalog, a unit's matches with reasons, an instrument's beneficiaries. */
export function policyRoutes(deps: { registry: Registry; operatingYears: OperatingYears; clock: Clock }) {
  return (app: FastifyInstance): Promise<void> => {
    app.get('/api/v1/policies', { schema: { response: responses(pol.catalog) } }, () => ({
      items: policyCatalog.map((i) => ({ key: instrumentKey(i), ...i })),
      total: policyCatalog.length,
    }));
    app.get('/api/v1/policies/summary', { schema: { response: responses(pol.summary) } }, () =>
      matchAll(deps).then(({ onDate, units, instruments, summaries }) => ({
        onDate,
        units,
        instruments,
        summaries,
      })),
    );
    app.get<{
      Params: { key: string };
      Querystring: { status: 'qualifies' | 'nearly'; page: number; pageSize: number };
    }>(
      '/api/v1/policies/:key/beneficiaries',
      {
        schema: {
          params: {
            type: 'object',
            required: ['key'],
            properties: { key: { type: 'string', minLength: 3, maxLength: 120 } },
          },
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              status: { type: 'string', enum: ['qualifies', 'nearly'], default: 'qualifies' },
              page: { type: 'integer', minimum: 1, default: 1 },
              pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            },
          },
          response: responses(pol.beneficiaries),
        },
      },
      (req) => beneficiaries(deps, req.params.key, req.query),
    );
    for (const [path, kind] of unitPaths) {
      app.get<{ Params: { id: string } }>(
        `/api/v1/${path}/:id/policies`,
        { schema: { params: idParams, response: responses(pol.unitPolicies) } },
        (req) => matchUnit(deps, kind, req.params.id),
      );
    }
    return Promise.resolve();
  };
}

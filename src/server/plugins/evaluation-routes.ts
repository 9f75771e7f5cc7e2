import { accountingSchemas as acc } from '../openapi/response-schemas.ts';
import { responses } from '../openapi/schemas.ts';
import { GmError, isGmError } from '../../core/errors.ts';
import type { FastifyInstance } from 'fastify';
import type { OperatingYears, Registry } from '../../core/ports.ts';
import type { AnyStandard } from '../../core/standards/standard-registry.ts';
import { evaluateFactory } from '../../services/evaluation/factory-evaluation.ts';
import { getStandard, listStandards } from '../../services/evaluation/standards-catalog.ts';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const evaluationQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    standard: { type: 'string', minLength: 3, maxLength: 100 },
    target: { type: 'number', minimum: 0, maximum: 1000 },
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
  },
} as const;

const standardsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { kind: { type: 'string', enum: ['indicator-system', 'quota-standard', 'benchmark-edition'] } },
} as const;

/** Evaluation over the standards library: a factory's evaluation, and the catalogue of standard editions. */
export function evaluationRoutes(deps: { registry: Registry; operatingYears: OperatingYears }) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { id: string }; Querystring: { standard?: string; target?: number; year?: number } }>(
      '/api/v1/factories/:id/evaluation',
      { schema: { params: idParams, querystring: evaluationQuery, response: responses(acc.evaluation) } },
      (req) => {
        const q = req.query;
        return evaluateFactory(deps, req.params.id, {
          ...(q.standard === undefined ? {} : { standard: q.standard }),
          ...(q.target === undefined ? {} : { target: q.target }),
          ...(q.year === undefined ? {} : { year: q.year }),
        });
      },
    );
    app.get<{ Querystring: { kind?: AnyStandard['kind'] } }>(
      '/api/v1/standards',
      { schema: { querystring: standardsQuery, response: responses(acc.standards) } },
      (req) => ({ items: listStandards(req.query.kind) }),
    );
    // The key holds '/', '@' and spaces (GB/T 36132@2025): clients percent-encode it as one segment.
    app.get<{ Params: { key: string } }>(
      '/api/v1/standards/:key',
      {
        schema: {
          params: {
            type: 'object',
            required: ['key'],
            properties: { key: { type: 'string', minLength: 3, maxLength: 100 } },
          },
          querystring: { type: 'object', additionalProperties: false, properties: {} },
          response: responses(acc.standard),
        },
      },
      (req) => {
        try {
          return getStandard(req.params.key);
        } catch (e) {
          // The registry does not know which input named the key; here it is the path's `key`.
          if (isGmError(e) && e.code === 'GM_STANDARD_NOT_FOUND') {
            throw new GmError(e.code, e.message, { ...e.details, field: 'key' });
          }
          throw e;
        }
      },
    );
    return Promise.resolve();
  };
}

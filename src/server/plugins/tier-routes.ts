import type { FastifyInstance } from 'fastify';
import { tierRemovalTriggers } from '../../core/benchmark/tiers.ts';
import { localTiers, type LocalTier } from '../../core/workflow/tier-listing.ts';
import {
  addTierListing,
  listTier,
  removeTierListing,
  type TierPorts,
} from '../../services/workflow/tier-listings.ts';
import { workflowSchemas as w } from '../openapi/response-schemas.ts';
import { itemsOf, pageProperties, regionCode, responses } from '../openapi/schemas.ts';

const tag = { tags: ['tiers'] };
const idPattern = '^[A-Za-z0-9_.-]{1,64}$';
const tierParams = {
  type: 'object',
  required: ['tier'],
  additionalProperties: false,
  properties: { tier: { type: 'string', enum: [...localTiers] } },
} as const;
const date = {
  type: 'string',
  maxLength: 10,
  description: 'YYYY-MM-DD (default: today, China Standard Time)',
};

/**
 * Provincial and municipal green factories as listings of their own: read by anyone (they are
 * published), written by administrators of the tier's level or above within their region.
 */
export function tierRoutes(deps: TierPorts) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{
      Params: { tier: LocalTier };
      Querystring: { region?: string; q?: string; includeRemoved?: boolean; page: number; pageSize: number };
    }>(
      '/api/v1/tiers/:tier/factories',
      {
        schema: {
          ...tag,
          summary: 'The provincial or municipal green factories, optionally of one region (GB/T 2260 code)',
          params: tierParams,
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              region: regionCode,
              q: { type: 'string', maxLength: 200 },
              includeRemoved: { type: 'boolean', default: false },
              ...pageProperties,
            },
          },
          response: responses(itemsOf(w.tierListing, true)),
        },
      },
      (req) => listTier(deps, { tier: req.params.tier, ...req.query }),
    );
    app.post<{ Params: { tier: LocalTier }; Body: { factoryId: string; listedOn?: string } }>(
      '/api/v1/tiers/:tier/factories',
      {
        schema: {
          ...tag,
          summary:
            'List a factory at the tier (a province or the nation for provincial; a city, its province or the nation for municipal; within the region)',
          params: tierParams,
          body: {
            type: 'object',
            required: ['factoryId'],
            additionalProperties: false,
            properties: { factoryId: { type: 'string', pattern: idPattern }, listedOn: date },
          },
          response: responses(w.tierListing, 201),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await addTierListing(deps, req.principal, req.params.tier, req.body)),
    );
    app.post<{
      Params: { tier: LocalTier; id: string };
      Body: { trigger: string; removedOn?: string };
    }>(
      '/api/v1/tiers/:tier/factories/:id/removal',
      {
        schema: {
          ...tag,
          summary: 'Remove a factory from the tier, with a removal trigger',
          params: {
            type: 'object',
            required: ['tier', 'id'],
            additionalProperties: false,
            properties: {
              tier: { type: 'string', enum: [...localTiers] },
              id: { type: 'string', pattern: idPattern },
            },
          },
          body: {
            type: 'object',
            required: ['trigger'],
            additionalProperties: false,
            properties: {
              trigger: { type: 'string', enum: Object.keys(tierRemovalTriggers) },
              removedOn: date,
            },
          },
          response: responses(w.tierListing),
        },
      },
      (req) => removeTierListing(deps, req.principal, req.params.tier, req.params.id, req.body),
    );
    return Promise.resolve();
  };
}

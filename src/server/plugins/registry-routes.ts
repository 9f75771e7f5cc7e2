import type { FastifyInstance } from 'fastify';
import { GmError } from '../../core/errors.ts';
import type { CodeTables, OperatingYears, Page, Registry, UnitQuery } from '../../core/ports.ts';
import { getStats } from '../../services/stats.ts';
import { cachedFor } from '../cached-for.ts';
import { registrySchemas as reg, unitSchemas } from '../openapi/response-schemas.ts';
import { itemsOf, responses } from '../openapi/schemas.ts';

const listQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 200 },
    province: { type: 'string', pattern: '^[0-9]{6}$' },
    batch: { type: 'string', pattern: '^[0-9]{1,4}$' },
    sort: { type: 'string', enum: ['name', 'batch', 'province'] },
    order: { type: 'string', enum: ['asc', 'desc'] },
    page: { type: 'integer', minimum: 1, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
  },
} as const;

interface ListQuerystring {
  q?: string;
  province?: string;
  batch?: string;
  sort?: UnitQuery['sort'];
  order?: UnitQuery['order'];
  page: number;
  pageSize: number;
}

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const toQuery = (q: ListQuerystring): UnitQuery => ({
  page: q.page,
  pageSize: q.pageSize,
  ...(q.q ? { q: q.q } : {}),
  ...(q.province ? { provinceCode: q.province } : {}),
  ...(q.batch ? { batch: q.batch } : {}),
  ...(q.sort ? { sort: q.sort } : {}),
  ...(q.order ? { order: q.order } : {}),
});

/** Read routes over the registry: statistics, searchable lists of each kind of unit, code tables. */
export function registryRoutes(deps: {
  registry: Registry;
  codeTables: CodeTables;
  operatingYears?: OperatingYears;
}) {
  return (app: FastifyInstance): Promise<void> => {
    // The statistics change with a list import, not between requests, and computing them (counts
    // and the programme claims over every operating year) blocks the event loop for hundreds of
    // milliseconds on SQLite: keep them for a minute, and compute them once the server listens so
    // the first reader of the overview does not wait. An import into a running server's database
    // shows within the minute.
    const stats = cachedFor(() => getStats(deps), 60_000);
    app.addHook('onListen', () => {
      stats().catch(() => undefined);
    });
    app.get('/api/v1/stats', { schema: { response: responses(reg.stats) } }, async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return stats();
    });

    const list = <T>(
      path: string,
      fetch: (q: UnitQuery) => Promise<Page<T>>,
      get: (id: string) => Promise<T | undefined>,
      what: string,
      item: object,
    ) => {
      app.get<{ Querystring: ListQuerystring }>(
        path,
        { schema: { querystring: listQuerySchema, response: responses(itemsOf(item, true)) } },
        (req) => fetch(toQuery(req.query)),
      );
      app.get<{ Params: { id: string } }>(
        `${path}/:id`,
        { schema: { params: idParams, response: responses(item) } },
        async (req) => {
          const found = await get(req.params.id);
          if (!found)
            throw new GmError('GM_NOT_FOUND', `No ${what} with id "${req.params.id}"`, {
              field: 'id',
              id: req.params.id,
            });
          return found;
        },
      );
    };
    const r = deps.registry;
    list('/api/v1/factories', r.listFactories, r.getFactory, 'factory', unitSchemas.factory);
    list('/api/v1/parks', r.listParks, r.getPark, 'park', unitSchemas.park);
    list('/api/v1/products', r.listProducts, r.getProduct, 'product', unitSchemas.product);
    list(
      '/api/v1/supply-chain-enterprises',
      r.listSupplyChain,
      r.getSupplyChain,
      'supply chain management enterprise',
      unitSchemas.supplyChain,
    );

    app.get<{ Querystring: { level?: 'province' | 'prefecture' | 'county'; parent?: string } }>(
      '/api/v1/regions',
      {
        schema: {
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              level: { type: 'string', enum: ['province', 'prefecture', 'county'] },
              parent: { type: 'string', pattern: '^[0-9]{6}$' },
            },
          },
          response: responses({ type: 'array', items: reg.region }),
        },
      },
      async (req) => {
        const all = await deps.codeTables.allRegions();
        return all.filter(
          (r) =>
            (!req.query.level || r.level === req.query.level) &&
            (!req.query.parent || r.parentCode === req.query.parent),
        );
      },
    );
    app.get<{
      Querystring: {
        q?: string;
        level?: 'section' | 'division' | 'group' | 'class';
        page: number;
        pageSize: number;
      };
    }>(
      '/api/v1/industries',
      {
        schema: {
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              q: { type: 'string', maxLength: 100 },
              level: { type: 'string', enum: ['section', 'division', 'group', 'class'] },
              page: { type: 'integer', minimum: 1, default: 1 },
              pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            },
          },
          response: responses(itemsOf(reg.industry, true)),
        },
      },
      (req) =>
        deps.codeTables.listIndustries({
          page: req.query.page,
          pageSize: req.query.pageSize,
          ...(req.query.q ? { q: req.query.q } : {}),
          ...(req.query.level ? { level: req.query.level } : {}),
        }),
    );
    return Promise.resolve();
  };
}

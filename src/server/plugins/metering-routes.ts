import type { FastifyInstance } from 'fastify';
import { validationError } from '../../core/errors.ts';
import { meteredMedia } from '../../core/metering/meter.ts';
import { timestampSeconds } from '../../core/metering/parse-timestamp.ts';
import type { MeteringService } from '../../services/metering/metering-service.ts';

const idPattern = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';

const meterBody = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'factoryId', 'medium', 'unit'],
  properties: {
    id: { type: 'string', pattern: idPattern },
    factoryId: { type: 'string', pattern: idPattern },
    medium: { type: 'string', enum: meteredMedia },
    unit: { type: 'string', maxLength: 16 },
    kind: { type: 'string', enum: ['interval', 'counter'] },
    intervalSeconds: { type: ['integer', 'null'], minimum: 1 },
    rolloverAt: { type: ['number', 'null'], exclusiveMinimum: 0 },
    utcOffsetMinutes: { type: 'integer', minimum: -720, maximum: 840 },
    name: { type: ['string', 'null'], maxLength: 200 },
  },
} as const;

const meterParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: idPattern } },
} as const;

const rangeQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: { from: { type: 'string', maxLength: 40 }, to: { type: 'string', maxLength: 40 } },
} as const;

/** Readings bodies may be large: a bulk CSV of a million readings is about 40 MB. */
const readingsBodyLimit = 256 * 1024 * 1024;

const timeArg = (text: string, field: string): number => {
  const s = timestampSeconds(text, 0);
  if (Number.isNaN(s))
    throw validationError([
      { field: `query.${field}`, message: 'must be an ISO 8601 timestamp', value: text },
    ]);
  return s;
};

/** Meters and readings: register and list meters, ingest readings (JSON or CSV), read rollups, gaps and accounts. */
export function meteringRoutes(metering: MeteringService) {
  return (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: readingsBodyLimit },
      (_req, body, done) => done(null, body),
    );

    app.post<{ Body: Record<string, unknown> }>(
      '/api/v1/meters',
      { schema: { body: meterBody } },
      async (req, reply) => {
        const meter = await metering.addMeter(req.body);
        return reply.status(201).send(meter);
      },
    );
    app.get<{ Querystring: { factory?: string } }>(
      '/api/v1/meters',
      {
        schema: {
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { factory: { type: 'string', pattern: idPattern } },
          },
        },
      },
      (req) => ({ items: metering.listMeters(req.query.factory) }),
    );
    app.get<{ Params: { id: string } }>('/api/v1/meters/:id', { schema: { params: meterParams } }, (req) =>
      metering.getMeter(req.params.id),
    );

    // A batch stores its valid readings; the response names each rejected index with its reason
    // and field (STYLE.md habit 6: a partial batch is a result, not an error).
    app.post('/api/v1/readings', { bodyLimit: readingsBodyLimit }, async (req) => {
      const body: unknown = req.body;
      if (typeof body === 'string') return metering.ingestCsv(body);
      if (Array.isArray(body)) return metering.ingestItems(body);
      throw validationError([
        {
          field: 'body',
          message: 'must be a JSON array of readings {meter, ts, value, unit?} or a text/csv body',
        },
      ]);
    });

    app.get<{
      Params: { id: string };
      Querystring: { grain: 'hour' | 'day' | 'month'; from: string; to: string };
    }>(
      '/api/v1/meters/:id/rollups',
      {
        schema: {
          params: meterParams,
          querystring: {
            type: 'object',
            additionalProperties: false,
            required: ['grain', 'from', 'to'],
            properties: {
              grain: { type: 'string', enum: ['hour', 'day', 'month'] },
              from: { type: 'string', maxLength: 10 },
              to: { type: 'string', maxLength: 10 },
            },
          },
        },
      },
      async (req) => ({
        meter: req.params.id,
        grain: req.query.grain,
        items: await metering.meterRollups(req.params.id, req.query.grain, req.query.from, req.query.to),
      }),
    );
    // Readings, gaps and flags of one meter over a time range: one route shape, three queries.
    for (const path of ['readings', 'gaps', 'flags'] as const) {
      app.get<{ Params: { id: string }; Querystring: { from: string; to: string } }>(
        `/api/v1/meters/:id/${path}`,
        { schema: { params: meterParams, querystring: rangeQuery } },
        async (req) => ({
          meter: req.params.id,
          items: await metering[path](
            req.params.id,
            timeArg(req.query.from, 'from'),
            timeArg(req.query.to, 'to'),
          ),
        }),
      );
    }
    app.get<{ Querystring: { day: string; factory?: string } }>(
      '/api/v1/metering/daily',
      {
        schema: {
          querystring: {
            type: 'object',
            additionalProperties: false,
            required: ['day'],
            properties: {
              day: { type: 'string', maxLength: 10 },
              factory: { type: 'string', pattern: idPattern },
            },
          },
        },
      },
      (req) => ({ day: req.query.day, items: metering.dailyRollup(req.query.day, req.query.factory) }),
    );
    app.get<{ Params: { factory: string; month: string }; Querystring: { region?: string } }>(
      '/api/v1/metering/factories/:factory/months/:month',
      {
        schema: {
          params: {
            type: 'object',
            required: ['factory', 'month'],
            properties: {
              factory: { type: 'string', pattern: idPattern },
              month: { type: 'string', maxLength: 7 },
            },
          },
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { region: { type: 'string', pattern: '^[0-9]{2}([0-9]{4})?$' } },
          },
        },
      },
      (req) => metering.factoryMonth(req.params.factory, req.params.month, req.query.region),
    );
    return Promise.resolve();
  };
}

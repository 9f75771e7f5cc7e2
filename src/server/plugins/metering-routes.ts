import type { FastifyInstance } from 'fastify';
import { validationError } from '../../core/errors.ts';
import { meteredMedia } from '../../core/metering/meter.ts';
import { timestampSeconds } from '../../core/metering/parse-timestamp.ts';
import type { MeteringAccess } from '../../services/metering/metering-access.ts';
import { meteringResponses as r } from '../openapi/metering-schemas.ts';
import { responses } from '../openapi/schemas.ts';

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

/** Readings are stored with unsigned 32-bit epoch seconds: 1970 to early 2106. */
const lastStorableSecond = 2 ** 32 - 1;

const timeArg = (text: string, field: string): number => {
  const s = timestampSeconds(text, 0);
  if (Number.isNaN(s))
    throw validationError([
      { field: `query.${field}`, message: 'must be an ISO 8601 timestamp', value: text },
    ]);
  if (s < 0 || s > lastStorableSecond)
    throw validationError([
      { field: `query.${field}`, message: 'must lie between 1970 and 2106', value: text },
    ]);
  return s;
};

const tag = { tags: ['metering'], security: [{ bearer: [] }, { session: [] }] };

/**
 * Meters and readings: register and list meters, ingest readings (JSON or CSV), read rollups, gaps
 * and accounts. Every route is enterprise data, authorized in the service (metering-access.ts).
 */
export function meteringRoutes(metering: MeteringAccess) {
  return (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser(
      ['text/csv', 'text/plain'],
      // Bytes: the bulk path scans them without decoding them to text first (parse-readings-csv.ts).
      { parseAs: 'buffer', bodyLimit: readingsBodyLimit },
      (_req, body, done) => done(null, body),
    );

    app.post<{ Body: Record<string, unknown> }>(
      '/api/v1/meters',
      {
        schema: {
          ...tag,
          summary:
            "Register a meter of a factory (the factory's enterprise, or an administrator of its region)",
          body: meterBody,
          response: responses(r.meter, 201),
        },
      },
      async (req, reply) => {
        const meter = await metering.addMeter(req.principal, req.body);
        return reply.status(201).send(meter);
      },
    );
    app.get<{ Querystring: { factory?: string } }>(
      '/api/v1/meters',
      {
        schema: {
          ...tag,
          summary: 'The meters the caller reaches, optionally of one factory',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { factory: { type: 'string', pattern: idPattern } },
          },
          response: responses(r.items(r.meter)),
        },
      },
      async (req) => ({ items: await metering.listMeters(req.principal, req.query.factory) }),
    );
    app.get<{ Params: { id: string } }>(
      '/api/v1/meters/:id',
      { schema: { ...tag, summary: 'One meter', params: meterParams, response: responses(r.meter) } },
      (req) => metering.getMeter(req.principal, req.params.id),
    );

    // A batch stores its valid readings; the response names each rejected index with its reason
    // and field (STYLE.md habit 6: a partial batch is a result, not an error).
    app.post(
      '/api/v1/readings',
      {
        bodyLimit: readingsBodyLimit,
        schema: {
          ...tag,
          summary:
            "Ingest readings: a JSON array of {meter, ts, value, unit?} or a text/csv body (meter,ts,value[,unit]); readings for meters outside the caller's reach are rejected as unknown-meter",
          response: responses(r.ingestReport),
        },
      },
      async (req) => {
        const body: unknown = req.body;
        if (body instanceof Uint8Array) return metering.ingestCsv(req.principal, body);
        if (Array.isArray(body)) return metering.ingestItems(req.principal, body);
        throw validationError([
          {
            field: 'body',
            message: 'must be a JSON array of readings {meter, ts, value, unit?} or a text/csv body',
          },
        ]);
      },
    );

    app.get<{
      Params: { id: string };
      Querystring: { grain: 'hour' | 'day' | 'month'; from: string; to: string };
    }>(
      '/api/v1/meters/:id/rollups',
      {
        schema: {
          ...tag,
          summary: "One meter's use by hour, day or month (local to the site)",
          params: meterParams,
          response: responses(r.rollups),
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
        items: await metering.meterRollups(
          req.principal,
          req.params.id,
          req.query.grain,
          req.query.from,
          req.query.to,
        ),
      }),
    );
    // Readings, gaps and flags of one meter over a time range: one route shape, three queries.
    for (const path of ['readings', 'gaps', 'flags'] as const) {
      app.get<{ Params: { id: string }; Querystring: { from: string; to: string } }>(
        `/api/v1/meters/:id/${path}`,
        {
          schema: {
            ...tag,
            summary: `One meter's ${path} between two ISO 8601 times`,
            params: meterParams,
            querystring: rangeQuery,
            response: responses(r.series[path]),
          },
        },
        async (req) => ({
          meter: req.params.id,
          items: await metering.series(
            req.principal,
            path,
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
          ...tag,
          summary: "Every reachable meter's use on one local day",
          response: responses(r.daily),
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
      async (req) => ({
        day: req.query.day,
        items: await metering.dailyRollup(req.principal, req.query.day, req.query.factory),
      }),
    );
    app.get<{ Params: { factory: string; month: string }; Querystring: { region?: string } }>(
      '/api/v1/metering/factories/:factory/months/:month',
      {
        schema: {
          ...tag,
          summary: "A factory's metered use by medium in one month, with tce and CO2",
          response: responses(r.factoryMonth),
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
      (req) => metering.factoryMonth(req.principal, req.params.factory, req.params.month, req.query.region),
    );
    return Promise.resolve();
  };
}

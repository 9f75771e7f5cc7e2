import { validationError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';
import { pactFilterNames } from './product-footprint.ts';
import type { PactFilter, ProductFootprintV3 } from './product-footprint.ts';

/** The CloudEvents `type` values of PACT v3 ("Asynchronous events"). */
export const pactEventTypes = {
  requestCreated: 'org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3',
  requestFulfilled: 'org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3',
  requestRejected: 'org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3',
  published: 'org.wbcsd.pact.ProductFootprint.PublishedEvent.3',
} as const;

interface EventEnvelope {
  readonly id: string;
  readonly source: string;
  readonly time?: string;
}

/** A PACT v3 event after validation. */
export type PactEvent =
  | (EventEnvelope & {
      readonly kind: 'requestCreated';
      readonly filter: PactFilter;
      readonly comment?: string;
    })
  | (EventEnvelope & {
      readonly kind: 'requestFulfilled';
      readonly requestEventId: string;
      readonly pfs: readonly ProductFootprintV3[];
    })
  | (EventEnvelope & {
      readonly kind: 'requestRejected';
      readonly requestEventId: string;
      readonly error: { readonly code: string; readonly message: string };
    })
  | (EventEnvelope & { readonly kind: 'published'; readonly pfIds: readonly string[] });

/** A CloudEvents 1.0 structured-mode body (what goes on the wire). */
export interface CloudEventBody {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: string;
  readonly data: Readonly<Record<string, unknown>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in its canonical 8-4-4-4-12 hex form (PACT footprint ids). */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Validates a CloudEvents body against the PACT v3 event schemas: envelope fields, a known type,
 * and its data (a filter for a request, UUID `pfIds` for a published event, and so on).
 */
export function parsePactEvent(body: unknown): PactEvent {
  const issues: FieldIssue[] = [];
  if (!isRecord(body)) throw validationError([{ field: 'body', message: 'must be a JSON object' }], 'event');
  if (body.specversion !== '1.0')
    issues.push({ field: 'specversion', message: 'must be "1.0"', value: body.specversion });
  for (const f of ['id', 'source', 'type'] as const)
    if (typeof body[f] !== 'string' || body[f] === '')
      issues.push({ field: f, message: 'must be a non-empty string' });
  if (body.time !== undefined && typeof body.time !== 'string')
    issues.push({ field: 'time', message: 'must be a date-time string' });
  const data = body.data;
  if (!isRecord(data)) issues.push({ field: 'data', message: 'must be an object' });
  if (issues.length > 0 || !isRecord(data)) throw validationError(issues, 'event');
  const envelope: EventEnvelope = {
    id: body.id as string,
    source: body.source as string,
    ...(typeof body.time === 'string' ? { time: body.time } : {}),
  };
  switch (body.type) {
    case pactEventTypes.requestCreated: {
      const filter: Record<string, unknown> = {};
      for (const name of pactFilterNames) {
        const v = data[name];
        if (v === undefined) continue;
        const single = name === 'validOn' || name === 'validAfter' || name === 'validBefore';
        if (single ? typeof v !== 'string' : !isStringArray(v))
          issues.push({
            field: `data.${name}`,
            message: single ? 'must be a string' : 'must be an array of strings',
          });
        else filter[name] = v;
      }
      if (data.comment !== undefined && typeof data.comment !== 'string')
        issues.push({ field: 'data.comment', message: 'must be a string' });
      if (issues.length > 0) throw validationError(issues, 'event');
      return {
        ...envelope,
        kind: 'requestCreated',
        filter: filter,
        ...(typeof data.comment === 'string' ? { comment: data.comment } : {}),
      };
    }
    case pactEventTypes.published: {
      const pfIds = data.pfIds;
      if (!isStringArray(pfIds) || pfIds.length === 0)
        throw validationError(
          [{ field: 'data.pfIds', message: 'must be a non-empty array of UUIDs' }],
          'event',
        );
      const bad = pfIds.findIndex((id) => !isUuid(id));
      if (bad >= 0)
        throw validationError(
          [{ field: `data.pfIds[${bad}]`, message: 'must be a UUID', value: pfIds[bad] }],
          'event',
        );
      return { ...envelope, kind: 'published', pfIds };
    }
    case pactEventTypes.requestFulfilled: {
      if (typeof data.requestEventId !== 'string')
        issues.push({ field: 'data.requestEventId', message: 'must be a string' });
      if (!Array.isArray(data.pfs) || !data.pfs.every(isRecord))
        issues.push({ field: 'data.pfs', message: 'must be an array of ProductFootprints' });
      if (issues.length > 0) throw validationError(issues, 'event');
      return {
        ...envelope,
        kind: 'requestFulfilled',
        requestEventId: data.requestEventId as string,
        pfs: data.pfs as ProductFootprintV3[],
      };
    }
    case pactEventTypes.requestRejected: {
      const error = data.error;
      if (typeof data.requestEventId !== 'string')
        issues.push({ field: 'data.requestEventId', message: 'must be a string' });
      if (!isRecord(error) || typeof error.code !== 'string' || typeof error.message !== 'string')
        issues.push({ field: 'data.error', message: 'must have string code and message' });
      if (issues.length > 0) throw validationError(issues, 'event');
      const e = error as { code: string; message: string };
      return {
        ...envelope,
        kind: 'requestRejected',
        requestEventId: data.requestEventId as string,
        error: { code: e.code, message: e.message },
      };
    }
    default:
      throw validationError(
        [{ field: 'type', message: 'is not a PACT v3 event type', value: body.type }],
        'event',
      );
  }
}

/** Builds the RequestFulfilledEvent that answers a request with the footprints found. */
export function fulfilledEvent(
  id: string,
  source: string,
  time: string,
  requestEventId: string,
  pfs: readonly ProductFootprintV3[],
): CloudEventBody {
  return {
    specversion: '1.0',
    id,
    source,
    type: pactEventTypes.requestFulfilled,
    time,
    data: { requestEventId, pfs },
  };
}

/** Builds the RequestRejectedEvent that answers a request no footprint matches (or that failed). */
export function rejectedEvent(
  id: string,
  source: string,
  time: string,
  requestEventId: string,
  error: { readonly code: string; readonly message: string },
): CloudEventBody {
  return {
    specversion: '1.0',
    id,
    source,
    type: pactEventTypes.requestRejected,
    time,
    data: { requestEventId, error },
  };
}

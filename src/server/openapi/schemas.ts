/** JSON Schemas shared by the workflow routes; they validate requests and feed the OpenAPI document. */

export const idParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } },
} as const;

export const pageProperties = {
  page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
} as const;

export const pageQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { ...pageProperties },
} as const;

export const orderProperty = { type: 'string', enum: ['asc', 'desc'] } as const;

export const regionCode = { type: 'string', pattern: '^[0-9]{6}$' } as const;

export const factsObject = {
  type: 'object',
  maxProperties: 500,
  description: 'Indicator facts keyed by fact key: a number, a boolean, or {value, unit}',
  additionalProperties: {
    anyOf: [
      { type: 'number' },
      { type: 'boolean' },
      {
        type: 'object',
        required: ['value'],
        additionalProperties: false,
        properties: {
          value: { anyOf: [{ type: 'number' }, { type: 'boolean' }] },
          unit: { type: 'string', maxLength: 32 },
        },
      },
    ],
  },
} as const;

export const attributesObject = {
  type: 'object',
  maxProperties: 50,
  additionalProperties: {
    anyOf: [{ type: 'string', maxLength: 200 }, { type: 'number' }, { type: 'boolean' }],
  },
} as const;

export interface PageQuerystring {
  page: number;
  pageSize: number;
}

/** The error body every route may answer with. */
export const errorBody = {
  type: 'object',
  required: ['code', 'message', 'details'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    details: { type: 'object', additionalProperties: true },
  },
} as const;

/**
 * A route's response schemas: its success body under its status, and the error body for every 4xx
 * and 5xx. They document the API (/api/openapi.json); buildServer serializes with JSON.stringify,
 * so a schema never drops or coerces a field (tests check bodies against them, response-check.ts).
 */
export function responses(ok: object, status: 200 | 201 = 200) {
  return { [status]: ok, '4xx': errorBody, '5xx': errorBody };
}

/** A JSON object with these properties required (others allowed: the schema documents, it does not filter). */
export function objectOf(properties: Record<string, object>, optional: readonly string[] = []) {
  return {
    type: 'object',
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    properties,
  } as const;
}

/** `{ items: [...] }`, and the paging fields when the list is paged. */
export function itemsOf(item: object, paged = false) {
  const items = { type: 'array', items: item } as const;
  return paged
    ? objectOf({
        items,
        total: { type: 'integer' },
        page: { type: 'integer' },
        pageSize: { type: 'integer' },
      })
    : objectOf({ items });
}

export const str = { type: 'string' } as const;
export const num = { type: 'number' } as const;
export const int = { type: 'integer' } as const;
export const bool = { type: 'boolean' } as const;
export const nullable = (t: 'string' | 'number' | 'integer' | 'boolean' | 'object') =>
  ({ type: [t, 'null'] }) as const;
/** Any JSON value (documented elsewhere, e.g. a standard as data). */
export const anyValue = {} as const;
export const anyObject = { type: 'object', additionalProperties: true } as const;

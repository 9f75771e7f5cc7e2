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

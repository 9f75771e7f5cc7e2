import type { FastifyError, FastifyInstance } from 'fastify';
import { isGmError, type ErrorCode } from '../core/errors.ts';

/** HTTP status for each domain error code: chosen here, at the edge, never in core. */
const statusOf: Record<ErrorCode, number> = {
  GM_VALIDATION: 400,
  GM_NOT_FOUND: 404,
  GM_CONFLICT: 409,
  GM_UNIT_MISMATCH: 422,
  GM_COEFFICIENT_NOT_FOUND: 422,
  GM_STANDARD_NOT_FOUND: 404,
  GM_REGION_UNKNOWN: 422,
  GM_INDUSTRY_UNKNOWN: 422,
  GM_DATA_DIR_LOCKED: 409,
  GM_CONFIG: 500,
  GM_SINGULAR: 422,
  GM_UNAUTHENTICATED: 401,
  GM_FORBIDDEN: 403,
  GM_CSRF: 403,
  GM_RATE_LIMITED: 429,
  GM_INVALID_TRANSITION: 409,
  GM_DEADLINE_PASSED: 422,
  GM_QUOTA_EXCEEDED: 409,
  GM_NEGATIVE_LIST: 422,
  GM_TELEMETRY_UNAVAILABLE: 503,
  GM_INTERNAL: 500,
};

/** Field path of a schema validation error: "query.page", "body.items[3].value". */
function fieldOf(
  where: string | undefined,
  e: { instancePath: string; params: Record<string, unknown> },
): string {
  const path = e.instancePath
    .replace(/^\//, '')
    .replace(/\/(\d+)/g, '[$1]')
    .replace(/\//g, '.');
  const missing = typeof e.params.missingProperty === 'string' ? e.params.missingProperty : '';
  const extra = typeof e.params.additionalProperty === 'string' ? e.params.additionalProperty : '';
  return [where, path, missing || extra].filter(Boolean).join('.');
}

/** Every error leaves as {code, message, details} with the stable codes of docs/errors.md. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const issues = error.validation.map((v) => ({
        field: fieldOf(error.validationContext, v as never),
        message: v.message ?? 'is invalid',
      }));
      const first = issues[0];
      return reply.status(400).send({
        code: 'GM_VALIDATION',
        message: first ? `Invalid request: field "${first.field}" ${first.message}` : 'Invalid request',
        details: { issues },
      });
    }
    if (isGmError(error)) {
      return reply
        .status(statusOf[error.code])
        .send({ code: error.code, message: error.message, details: error.details });
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ code: 'GM_VALIDATION', message: error.message, details: { field: 'body' } });
    }
    request.log.error(error);
    return reply.status(500).send({ code: 'GM_INTERNAL', message: 'Internal error', details: {} });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      code: 'GM_NOT_FOUND',
      message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
      details: { field: 'url' },
    }),
  );
}

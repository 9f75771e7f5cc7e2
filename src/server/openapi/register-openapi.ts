import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * The OpenAPI 3 document, built from every route's schema, at /api/openapi.json, and interactive
 * docs at /docs. Register before the routes so that all of them are collected.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'greenmfg API',
        version: '0.1.0',
        description:
          'Green manufacturing programme: published lists (public), accounts, declarations from the cultivation pool to the national list, annual dynamic management, audit. Errors are {code, message, details} (docs/errors.md).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gm_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}

import Fastify, { type FastifyInstance } from 'fastify';
import type { CodeTables, OperatingYears, Registry } from '../core/ports.ts';
import { installErrorHandler } from './error-handler.ts';
import { operatingRoutes } from './plugins/operating-routes.ts';
import { registryRoutes } from './plugins/registry-routes.ts';

export interface ServerDeps {
  readonly registry: Registry;
  readonly codeTables: CodeTables;
  readonly operatingYears: OperatingYears;
  readonly databaseKind: string;
  readonly logger?: boolean;
}

/** Builds the HTTP application without listening; tests drive it with inject(). */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    // Reject unknown query parameters instead of silently dropping them (STYLE.md, habit 7).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: true } },
  });
  installErrorHandler(app);
  app.get('/api/health', () => ({ status: 'ok', database: deps.databaseKind }));
  await app.register(registryRoutes(deps));
  await app.register(operatingRoutes(deps));
  return app;
}

import type { FootprintNetworkRepository, PactFootprintRepository } from '../core/ports.ts';
import { enterpriseRoutes } from './plugins/enterprise-routes.ts';
import { parkMemberRoutes } from './plugins/park-member-routes.ts';
import { productFootprintRoutes } from './plugins/product-footprint-routes.ts';
import { greenSupplyChainRoutes } from './plugins/green-supply-chain-routes.ts';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Clock, CodeTables, OperatingYears, Registry } from '../core/ports.ts';
import { installErrorHandler } from './error-handler.ts';
import type { MeteringService } from '../services/metering/metering-service.ts';
import { evaluationRoutes } from './plugins/evaluation-routes.ts';
import { operatingRoutes } from './plugins/operating-routes.ts';
import { policyRoutes } from './plugins/policy-routes.ts';
import { registryRoutes } from './plugins/registry-routes.ts';
import { meteringRoutes } from './plugins/metering-routes.ts';
import { meteringAccess } from '../services/metering/metering-access.ts';
import { defaultWebDistDir, webStatic } from './plugins/web-static.ts';
import { registerOpenApi } from './openapi/register-openapi.ts';
import { registrySchemas } from './openapi/response-schemas.ts';
import { responses } from './openapi/schemas.ts';
import { accountRoutes } from './plugins/account-routes.ts';
import { auditRoutes } from './plugins/audit-routes.ts';
import {
  authRoutes,
  installAuth,
  type SecurityOptions,
  type WorkflowServerDeps,
} from './plugins/auth-routes.ts';
import { workflowRoutes } from './plugins/workflow-routes.ts';
import { tierRoutes } from './plugins/tier-routes.ts';

export interface ServerDeps {
  readonly registry: Registry;
  readonly codeTables: CodeTables;
  readonly operatingYears: OperatingYears;
  readonly databaseKind: string;
  /** Meters and readings (absent in tests that do not need them). */
  readonly metering?: MeteringService;
  readonly logger?: boolean;
  /** Accounts, declarations and audit (absent in tests that need only the public lists). */
  readonly programme?: WorkflowServerDeps;
  readonly security?: SecurityOptions;
  /** The clock policies are matched by (default: the system clock). */
  readonly clock?: Clock;
  /** The web console's production build (default web/dist). */
  readonly webDistDir?: string;
  /** The supply-network model, for green supply chain management (issue 5). */
  readonly footprintNetwork?: FootprintNetworkRepository;
  /** Published PACT footprints: the product page names its active footprint's id. */
  readonly pactFootprints?: PactFootprintRepository;
  /** Holds every response body to its route's response schema (tests: testing/response-check.ts). */
  readonly checkResponse?: (schema: object) => (body: unknown) => void;
}

/** Builds the HTTP application without listening; tests drive it with inject(). */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    // Reject unknown query parameters instead of silently dropping them (STYLE.md, habit 7).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: true } },
  });
  // Response schemas document the API (OpenAPI); bodies are written with JSON.stringify, so a schema
  // lagging behind its use case never drops a field or coerces a null, as fast-json-stringify would.
  app.setSerializerCompiler(({ schema }) => {
    const check = deps.checkResponse?.(schema);
    return (data) => {
      check?.(data);
      return JSON.stringify(data);
    };
  });
  installErrorHandler(app);
  await registerOpenApi(app);
  if (deps.programme) await installAuth(app, deps.programme, deps.security);
  app.get('/api/health', { schema: { response: responses(registrySchemas.health) } }, () => ({
    status: 'ok',
    database: deps.databaseKind,
  }));
  await app.register(registryRoutes(deps));
  await app.register(enterpriseRoutes(deps));
  await app.register(parkMemberRoutes(deps));
  if (deps.footprintNetwork)
    await app.register(
      productFootprintRoutes({
        registry: deps.registry,
        footprintNetwork: deps.footprintNetwork,
        ...(deps.pactFootprints ? { pactFootprints: deps.pactFootprints } : {}),
      }),
    );
  if (deps.footprintNetwork)
    await app.register(
      greenSupplyChainRoutes({ footprintNetwork: deps.footprintNetwork, registry: deps.registry }),
    );
  if (deps.programme) {
    await app.register(authRoutes(deps.programme, deps.security));
    await app.register(accountRoutes(deps.programme));
    await app.register(workflowRoutes(deps.programme));
    await app.register(tierRoutes({ ...deps.programme, registry: deps.registry }));
    await app.register(auditRoutes(deps.programme));
  }
  // Metering is enterprise data: its routes need accounts to authorize against.
  if (deps.metering && deps.programme)
    await app.register(meteringRoutes(meteringAccess({ metering: deps.metering, registry: deps.registry })));
  await app.register(operatingRoutes(deps));
  await app.register(evaluationRoutes(deps));
  await app.register(policyRoutes({ ...deps, clock: deps.clock ?? { now: () => new Date() } }));
  await app.register(webStatic({ distDir: deps.webDistDir ?? defaultWebDistDir }));
  return app;
}

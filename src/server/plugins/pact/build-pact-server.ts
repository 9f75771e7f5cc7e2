import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { isGmError } from '../../../core/errors.ts';
import { pactError, pactRoutes, type PactRouteDeps } from './pact-routes.ts';

/** The PACT host's dependencies, and TLS material when it should serve HTTPS. */
export interface PactServerDeps extends Omit<PactRouteDeps, 'pending'> {
  readonly https?: { readonly key: string; readonly cert: string };
  readonly logger?: boolean;
}

/** A built PACT host: the app (not listening) and a way to await event follow-ups. */
export interface PactServer {
  readonly app: FastifyInstance;
  /** Resolves when every accepted event's asynchronous follow-up has finished. */
  readonly settle: () => Promise<void>;
}

/**
 * Builds the PACT v3 host as its own Fastify app: its errors are PACT's `{code, message}` (not
 * the platform's), and it serves HTTPS only, so its port never speaks plain HTTP.
 */
export async function buildPactServer(deps: PactServerDeps): Promise<PactServer> {
  const app = (
    deps.https === undefined
      ? Fastify({ logger: deps.logger ?? false })
      : Fastify({ logger: deps.logger ?? false, https: { key: deps.https.key, cert: deps.https.cert } })
  ) as FastifyInstance;
  const pending = new Set<Promise<unknown>>();
  app.addContentTypeParser(['application/cloudevents+json'], { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (error) {
      (error as FastifyError).statusCode = 400;
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isGmError(error)) {
      if (error.code === 'GM_VALIDATION') return pactError(reply, 400, 'BadRequest', error.message);
      if (error.code === 'GM_NOT_FOUND') return pactError(reply, 404, 'NotFound', error.message);
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500)
      return pactError(reply, 400, 'BadRequest', error.message);
    request.log.error(error);
    return pactError(reply, 500, 'InternalError', 'Internal error');
  });
  app.setNotFoundHandler((request, reply) =>
    pactError(reply, 404, 'NotFound', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`),
  );
  await app.register(pactRoutes({ ...deps, pending }));
  app.addHook('onClose', async () => {
    await Promise.allSettled([...pending]);
  });
  return { app, settle: async () => void (await Promise.allSettled([...pending])) };
}

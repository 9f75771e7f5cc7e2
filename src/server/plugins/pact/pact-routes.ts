import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pactFilterNames } from '../../../core/pact/product-footprint.ts';
import type {
  Clock,
  IdSource,
  PactFootprintRepository,
  PactPartner,
  PactTransport,
} from '../../../core/ports.ts';
import { acceptPactEvent, getPactFootprint, listPactFootprints } from '../../../services/pact/pact-host.ts';
import type { PactTokens } from './pact-tokens.ts';

/** What the PACT routes need. */
export interface PactRouteDeps {
  readonly pactFootprints: PactFootprintRepository;
  readonly tokens: PactTokens;
  readonly transport: PactTransport;
  readonly partners: readonly PactPartner[];
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Follow-up work of accepted events is tracked here, so tests and shutdown can await it. */
  readonly pending: Set<Promise<unknown>>;
  readonly onFollowUp?: (outcome: { sent: string | null; error?: string }) => void;
}

/** PACT v3 error body: `{code, message}` with the specification's codes. */
export function pactError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.status(status).header('content-type', 'application/json').send({ code, message });
}

function bearerOf(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  const m = h === undefined ? null : /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1];
}

/** The origin a client used, for absolute links: always https, with the request's own Host. */
function originOf(request: FastifyRequest): string {
  return `https://${request.headers.host ?? request.hostname}`;
}

const asList = (v: unknown): string[] | undefined =>
  v === undefined ? undefined : (Array.isArray(v) ? v : [v]).map(String);

/** The PACT v3 host routes: token endpoint, OpenID discovery and JWKS, footprints, events. */
export function pactRoutes(deps: PactRouteDeps) {
  return (app: FastifyInstance): Promise<void> => {
    // RFC 6749 section 4.4 token request: client credentials in a Basic header (or the form body).
    app.post('/auth/token', (request, reply) => {
      const form = (request.body ?? {}) as Record<string, string>;
      let clientId = form['client_id'];
      let clientSecret = form['client_secret'];
      const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      if (basic) {
        const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon >= 0) {
          clientId = decodeURIComponent(decoded.slice(0, colon));
          clientSecret = decodeURIComponent(decoded.slice(colon + 1));
        }
      }
      if (form['grant_type'] !== 'client_credentials')
        return reply.status(400).send({
          error: 'unsupported_grant_type',
          error_description: 'grant_type must be client_credentials',
        });
      const issued =
        clientId === undefined || clientSecret === undefined
          ? undefined
          : deps.tokens.issue(clientId, clientSecret);
      if (issued === undefined)
        return reply
          .status(401)
          .header('www-authenticate', 'Basic realm="pact"')
          .send({ error: 'invalid_client', error_description: 'Invalid client credentials' });
      return reply.header('cache-control', 'no-store').send({
        access_token: issued.token,
        token_type: 'bearer',
        expires_in: issued.expiresIn,
        scope: 'footprint:list footprint:read events',
      });
    });

    app.get('/.well-known/openid-configuration', (request) => {
      const origin = originOf(request);
      return {
        issuer: origin,
        token_endpoint: `${origin}/auth/token`,
        jwks_uri: `${origin}/jwks`,
        grant_types_supported: ['client_credentials'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        response_types_supported: ['token'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['ES256'],
      };
    });
    app.get('/jwks', () => deps.tokens.jwks());

    const authenticate = (request: FastifyRequest, reply: FastifyReply): boolean => {
      const token = bearerOf(request);
      if (token === undefined || deps.tokens.verify(token) === undefined) {
        // 401 per the specification, with code BadRequest as the conformance suite checks it.
        void pactError(reply, 401, 'BadRequest', 'Missing, invalid or expired access token');
        return false;
      }
      return true;
    };

    app.get('/3/footprints', async (request, reply) => {
      if (!authenticate(request, reply)) return reply;
      const q = request.query as Record<string, unknown>;
      const limitText = q['limit'];
      const offsetText = q['offset'];
      const limit = limitText === undefined ? undefined : Number(limitText);
      const offset = offsetText === undefined ? 0 : Number(offsetText);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
        return pactError(reply, 400, 'BadRequest', 'limit must be a positive integer');
      if (!Number.isInteger(offset) || offset < 0)
        return pactError(reply, 400, 'BadRequest', 'offset must be a non-negative integer');
      const filter: Record<string, unknown> = {};
      for (const name of pactFilterNames) {
        const values = asList(q[name]);
        if (values === undefined) continue;
        filter[name] =
          name === 'validOn' || name === 'validAfter' || name === 'validBefore' ? values[0] : values;
      }
      const page = await listPactFootprints(deps, filter, {
        ...(limit === undefined ? {} : { limit }),
        offset,
      });
      if (page.nextOffset !== null && limit !== undefined) {
        const params = new URLSearchParams();
        for (const name of pactFilterNames) for (const v of asList(q[name]) ?? []) params.append(name, v);
        params.set('limit', String(limit));
        params.set('offset', String(page.nextOffset));
        void reply.header('link', `<${originOf(request)}/3/footprints?${params.toString()}>; rel="next"`);
      }
      return { data: page.data };
    });

    app.get<{ Params: { id: string } }>('/3/footprints/:id', async (request, reply) => {
      if (!authenticate(request, reply)) return reply;
      return { data: await getPactFootprint(deps, request.params.id) };
    });

    app.post('/3/events', (request, reply) => {
      if (!authenticate(request, reply)) return reply;
      const accepted = acceptPactEvent({ ...deps, selfUrl: originOf(request) }, request.body);
      // Acknowledge first, then answer the request asynchronously (PACT v3, "Asynchronous events").
      const work = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => accepted.followUp())
        .then((outcome) => {
          if (outcome.error !== undefined)
            request.log.warn({ event: accepted.event.id, error: outcome.error }, 'PACT event follow-up');
          deps.onFollowUp?.(outcome);
        })
        .finally(() => deps.pending.delete(work));
      deps.pending.add(work);
      return reply.status(200).send();
    });
    return Promise.resolve();
  };
}

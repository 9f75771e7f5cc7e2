import { authSchemas as a } from '../openapi/response-schemas.ts';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../../core/auth/api-token.ts';
import { publicPrincipal, type Principal } from '../../core/auth/principal.ts';
import { GmError } from '../../core/errors.ts';
import type { ApiTokens, PasswordHasher, Sessions, TierListings } from '../../core/ports.ts';
import { principalOf } from '../../services/auth/accounts.ts';
import {
  createApiToken,
  listApiTokens,
  login,
  logout,
  resolveApiToken,
  resolveSession,
  revokeApiToken,
} from '../../services/auth/sessions.ts';
import type { WorkflowPorts } from '../../services/workflow/declaration-context.ts';
import { idParams, itemsOf, responses } from '../openapi/schemas.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    authVia: 'cookie' | 'token' | null;
  }
}

/** Everything the workflow routes need: the workflow's ports plus sessions, tokens and the hasher. */
export interface WorkflowServerDeps extends WorkflowPorts {
  readonly sessions: Sessions;
  readonly apiTokens: ApiTokens;
  readonly hasher: PasswordHasher;
  /** Provincial and municipal listings (tier-routes.ts). */
  readonly tierListings: TierListings;
}

export interface SecurityOptions {
  /** Send cookies with the Secure flag (behind HTTPS); off for the embedded http:// mode. */
  readonly cookieSecure?: boolean;
  /** Sign-in attempts allowed per client address and window. */
  readonly loginRateLimit?: { readonly max: number; readonly timeWindowMs: number };
}

export const sessionCookie = 'gm_session';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Authentication for every route: an `Authorization: Bearer` API token, or the session cookie; no
 * credentials means the public role. Cookie-authenticated writes need the CSRF token in
 * `x-csrf-token` (a double-submit token tied to a secret cookie, @fastify/csrf-protection).
 */
export async function installAuth(
  app: FastifyInstance,
  deps: WorkflowServerDeps,
  options: SecurityOptions = {},
): Promise<void> {
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { httpOnly: true, sameSite: 'strict', path: '/', secure: options.cookieSecure ?? false },
    getToken: (req: FastifyRequest) => {
      const h = req.headers['x-csrf-token'];
      return typeof h === 'string' ? h : undefined;
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      new GmError('GM_RATE_LIMITED', `Too many attempts; retry in ${Math.ceil(context.ttl / 1000)} s`, {
        field: 'email',
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
  app.decorateRequest('principal', null as never);
  app.decorateRequest('authVia', null);
  app.addHook('onRequest', async (req) => {
    req.principal = publicPrincipal;
    req.authVia = null;
    const header = req.headers.authorization;
    if (header !== undefined) {
      const token = bearerToken(header);
      const account = token ? await resolveApiToken(deps, token) : null;
      if (!account)
        throw new GmError('GM_UNAUTHENTICATED', 'The API token is not valid', { field: 'authorization' });
      req.principal = principalOf(account);
      req.authVia = 'token';
      return;
    }
    const session = req.cookies[sessionCookie];
    if (session) {
      const account = await resolveSession(deps, session);
      if (account) {
        req.principal = principalOf(account);
        req.authVia = 'cookie';
      }
    }
  });
  app.addHook('preHandler', async (req, reply) => {
    if (req.authVia !== 'cookie' || !unsafe.has(req.method)) return;
    // The plugin answers a bad token with reply.send(error); catch that and report it as GM_CSRF.
    await new Promise<void>((resolve, reject) => {
      const refused = () =>
        reject(
          new GmError('GM_CSRF', 'A valid CSRF token is required in the x-csrf-token header', {
            field: 'x-csrf-token',
          }),
        );
      const guard = Object.create(reply) as FastifyReply;
      guard.send = () => {
        refused();
        return guard;
      };
      app.csrfProtection(req, guard, (err?: Error) => (err ? refused() : resolve()));
    });
  });
}

const loginBody = {
  type: 'object',
  required: ['email', 'password'],
  additionalProperties: false,
  properties: {
    email: { type: 'string', minLength: 3, maxLength: 320 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
} as const;

const tag = { tags: ['auth'] };

/** Sign-in, sign-out, the current account, CSRF tokens and API tokens. */
export function authRoutes(deps: WorkflowServerDeps, options: SecurityOptions = {}) {
  const limit = options.loginRateLimit ?? { max: 10, timeWindowMs: 60_000 };
  return (app: FastifyInstance): Promise<void> => {
    const setSession = (reply: FastifyReply, token: string, expiresAt: string) =>
      reply.setCookie(sessionCookie, token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: options.cookieSecure ?? false,
        expires: new Date(expiresAt),
      });

    app.post<{ Body: { email: string; password: string } }>(
      '/api/v1/auth/login',
      {
        schema: {
          ...tag,
          summary: 'Sign in; sets the httpOnly, SameSite=Strict session cookie and returns a CSRF token',
          body: loginBody,
          response: responses(a.login),
        },
        config: { rateLimit: { max: limit.max, timeWindow: limit.timeWindowMs } },
      },
      async (req, reply) => {
        const { token, expiresAt, account } = await login(deps, req.body);
        setSession(reply, token, expiresAt);
        return { account, expiresAt, csrfToken: reply.generateCsrf() };
      },
    );
    app.post(
      '/api/v1/auth/logout',
      {
        schema: {
          response: responses(a.ok),
          ...tag,
          summary: 'Sign out: ends the session and clears its cookie',
        },
      },
      async (req, reply) => {
        await logout(
          deps,
          req.principal,
          req.authVia === 'cookie' ? (req.cookies[sessionCookie] ?? null) : null,
        );
        reply.clearCookie(sessionCookie, { path: '/' });
        return { ok: true };
      },
    );
    app.get(
      '/api/v1/auth/me',
      {
        schema: {
          response: responses(a.me),
          ...tag,
          summary: 'Who is signed in (the public role when nobody is)',
        },
      },
      (req) =>
        req.principal.kind === 'public'
          ? { principal: req.principal, account: null }
          : deps.accounts
              .get(req.principal.accountId)
              .then((account) => ({ principal: req.principal, account })),
    );
    app.get(
      '/api/v1/auth/csrf',
      {
        schema: {
          response: responses(a.csrf),
          ...tag,
          summary: 'A fresh CSRF token for cookie-authenticated writes (header x-csrf-token)',
        },
      },
      (_req, reply) => ({ csrfToken: reply.generateCsrf() }),
    );
    app.get(
      '/api/v1/auth/tokens',
      {
        schema: {
          response: responses(itemsOf(a.token)),
          ...tag,
          summary: "The signed-in account's API tokens (never their secrets)",
        },
      },
      (req) => listApiTokens(deps, req.principal).then((items) => ({ items })),
    );
    app.post<{ Body: { name: string } }>(
      '/api/v1/auth/tokens',
      {
        schema: {
          response: responses(a.issuedToken, 201),
          ...tag,
          summary: 'Issue an API token for machines (meters, PACT clients); the secret is shown once',
          body: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: { name: { type: 'string', minLength: 1, maxLength: 100 } },
          },
        },
      },
      async (req, reply) => {
        const created = await createApiToken(deps, req.principal, req.body.name);
        return reply.status(201).send(created);
      },
    );
    app.delete<{ Params: { id: string } }>(
      '/api/v1/auth/tokens/:id',
      {
        schema: {
          response: responses(a.ok),
          ...tag,
          summary: 'Revoke one of your API tokens',
          params: idParams,
        },
      },
      async (req) => {
        await revokeApiToken(deps, req.principal, req.params.id);
        return { ok: true };
      },
    );
    return Promise.resolve();
  };
}

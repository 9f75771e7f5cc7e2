import { authSchemas as a } from '../openapi/response-schemas.ts';
import { itemsOf, responses } from '../openapi/schemas.ts';
import type { FastifyInstance } from 'fastify';
import type { AdminLevel, RoleName } from '../../core/auth/principal.ts';
import {
  createAccount,
  createAgency,
  getAccount,
  listAccounts,
  setAccountDisabled,
} from '../../services/auth/accounts.ts';
import { idParams, orderProperty, pageProperties, regionCode } from '../openapi/schemas.ts';
import type { WorkflowServerDeps } from './auth-routes.ts';

const tag = { tags: ['accounts'] };

interface NewAccountBody {
  email: string;
  password: string;
  displayName?: string;
  role: RoleName;
  level?: AdminLevel;
  region?: string;
  enterpriseId?: string;
  parkId?: string;
  agencyId?: string;
}

/** Accounts (administrators create them within their region) and the register of evaluation agencies. */
export function accountRoutes(deps: WorkflowServerDeps) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{
      Querystring: {
        q?: string;
        role?: RoleName;
        sort?: 'email' | 'createdAt' | 'role';
        order?: 'asc' | 'desc';
        page: number;
        pageSize: number;
      };
    }>(
      '/api/v1/accounts',
      {
        schema: {
          response: responses(itemsOf(a.account, true)),
          ...tag,
          summary: "Accounts in the administrator's region",
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              q: { type: 'string', maxLength: 200 },
              role: { type: 'string', enum: ['admin', 'agency', 'enterprise', 'park_operator'] },
              sort: { type: 'string', enum: ['email', 'createdAt', 'role'] },
              order: orderProperty,
              ...pageProperties,
            },
          },
        },
      },
      (req) => listAccounts(deps, req.principal, req.query),
    );
    app.post<{ Body: NewAccountBody }>(
      '/api/v1/accounts',
      {
        schema: {
          response: responses(a.account, 201),
          ...tag,
          summary: 'Create an account (administrators, within their region)',
          body: {
            type: 'object',
            required: ['email', 'password', 'role'],
            additionalProperties: false,
            properties: {
              email: { type: 'string', minLength: 3, maxLength: 320 },
              password: { type: 'string', minLength: 1, maxLength: 1024 },
              displayName: { type: 'string', maxLength: 200 },
              role: { type: 'string', enum: ['admin', 'agency', 'enterprise', 'park_operator'] },
              level: { type: 'string', enum: ['national', 'province', 'city'] },
              region: regionCode,
              enterpriseId: { type: 'string', minLength: 1, maxLength: 64 },
              parkId: { type: 'string', minLength: 1, maxLength: 64 },
              agencyId: { type: 'string', minLength: 1, maxLength: 64 },
            },
          },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const account = await createAccount(deps, req.principal, {
          email: b.email,
          password: b.password,
          role: b.role,
          ...(b.displayName !== undefined ? { displayName: b.displayName } : {}),
          ...(b.level !== undefined ? { level: b.level } : {}),
          ...(b.region !== undefined ? { regionCode: b.region } : {}),
          ...(b.enterpriseId !== undefined ? { enterpriseId: b.enterpriseId } : {}),
          ...(b.parkId !== undefined ? { parkId: b.parkId } : {}),
          ...(b.agencyId !== undefined ? { agencyId: b.agencyId } : {}),
        });
        return reply.status(201).send(account);
      },
    );
    app.get<{ Params: { id: string } }>(
      '/api/v1/accounts/:id',
      {
        schema: {
          response: responses(a.account),
          ...tag,
          summary: "One account: your own, or one in your region's",
          params: idParams,
        },
      },
      (req) => getAccount(deps, req.principal, req.params.id),
    );
    app.patch<{ Params: { id: string }; Body: { disabled: boolean } }>(
      '/api/v1/accounts/:id',
      {
        schema: {
          response: responses(a.account),
          ...tag,
          summary: 'Disable or re-enable an account',
          params: idParams,
          body: {
            type: 'object',
            required: ['disabled'],
            additionalProperties: false,
            properties: { disabled: { type: 'boolean' } },
          },
        },
      },
      (req) => setAccountDisabled(deps, req.principal, req.params.id, req.body.disabled),
    );
    app.get<{ Querystring: { q?: string; order?: 'asc' | 'desc'; page: number; pageSize: number } }>(
      '/api/v1/agencies',
      {
        schema: {
          response: responses(itemsOf(a.agency, true)),
          tags: ['agencies'],
          summary: 'The register of third-party evaluation agencies (public: MIIT publishes it)',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { q: { type: 'string', maxLength: 200 }, order: orderProperty, ...pageProperties },
          },
        },
      },
      (req) => deps.accounts.listAgencies(req.query),
    );
    app.post<{ Body: { name: string; legalRepresentative: string } }>(
      '/api/v1/agencies',
      {
        schema: {
          response: responses(a.agency, 201),
          tags: ['agencies'],
          summary: 'Register an agency (national administrators)',
          body: {
            type: 'object',
            required: ['name', 'legalRepresentative'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 200 },
              legalRepresentative: { type: 'string', minLength: 1, maxLength: 200 },
            },
          },
        },
      },
      async (req, reply) => reply.status(201).send(await createAgency(deps, req.principal, req.body)),
    );
    return Promise.resolve();
  };
}

import { workflowSchemas as w } from '../openapi/response-schemas.ts';
import { itemsOf, responses } from '../openapi/schemas.ts';
import type { FastifyInstance } from 'fastify';
import { listAudit, verifyAuditAs } from '../../services/workflow/audit.ts';
import { orderProperty, pageProperties } from '../openapi/schemas.ts';
import type { WorkflowServerDeps } from './auth-routes.ts';

/** The hash-chained audit log and its verification (national administrators). */
export function auditRoutes(deps: WorkflowServerDeps) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{
      Querystring: {
        actorId?: string;
        targetId?: string;
        action?: string;
        order?: 'asc' | 'desc';
        page: number;
        pageSize: number;
      };
    }>(
      '/api/v1/audit',
      {
        schema: {
          response: responses(itemsOf(w.auditEntry, true)),
          tags: ['audit'],
          summary: 'Audit entries, newest first: who, what, when, hashes before and after, chain links',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              actorId: { type: 'string', maxLength: 64 },
              targetId: { type: 'string', maxLength: 64 },
              action: { type: 'string', maxLength: 64 },
              order: orderProperty,
              ...pageProperties,
            },
          },
        },
      },
      (req) => listAudit(deps, req.principal, req.query),
    );
    app.get(
      '/api/v1/audit/verify',
      {
        schema: {
          response: responses(w.auditVerify),
          tags: ['audit'],
          summary: 'Verify every link and hash of the audit chain and its head',
        },
      },
      (req) => verifyAuditAs(deps, req.principal),
    );
    return Promise.resolve();
  };
}

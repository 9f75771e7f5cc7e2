import { workflowSchemas as w } from '../openapi/response-schemas.ts';
import type { FastifyInstance } from 'fastify';
import {
  declarableKinds,
  declarationStates,
  type DeclarableKind,
  type DeclarationState,
} from '../../core/workflow/declaration.ts';
import {
  declarableChanges,
  negativeListReasons,
  programmeRules,
  removalTriggers,
  type DeclarableChange,
  type NegativeListReason,
  type RemovalTrigger,
} from '../../core/workflow/programme-rules.ts';
import { transitions } from '../../core/workflow/transitions.ts';
import {
  applyTransition,
  createDeclaration,
  getDeclaration,
  listDeclarations,
  type TransitionInput,
} from '../../services/workflow/declarations.ts';
import {
  addNegativeListEntry,
  listEvents,
  listNegativeList,
  recordCheck,
  reportChange,
  submitAnnualReport,
} from '../../services/workflow/dynamic-management.ts';
import {
  addEvidence,
  agencyEvaluate,
  assignAgency,
  listEvidence,
  selfEvaluate,
  type EvaluationInput,
} from '../../services/workflow/evaluations.ts';
import { listObjections, lodgeObjection, resolveObjection } from '../../services/workflow/notice.ts';
import {
  attributesObject,
  factsObject,
  idParams,
  itemsOf,
  orderProperty,
  pageProperties,
  pageQuery,
  regionCode,
  responses,
  type PageQuerystring,
} from '../openapi/schemas.ts';
import type { WorkflowServerDeps } from './auth-routes.ts';

const tag = { tags: ['declarations'] };
const dynamicTag = { tags: ['dynamic management'] };

const evaluationBody = {
  type: 'object',
  required: ['facts'],
  additionalProperties: false,
  properties: {
    standard: {
      type: 'string',
      minLength: 3,
      maxLength: 100,
      description: 'indicator system id@version, e.g. GB/T 36132@2025',
    },
    attributes: attributesObject,
    facts: factsObject,
    conclusion: { type: 'string', enum: ['pass', 'fail'] },
    note: { type: 'string', maxLength: 4000 },
  },
} as const;

interface EvaluationBody {
  standard?: string;
  attributes?: Record<string, string | number | boolean>;
  facts: Record<string, unknown>;
  conclusion?: 'pass' | 'fail';
  note?: string;
}

const toEvaluation = (b: EvaluationBody): EvaluationInput => ({
  facts: b.facts,
  ...(b.standard !== undefined ? { standard: b.standard } : {}),
  ...(b.attributes !== undefined ? { attributes: b.attributes } : {}),
  ...(b.conclusion !== undefined ? { conclusion: b.conclusion } : {}),
  ...(b.note !== undefined ? { note: b.note } : {}),
});

const reviewActions = Object.keys(transitions).filter(
  (a) => a !== 'self_evaluate' && a !== 'assign_agency' && a !== 'agency_evaluate',
);

/** Declarations from the cultivation pool to the national list, the public notice, and annual dynamic management. */
export function workflowRoutes(deps: WorkflowServerDeps) {
  return (app: FastifyInstance): Promise<void> => {
    app.get(
      '/api/v1/workflow/rules',
      {
        schema: {
          response: responses(w.rules),
          tags: ['workflow'],
          summary: 'The programme dates, limits and catalogues the workflow applies, with sources',
        },
      },
      () => ({ rules: programmeRules, transitions, negativeListReasons, removalTriggers, declarableChanges }),
    );

    app.get<{
      Querystring: {
        q?: string;
        state?: DeclarationState;
        roundYear?: number;
        unitKind?: DeclarableKind;
        sort?: 'unitName' | 'createdAt' | 'updatedAt' | 'state' | 'roundYear';
        order?: 'asc' | 'desc';
        page: number;
        pageSize: number;
      };
    }>(
      '/api/v1/declarations',
      {
        schema: {
          response: responses(itemsOf(w.declaration, true)),
          ...tag,
          summary:
            'Declarations you may see: your own, your region, your assignments; everyone sees notices and listings',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              q: { type: 'string', maxLength: 200 },
              state: { type: 'string', enum: [...declarationStates] },
              roundYear: { type: 'integer', minimum: 2016, maximum: 2100 },
              unitKind: { type: 'string', enum: [...declarableKinds] },
              sort: { type: 'string', enum: ['unitName', 'createdAt', 'updatedAt', 'state', 'roundYear'] },
              order: orderProperty,
              ...pageProperties,
            },
          },
        },
      },
      (req) => listDeclarations(deps, req.principal, req.query),
    );
    app.post<{
      Body: {
        unitKind: DeclarableKind;
        unitName: string;
        unitId?: string;
        region?: string;
        roundYear: number;
        enterpriseId?: string;
        parkId?: string;
      };
    }>(
      '/api/v1/declarations',
      {
        schema: {
          response: responses(w.declaration, 201),
          ...tag,
          summary: 'Apply for the cultivation pool (unit), or put a unit into it (province)',
          body: {
            type: 'object',
            required: ['unitKind', 'unitName', 'roundYear'],
            additionalProperties: false,
            properties: {
              unitKind: { type: 'string', enum: [...declarableKinds] },
              unitName: { type: 'string', minLength: 1, maxLength: 200 },
              unitId: { type: 'string', minLength: 1, maxLength: 64 },
              region: regionCode,
              roundYear: { type: 'integer', minimum: 2016, maximum: 2100 },
              enterpriseId: { type: 'string', minLength: 1, maxLength: 64 },
              parkId: { type: 'string', minLength: 1, maxLength: 64 },
            },
          },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const created = await createDeclaration(deps, req.principal, {
          unitKind: b.unitKind,
          unitName: b.unitName,
          roundYear: b.roundYear,
          ...(b.unitId !== undefined ? { unitId: b.unitId } : {}),
          ...(b.region !== undefined ? { regionCode: b.region } : {}),
          ...(b.enterpriseId !== undefined ? { enterpriseId: b.enterpriseId } : {}),
          ...(b.parkId !== undefined ? { parkId: b.parkId } : {}),
        });
        return reply.status(201).send(created);
      },
    );
    app.get<{ Params: { id: string } }>(
      '/api/v1/declarations/:id',
      {
        schema: {
          response: responses(w.declaration),
          ...tag,
          summary: 'One declaration as you may see it, with the actions you could take',
          params: idParams,
        },
      },
      (req) => getDeclaration(deps, req.principal, req.params.id),
    );
    app.post<{
      Params: { id: string };
      Body: { action: TransitionInput['action']; reason?: string; trigger?: RemovalTrigger };
    }>(
      '/api/v1/declarations/:id/transitions',
      {
        schema: {
          response: responses(w.declaration),
          ...tag,
          summary:
            'A review action: admit_pool, recommend_municipal, recommend_provincial, approve_national, list, reject, withdraw, remove',
          params: idParams,
          body: {
            type: 'object',
            required: ['action'],
            additionalProperties: false,
            properties: {
              action: { type: 'string', enum: reviewActions },
              reason: { type: 'string', minLength: 1, maxLength: 4000 },
              trigger: { type: 'string', enum: Object.keys(removalTriggers) },
            },
          },
        },
      },
      (req) =>
        applyTransition(deps, req.principal, req.params.id, {
          action: req.body.action,
          ...(req.body.reason !== undefined ? { reason: req.body.reason } : {}),
          ...(req.body.trigger !== undefined ? { trigger: req.body.trigger } : {}),
        }),
    );
    app.post<{ Params: { id: string }; Body: EvaluationBody }>(
      '/api/v1/declarations/:id/self-evaluation',
      {
        schema: {
          response: responses(w.declaration),
          ...tag,
          summary:
            'Submit the self-evaluation: facts, and with a standard the evaluation engine result (facts hash kept)',
          params: idParams,
          body: evaluationBody,
        },
      },
      (req) => selfEvaluate(deps, req.principal, req.params.id, toEvaluation(req.body)),
    );
    app.post<{ Params: { id: string }; Body: { agencyId: string } }>(
      '/api/v1/declarations/:id/agency',
      {
        schema: {
          response: responses(w.declaration),
          ...tag,
          summary: 'Engage a registered third-party agency',
          params: idParams,
          body: {
            type: 'object',
            required: ['agencyId'],
            additionalProperties: false,
            properties: { agencyId: { type: 'string', minLength: 1, maxLength: 64 } },
          },
        },
      },
      (req) => assignAgency(deps, req.principal, req.params.id, req.body.agencyId),
    );
    app.post<{ Params: { id: string }; Body: EvaluationBody }>(
      '/api/v1/declarations/:id/agency-evaluation',
      {
        schema: {
          response: responses(w.declaration),
          ...tag,
          summary:
            'The assigned agency signs its evaluation (at most 15 national evaluations a year per legal representative)',
          params: idParams,
          body: { ...evaluationBody, required: ['facts', 'conclusion'] },
        },
      },
      (req) => agencyEvaluate(deps, req.principal, req.params.id, toEvaluation(req.body)),
    );
    app.get<{ Params: { id: string }; Querystring: PageQuerystring }>(
      '/api/v1/declarations/:id/evidence',
      {
        schema: {
          response: responses(itemsOf(w.evidence, true)),
          ...tag,
          summary: 'Evidence files (name, size, sha256)',
          params: idParams,
          querystring: pageQuery,
        },
      },
      (req) => listEvidence(deps, req.principal, req.params.id, req.query.page, req.query.pageSize),
    );
    app.post<{ Params: { id: string }; Body: { name: string; mediaType: string; contentBase64: string } }>(
      '/api/v1/declarations/:id/evidence',
      {
        bodyLimit: 6 * 1024 * 1024,
        schema: {
          response: responses(w.evidence, 201),
          ...tag,
          summary: 'Attach an evidence file (base64, at most 4 MiB); its sha256 is stored with it',
          params: idParams,
          body: {
            type: 'object',
            required: ['name', 'mediaType', 'contentBase64'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 200 },
              mediaType: { type: 'string', pattern: '^[a-z]+/[A-Za-z0-9.+-]+$', maxLength: 100 },
              contentBase64: { type: 'string', maxLength: 6 * 1024 * 1024 },
            },
          },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await addEvidence(deps, req.principal, req.params.id, req.body)),
    );
    app.get<{ Params: { id: string }; Querystring: PageQuerystring }>(
      '/api/v1/declarations/:id/events',
      {
        schema: {
          response: responses(itemsOf(w.event, true)),
          ...tag,
          summary: "The declaration's history",
          params: idParams,
          querystring: pageQuery,
        },
      },
      (req) => listEvents(deps, req.principal, req.params.id, req.query.page, req.query.pageSize),
    );
    app.get<{ Params: { id: string }; Querystring: PageQuerystring }>(
      '/api/v1/declarations/:id/objections',
      {
        schema: {
          response: responses(itemsOf(w.objection, true)),
          tags: ['public notice'],
          summary: 'Objections lodged during the public notice',
          params: idParams,
          querystring: pageQuery,
        },
      },
      (req) => listObjections(deps, req.principal, req.params.id, req.query.page, req.query.pageSize),
    );
    app.post<{ Params: { id: string }; Body: { text: string } }>(
      '/api/v1/declarations/:id/objections',
      {
        schema: {
          response: responses(w.objection, 201),
          tags: ['public notice'],
          summary: 'Lodge an objection during the 15-day public notice',
          params: idParams,
          body: {
            type: 'object',
            required: ['text'],
            additionalProperties: false,
            properties: { text: { type: 'string', minLength: 1, maxLength: 4000 } },
          },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await lodgeObjection(deps, req.principal, req.params.id, req.body.text)),
    );
    app.post<{
      Params: { id: string; objectionId: string };
      Body: { outcome: 'upheld' | 'dismissed'; note: string };
    }>(
      '/api/v1/declarations/:id/objections/:objectionId/resolution',
      {
        schema: {
          response: responses(w.objection),
          tags: ['public notice'],
          summary: 'Resolve an objection (national administrators); upheld rejects the declaration',
          params: {
            type: 'object',
            required: ['id', 'objectionId'],
            additionalProperties: false,
            properties: { id: idParams.properties.id, objectionId: idParams.properties.id },
          },
          body: {
            type: 'object',
            required: ['outcome', 'note'],
            additionalProperties: false,
            properties: {
              outcome: { type: 'string', enum: ['upheld', 'dismissed'] },
              note: { type: 'string', minLength: 1, maxLength: 4000 },
            },
          },
        },
      },
      (req) => resolveObjection(deps, req.principal, req.params.id, req.params.objectionId, req.body),
    );
    app.post<{ Params: { id: string }; Body: { period: string; facts: Record<string, unknown> } }>(
      '/api/v1/declarations/:id/annual-reports',
      {
        schema: {
          response: responses(w.declaration),
          ...dynamicTag,
          summary:
            'File self-declared data: YYYY (due 15 Jan), YYYY-H1 (due 15 Jul), YYYY-dynamic (due 15 Apr)',
          params: idParams,
          body: {
            type: 'object',
            required: ['period', 'facts'],
            additionalProperties: false,
            properties: {
              period: { type: 'string', pattern: '^[0-9]{4}(-H1|-dynamic)?$' },
              facts: factsObject,
            },
          },
        },
      },
      (req) => submitAnnualReport(deps, req.principal, req.params.id, req.body),
    );
    app.post<{ Params: { id: string }; Body: { change: DeclarableChange; description: string } }>(
      '/api/v1/declarations/:id/changes',
      {
        schema: {
          response: responses(w.declaration),
          ...dynamicTag,
          summary: 'Declare a change of name, scope, address or boundary (it is re-checked)',
          params: idParams,
          body: {
            type: 'object',
            required: ['change', 'description'],
            additionalProperties: false,
            properties: {
              change: { type: 'string', enum: [...declarableChanges] },
              description: { type: 'string', minLength: 1, maxLength: 4000 },
            },
          },
        },
      },
      (req) => reportChange(deps, req.principal, req.params.id, req.body),
    );
    app.post<{
      Params: { id: string };
      Body: { kind: 'spot_check' | 'recheck'; outcome: 'pass' | 'fail'; note: string };
    }>(
      '/api/v1/declarations/:id/checks',
      {
        schema: {
          response: responses(w.declaration),
          ...dynamicTag,
          summary: 'Record a spot check or re-check of a listed unit (province or national administrators)',
          params: idParams,
          body: {
            type: 'object',
            required: ['kind', 'outcome', 'note'],
            additionalProperties: false,
            properties: {
              kind: { type: 'string', enum: ['spot_check', 'recheck'] },
              outcome: { type: 'string', enum: ['pass', 'fail'] },
              note: { type: 'string', maxLength: 4000 },
            },
          },
        },
      },
      (req) => recordCheck(deps, req.principal, req.params.id, req.body),
    );
    app.get<{
      Querystring: { enterpriseId?: string; order?: 'asc' | 'desc'; page: number; pageSize: number };
    }>(
      '/api/v1/negative-list',
      {
        schema: {
          response: responses(itemsOf(w.negativeListEntry, true)),
          ...dynamicTag,
          summary: 'Art. 15 negative-list entries',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              enterpriseId: { type: 'string', minLength: 1, maxLength: 64 },
              order: orderProperty,
              ...pageProperties,
            },
          },
        },
      },
      (req) => listNegativeList(deps, req.principal, req.query),
    );
    app.post<{ Body: { enterpriseId: string; reason: NegativeListReason; since: string; note?: string } }>(
      '/api/v1/negative-list',
      {
        schema: {
          response: responses(w.negativeListEntry, 201),
          ...dynamicTag,
          summary: 'Enter an art. 15 situation for an enterprise (province or national administrators)',
          body: {
            type: 'object',
            required: ['enterpriseId', 'reason', 'since'],
            additionalProperties: false,
            properties: {
              enterpriseId: { type: 'string', minLength: 1, maxLength: 64 },
              reason: { type: 'string', enum: Object.keys(negativeListReasons) },
              since: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
              note: { type: 'string', maxLength: 4000 },
            },
          },
        },
      },
      async (req, reply) => reply.status(201).send(await addNegativeListEntry(deps, req.principal, req.body)),
    );
    return Promise.resolve();
  };
}

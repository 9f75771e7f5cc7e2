import { GmError, isGmError, type FieldIssue } from '../../core/errors.ts';
import { evaluate, type Facts } from '../../core/evaluation/evaluate.ts';
import { plan } from '../../core/evaluation/plan.ts';
import type { FactsEvaluator } from '../../core/ports.ts';
import type { StandardRegistry } from '../../core/standards/standard-registry.ts';

const subjectKinds = { factory: 'factory', park: 'park', supply_chain: 'supply-chain' } as const;

/** Prefixes the fields of a validation error so that the API names them inside the request body. */
function withPrefix(e: GmError, prefix: string): GmError {
  const issues = (e.details.issues as FieldIssue[] | undefined) ?? [];
  const renamed = issues.map((i) => ({ ...i, field: `${prefix}.${i.field}` }));
  return new GmError('GM_VALIDATION', e.message, { ...e.details, issues: renamed });
}

/** The evaluation engine (plan -> evaluate over a standard version) behind the workflow's evaluator port. */
export function createEngineEvaluator(standards: StandardRegistry): FactsEvaluator {
  return {
    evaluate(request) {
      let system;
      try {
        system = standards.indicatorSystem(request.standard);
      } catch (e) {
        if (isGmError(e) && e.code === 'GM_STANDARD_NOT_FOUND')
          throw new GmError('GM_VALIDATION', `No indicator system "${request.standard}" is loaded`, {
            issues: [
              { field: 'standard', message: 'names no loaded indicator system', value: request.standard },
            ],
          });
        throw e;
      }
      try {
        const p = plan(system, { kind: subjectKinds[request.unitKind], attributes: request.attributes });
        const result = evaluate(p, request.facts as Facts);
        return {
          standard: result.standard,
          factsHash: result.factsHash,
          total: result.total,
          pass: result.pass.status,
          rating: result.rating,
        };
      } catch (e) {
        if (isGmError(e) && e.code === 'GM_VALIDATION') {
          const issues = (e.details.issues as FieldIssue[] | undefined) ?? [];
          const prefix = issues.some((i) => i.field.startsWith('subject.')) ? 'body' : 'facts';
          throw withPrefix(e, prefix);
        }
        throw e;
      }
    },
  };
}

/**
 * GET /api/v1/factories/{id}/evaluation as the console reads it. The result, least change and
 * grades are core types; the envelope mirrors FactoryEvaluation in
 * src/services/evaluation/factory-evaluation.ts (web may not import services).
 */
import type { BenchmarkLevelResult } from '../../../../src/core/benchmark/benchmark-level.ts';
import type { QuotaGradeResult } from '../../../../src/core/benchmark/quota-grade.ts';
import type { EvaluationResult } from '../../../../src/core/evaluation/evaluation-result.ts';
import type { LeastChange } from '../../../../src/core/evaluation/least-change.ts';
import { ApiError } from '../../api/client.ts';

export type { EvaluationResult, LeastChange };

export interface FactoryEvaluation {
  readonly factoryId: string;
  readonly name: string;
  readonly year: number;
  readonly simulated: boolean;
  readonly label: string;
  readonly profile: string;
  readonly result: EvaluationResult;
  readonly leastChange: LeastChange;
  readonly quota: {
    readonly rowKey: string;
    readonly product: string;
    readonly scope: 'plant' | 'process';
    readonly process: string | null;
    readonly value: number;
    readonly unit: string;
    readonly grade: QuotaGradeResult;
    readonly benchmark: BenchmarkLevelResult | null;
  } | null;
  readonly peer: {
    readonly group: string;
    readonly metric: string;
    readonly value: number;
    readonly percentile: number | null;
    readonly peers: number;
  } | null;
}

/** True when the server has no such route at all (an older server), as opposed to no such factory. */
export function isMissingRoute(e: Error): boolean {
  return e instanceof ApiError && e.status === 404 && (e.body?.message ?? '').startsWith('No route');
}

import type { Clock } from '../core/ports.ts';
import { standardRegistry } from '../core/standards/standard-registry.ts';
import { createEngineEvaluator } from '../services/workflow/engine-evaluator.ts';
import type { WorkflowStore } from '../store/repositories/workflow-store.ts';
import { createArgon2Hasher, createCryptoRandom, type Argon2Cost } from './auth-adapters.ts';
import type { WorkflowServerDeps } from './plugins/auth-routes.ts';

export const systemClock: Clock = { now: () => new Date() };

/** Wires the workflow's ports at start-up: the store's repositories, argon2id, the OS random source, the evaluation engine. */
export function programmeDeps(
  store: { readonly workflow: WorkflowStore },
  options: { readonly clock?: Clock; readonly argon2?: Argon2Cost } = {},
): WorkflowServerDeps {
  return {
    ...store.workflow,
    clock: options.clock ?? systemClock,
    hasher: createArgon2Hasher(options.argon2),
    random: createCryptoRandom(),
    evaluator: createEngineEvaluator(standardRegistry),
  };
}

import { compileApplicability, describeApplicability, type Subject } from '../evaluation/subject.ts';
import type { PolicyCondition } from './policy-instrument.ts';

/** The facts a unit is matched on: flat attributes, as the evaluation engine's subjects carry them. */
export type PolicyFacts = Readonly<Record<string, string | number | boolean>>;

/**
 * Compiles a policy condition once into a predicate over facts. Attribute tests go through the
 * evaluation engine's compiler (compileApplicability); numeric thresholds are compiled here, and a
 * missing or non-numeric figure never meets a threshold.
 */
export function compilePolicyCondition(condition: PolicyCondition): (facts: PolicyFacts) => boolean {
  switch (condition.op) {
    case 'eq':
    case 'in': {
      const test = compileApplicability(condition);
      // One reusable subject: the compiled test reads only its attributes.
      const subject: { kind: Subject['kind']; attributes: PolicyFacts } = { kind: 'factory', attributes: {} };
      return (facts) => {
        subject.attributes = facts;
        return test(subject);
      };
    }
    case 'gte': {
      const { attr, value } = condition;
      return (facts) => {
        const v = facts[attr];
        return typeof v === 'number' && v >= value;
      };
    }
    case 'lte': {
      const { attr, value } = condition;
      return (facts) => {
        const v = facts[attr];
        return typeof v === 'number' && v <= value;
      };
    }
    case 'not': {
      const inner = compilePolicyCondition(condition.of);
      return (facts) => !inner(facts);
    }
    case 'all': {
      const parts = condition.of.map(compilePolicyCondition);
      return (facts) => parts.every((p) => p(facts));
    }
    case 'any': {
      const parts = condition.of.map(compilePolicyCondition);
      return (facts) => parts.some((p) => p(facts));
    }
  }
}

/** Describes a condition in words, for "does not qualify because ..." messages. */
export function describePolicyCondition(condition: PolicyCondition): string {
  switch (condition.op) {
    case 'eq':
    case 'in':
      return describeApplicability(condition);
    case 'gte':
      return `${condition.attr} >= ${condition.value}`;
    case 'lte':
      return `${condition.attr} <= ${condition.value}`;
    case 'not':
      return `not (${describePolicyCondition(condition.of)})`;
    case 'all':
      return condition.of.map(describePolicyCondition).join(' and ');
    case 'any':
      return condition.of.map(describePolicyCondition).join(' or ');
  }
}

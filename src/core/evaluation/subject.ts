import type { CorrectionInputs } from '../benchmark/quota-grade.ts';
import type { Applicability, SubjectKind } from '../standards/indicator-system.ts';
import type { QuotaRow } from '../standards/quota-standard.ts';
import type { Sourced } from '../standards/sourced.ts';

/** The energy quota standard row that applies to the subject's product, with its correction inputs. */
export interface EnergyQuotaBinding {
  readonly row: QuotaRow;
  readonly corrections?: CorrectionInputs;
}

/** The national water-use quota that applies (advanced and general values, with their own source). */
export interface WaterQuotaBinding {
  /** e.g. `m3/t`. */
  readonly unit: string;
  readonly advanced: Sourced<number>;
  readonly general: Sourced<number>;
}

/** What is evaluated: its kind, attributes that decide applicability, and the quotas that apply to it. */
export interface Subject {
  readonly kind: SubjectKind;
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
  readonly energyQuota?: EnergyQuotaBinding;
  readonly waterQuota?: WaterQuotaBinding;
}

/** Compiles a declarative applicability condition once into a plain predicate over subjects. */
export function compileApplicability(condition: Applicability): (subject: Subject) => boolean {
  switch (condition.op) {
    case 'eq': {
      const { attr, value } = condition;
      return (s) => s.attributes?.[attr] === value;
    }
    case 'in': {
      const { attr } = condition;
      const values = new Set<unknown>(condition.values);
      return (s) => values.has(s.attributes?.[attr]);
    }
    case 'has':
      return condition.what === 'energyQuota'
        ? (s) => s.energyQuota !== undefined
        : (s) => s.waterQuota !== undefined;
    case 'not': {
      const inner = compileApplicability(condition.of);
      return (s) => !inner(s);
    }
    case 'all': {
      const parts = condition.of.map(compileApplicability);
      return (s) => parts.every((p) => p(s));
    }
    case 'any': {
      const parts = condition.of.map(compileApplicability);
      return (s) => parts.some((p) => p(s));
    }
  }
}

/** Describes a condition in words, for "not applicable because ..." messages. */
export function describeApplicability(condition: Applicability): string {
  switch (condition.op) {
    case 'eq':
      return `${condition.attr} = ${String(condition.value)}`;
    case 'in':
      return `${condition.attr} in [${condition.values.join(', ')}]`;
    case 'has':
      return condition.what === 'energyQuota'
        ? 'a national energy quota standard applies'
        : 'a national water-use quota applies';
    case 'not':
      return `not (${describeApplicability(condition.of)})`;
    case 'all':
      return condition.of.map(describeApplicability).join(' and ');
    case 'any':
      return condition.of.map(describeApplicability).join(' or ');
  }
}

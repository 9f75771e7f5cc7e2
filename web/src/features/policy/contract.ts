/**
 * The policy API as the console reads it. Instruments and matches are core types; the envelopes
 * mirror src/server/plugins/policy-routes.ts and src/services/policy/match-service.ts (web may
 * not import services).
 */
import type { MatchStatus, PolicyMatch, RuleOutcome } from '../../../../src/core/policy/match-policies.ts';
import type {
  AmountFormula,
  EligibilityRule,
  PolicyInstrument,
  PolicyKind,
  PolicyLevel,
} from '../../../../src/core/policy/policy-instrument.ts';
import type { UnitKind } from '../../../../src/core/registry/types.ts';

export type {
  AmountFormula,
  EligibilityRule,
  MatchStatus,
  PolicyInstrument,
  PolicyKind,
  PolicyLevel,
  PolicyMatch,
  RuleOutcome,
};

/** GET /api/v1/policies: the catalog, each instrument with its key (`id@version`). */
export interface PolicyCatalog {
  readonly items: readonly (PolicyInstrument & { readonly key: string })[];
  readonly total: number;
}

export type CatalogInstrument = PolicyCatalog['items'][number];

/** GET /api/v1/policies/summary: per instrument, how many units qualify or nearly do, and the support. */
export interface PolicySummary {
  readonly onDate: string;
  readonly units: number;
  readonly instruments: number;
  readonly summaries: readonly {
    readonly instrument: string;
    readonly qualifies: number;
    readonly nearly: number;
    /** 10^4 yuan; null when no qualifying unit has an amount. */
    readonly totalAmount: number | null;
  }[];
}

/** GET /api/v1/{kind}/{id}/policies: how one unit stands against every instrument, and why. */
export interface UnitPolicies {
  readonly unit: {
    readonly kind: UnitKind;
    readonly id: string;
    readonly name: string;
    readonly facts: Readonly<Record<string, string | number | boolean>>;
  };
  readonly onDate: string;
  readonly matches: readonly PolicyMatch[];
}

/** GET /api/v1/policies/{key}/beneficiaries: one page of the units that qualify (or nearly do). */
export interface Beneficiaries {
  readonly instrument: string;
  readonly onDate: string;
  readonly status: 'qualifies' | 'nearly';
  readonly total: number;
  readonly totalAmount: number | null;
  readonly page: number;
  readonly pageSize: number;
  readonly items: readonly {
    readonly kind: UnitKind;
    readonly id: string;
    readonly name: string;
    readonly amount: number | null;
  }[];
}

/** The console path of an instrument's page; the key's "@" stays readable (wouter leaves %40 encoded). */
export const instrumentPath = (key: string): string =>
  `/policies/${encodeURIComponent(key).replace(/%40/g, '@')}`;

/** The instrument's name in the console's language. */
export const instrumentName = (i: Pick<PolicyInstrument, 'nameZh' | 'nameEn'>, language: string): string =>
  language === 'en' ? i.nameEn : i.nameZh;

/** A requirement's wording in the console's language. */
export const ruleText = (r: Pick<EligibilityRule, 'zh' | 'en'>, language: string): string =>
  language === 'en' ? r.en : r.zh;

/** An amount of support in 10^4 yuan, in the console's language ("100 万元", "1,000,000 yuan"). */
export function formatSupport(amount: number, language: string): string {
  if (language === 'en')
    return `${new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(amount * 10_000)} yuan`;
  return `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }).format(amount)} 万元`;
}

/** A province by name; a city (whose name the console does not hold) by its province and code. */
export const regionLabel = (code: string, nameOf: (c: string) => string): string =>
  code.endsWith('0000') ? nameOf(code) : `${nameOf(code)} ${code}`;

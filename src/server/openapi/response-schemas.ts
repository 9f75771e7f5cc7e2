/**
 * Response bodies of the registry, workflow, evaluation, operating and policy routes, for the
 * OpenAPI document. Each names the fields clients rely on (required) and allows more: bodies are
 * written with JSON.stringify, and tests hold every body to its schema (testing/response-check.ts).
 */
import { anyObject, anyValue, bool, int, itemsOf, nullable, objectOf, str } from './schemas.ts';

const strOrNull = nullable('string');

const placement = { regionCode: strOrNull, provinceCode: strOrNull };

export const unitSchemas = {
  factory: objectOf({ id: str, enterpriseId: str, name: str, batch: str, ...placement }),
  park: objectOf({ id: str, name: str, batch: str, ...placement }),
  supplyChain: objectOf({ id: str, enterpriseId: str, name: str, batch: str, ...placement }),
  product: objectOf({ id: str, name: str }),
};

export const registrySchemas = {
  enterprise: objectOf({
    enterprise: objectOf({ id: str, name: str }),
    factories: { type: 'array', items: unitSchemas.factory },
    supplyChainEnterprises: { type: 'array', items: unitSchemas.supplyChain },
  }),
  greenSupplyChain: objectOf({
    enterpriseName: str,
    supplierNames: anyObject,
    greenProcurementShare: nullable('number'),
  }),
  health: objectOf({ status: str, database: str }),
  stats: objectOf({ factories: int, parks: int, products: int }),
  region: objectOf({ code: str, name: str, level: str, parentCode: strOrNull, provinceCode: str }),
  industry: objectOf({ code: str, name: str, level: str, parentCode: strOrNull }),
};

const account = objectOf({
  id: str,
  email: str,
  displayName: str,
  role: str,
  adminLevel: strOrNull,
  regionCode: strOrNull,
  enterpriseId: strOrNull,
  parkId: strOrNull,
  agencyId: strOrNull,
  disabled: bool,
  createdAt: str,
});

const principal = objectOf({ kind: str });

export const authSchemas = {
  account,
  principal,
  login: objectOf({ account, expiresAt: str, csrfToken: str }),
  me: objectOf({ principal, account: { anyOf: [account, { type: 'null' }] } }),
  csrf: objectOf({ csrfToken: str }),
  ok: objectOf({ ok: { type: 'boolean', enum: [true] } }),
  token: objectOf({ id: str, accountId: str, name: str, createdAt: str, revokedAt: strOrNull }),
  issuedToken: objectOf({
    token: str,
    apiToken: objectOf({ id: str, accountId: str, name: str, createdAt: str, revokedAt: strOrNull }),
  }),
  agency: objectOf({ id: str, name: str, legalRepresentative: str, createdAt: str }),
};

/** A declaration as the caller sees it: every field, or the published ones; and the actions open to the caller. */
const declaration = objectOf({
  id: str,
  unitKind: str,
  unitName: str,
  regionCode: str,
  provinceCode: str,
  roundYear: int,
  state: str,
  actions: { type: 'array', items: str },
});

export const workflowSchemas = {
  declaration,
  /** The programme's dates, limits and catalogues as data, each with its source (programme-rules.ts). */
  rules: objectOf({
    rules: anyObject,
    transitions: anyObject,
    negativeListReasons: anyValue,
    removalTriggers: anyValue,
    declarableChanges: anyValue,
  }),
  event: objectOf({
    id: str,
    declarationId: str,
    kind: str,
    actorId: strOrNull,
    at: str,
    details: anyObject,
  }),
  evidence: objectOf({ id: str, declarationId: str, name: str, mediaType: str, size: int, sha256: str }),
  objection: objectOf({ id: str, declarationId: str, text: str, status: str }),
  negativeListEntry: objectOf({ id: str, enterpriseId: str, reason: str, since: str, note: strOrNull }),
  auditEntry: objectOf({
    seq: int,
    at: str,
    actorId: strOrNull,
    actorRole: str,
    action: str,
    targetKind: strOrNull,
    targetId: strOrNull,
    beforeHash: strOrNull,
    afterHash: strOrNull,
    details: anyObject,
    prevHash: str,
    hash: str,
  }),
  tierListing: objectOf({
    id: str,
    tier: { type: 'string', enum: ['provincial', 'municipal'] },
    factoryId: str,
    factoryName: str,
    enterpriseId: str,
    regionCode: str,
    provinceCode: str,
    listedOn: str,
    listedBy: str,
    removedOn: strOrNull,
    removalTrigger: strOrNull,
    version: int,
  }),
  auditVerify: objectOf({
    ok: bool,
    checked: int,
    head: { anyOf: [objectOf({ seq: int, hash: str }), { type: 'null' }] },
    problems: { type: 'array', items: anyObject },
  }),
};

export const accountingSchemas = {
  factoryAccounts: objectOf({
    factoryId: str,
    years: {
      type: 'array',
      items: objectOf({ year: int, simulated: bool, seed: strOrNull, data: anyObject, accounts: anyObject }),
    },
  }),
  parkYears: objectOf({ parkId: str, years: { type: 'array', items: anyObject } }),
  evaluation: objectOf({
    factoryId: str,
    name: str,
    year: int,
    simulated: bool,
    label: str,
    profile: str,
    result: anyObject,
    leastChange: anyObject,
  }),
  standards: itemsOf(objectOf({ key: str, kind: str, id: str, version: str, title: str })),
  /** A standard edition as data: its shape depends on its kind (indicator system, quota, coefficients). */
  standard: objectOf({ kind: str, id: str, version: str }),
};

export const policySchemas = {
  catalog: objectOf({ items: { type: 'array', items: objectOf({ key: str }) }, total: int }),
  summary: objectOf({
    onDate: str,
    units: int,
    instruments: int,
    summaries: { type: 'array', items: objectOf({ instrument: str }) },
  }),
  beneficiaries: objectOf({
    instrument: str,
    onDate: str,
    status: str,
    total: int,
    totalAmount: nullable('number'),
    page: int,
    pageSize: int,
    items: {
      type: 'array',
      items: objectOf({ kind: str, id: str, name: str, amount: nullable('number') }),
    },
  }),
  unitPolicies: objectOf({ unit: anyObject, onDate: str, matches: { type: 'array', items: anyObject } }),
};

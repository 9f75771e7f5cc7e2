import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../core/auth/principal.ts';
import type { Clock, ListImport } from '../../core/ports.ts';
import type { Enterprise, Factory, Park, Region } from '../../core/registry/types.ts';
import { createAccount, createAgency, principalOf, type NewAccount } from '../../services/auth/accounts.ts';
import { createApiToken } from '../../services/auth/sessions.ts';
import { createMeteringService, type MeteringService } from '../../services/metering/metering-service.ts';
import { openDuckdbTelemetry } from '../../store/telemetry/duckdb-telemetry.ts';
import type { TestBackend } from '../../store/contract/test-backends.ts';
import type { Store } from '../../store/open-store.ts';
import { buildServer } from '../build-server.ts';
import type { WorkflowServerDeps } from '../plugins/auth-routes.ts';
import { programmeDeps } from '../programme-deps.ts';
import { checkResponse } from './response-check.ts';

/** A clock the tests move by hand. */
export interface TestClock extends Clock {
  set: (iso: string) => void;
}

/** A settable clock starting at an instant. */
export function testClock(start: string): TestClock {
  let now = new Date(start);
  return { now: () => new Date(now.getTime()), set: (iso) => (now = new Date(iso)) };
}

const region = (code: string, name: string): Region => ({
  code,
  name,
  level: code.endsWith('0000') ? 'province' : 'prefecture',
  parentCode: code.endsWith('0000') ? null : `${code.slice(0, 2)}0000`,
  provinceCode: `${code.slice(0, 2)}0000`,
});

export const fixtureRegions: Region[] = [
  region('440000', '广东省'),
  region('440300', '深圳市'),
  region('440100', '广州市'),
  region('330000', '浙江省'),
  region('330100', '杭州市'),
];

const enterprise = (id: string, name: string, regionCode: string): Enterprise => ({
  id,
  name,
  regionCode,
  provinceCode: `${regionCode.slice(0, 2)}0000`,
});

const park = (id: string, name: string, regionCode: string): Park => ({
  id,
  name,
  regionCode,
  provinceCode: `${regionCode.slice(0, 2)}0000`,
  recommender: null,
  listRegion: name,
  evaluator: null,
  batch: '2021',
});

const factory = (id: string, enterpriseId: string, regionCode: string): Factory => ({
  id,
  enterpriseId,
  name: `Factory ${id}`,
  regionCode,
  provinceCode: `${regionCode.slice(0, 2)}0000`,
  recommender: null,
  listRegion: regionCode,
  industryCode: null,
  industrySector: null,
  evaluator: null,
  batch: '2021',
});

/**
 * Two tenants in two provinces: enterprise A, its factory and park A in Shenzhen, enterprise B, its
 * factory and park B in Hangzhou.
 */
export const fixtureImport: ListImport = {
  enterprises: [
    enterprise('ent_a', 'Enterprise A', '440300'),
    enterprise('ent_b', 'Enterprise B', '330100'),
    enterprise('ent_c', 'Enterprise C', '440100'),
  ],
  factories: [factory('fac_a', 'ent_a', '440300'), factory('fac_b', 'ent_b', '330100')],
  parks: [park('park_a', 'Park A', '440300'), park('park_b', 'Park B', '330100')],
  supplyChain: [],
  products: [],
  events: [],
};

export const roles = [
  'national',
  'province44',
  'city4403',
  'province33',
  'enterpriseA',
  'enterpriseB',
  'parkA',
  'parkB',
  'agencyA',
  'agencyB',
] as const;

export type RoleKey = (typeof roles)[number];

export const password = 'correct horse battery staple';

export interface ProgrammeFixture {
  readonly store: Store & { location: string };
  readonly app: FastifyInstance;
  readonly deps: WorkflowServerDeps;
  readonly clock: TestClock;
  /** A bearer token for each role. */
  readonly tokens: Readonly<Record<RoleKey, string>>;
  readonly principals: Readonly<Record<RoleKey, Principal>>;
  readonly agencies: { readonly a: string; readonly b: string };
  /** The metering service, when the fixture was opened with `metering: true`. */
  readonly metering: MeteringService | null;
  readonly close: () => Promise<void>;
}

/** Opens a fresh store with the fixture tenants, one account and API token per role, and the server. */
export async function openProgrammeFixture(
  backend: TestBackend,
  options: {
    readonly loginRateLimit?: { max: number; timeWindowMs: number };
    /** Serve metering too, over a DuckDB telemetry store in a temporary directory. */
    readonly metering?: boolean;
  } = {},
): Promise<ProgrammeFixture> {
  const store = await backend.open();
  await store.codeTables.replaceRegions(fixtureRegions);
  await store.registry.applyListImport(fixtureImport);
  const clock = testClock('2025-03-01T02:00:00.000Z');
  const deps = programmeDeps(store, { clock, argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 } });
  const cli = { kind: 'cli' } as const;
  const national = await createAccount(deps, cli, {
    email: 'national@example.cn',
    password,
    role: 'admin',
    level: 'national',
  });
  const nationalP = principalOf(national);
  const a = await createAgency(deps, nationalP, { name: 'Agency A', legalRepresentative: 'Li Wei' });
  const b = await createAgency(deps, nationalP, { name: 'Agency B', legalRepresentative: 'Wang Fang' });
  const specs: Record<Exclude<RoleKey, 'national'>, NewAccount> = {
    province44: { email: 'gd@example.cn', password, role: 'admin', level: 'province', regionCode: '440000' },
    city4403: { email: 'sz@example.cn', password, role: 'admin', level: 'city', regionCode: '440300' },
    province33: { email: 'zj@example.cn', password, role: 'admin', level: 'province', regionCode: '330000' },
    enterpriseA: { email: 'a@example.cn', password, role: 'enterprise', enterpriseId: 'ent_a' },
    enterpriseB: { email: 'b@example.cn', password, role: 'enterprise', enterpriseId: 'ent_b' },
    parkA: {
      email: 'pa@example.cn',
      password,
      role: 'park_operator',
      parkId: 'park_a',
      regionCode: '440300',
    },
    parkB: {
      email: 'pb@example.cn',
      password,
      role: 'park_operator',
      parkId: 'park_b',
      regionCode: '330100',
    },
    agencyA: { email: 'ag-a@example.cn', password, role: 'agency', agencyId: a.id },
    agencyB: { email: 'ag-b@example.cn', password, role: 'agency', agencyId: b.id },
  };
  const principals: Partial<Record<RoleKey, Principal>> = { national: nationalP };
  for (const [key, spec] of Object.entries(specs)) {
    principals[key as RoleKey] = principalOf(await createAccount(deps, nationalP, spec));
  }
  const tokens: Partial<Record<RoleKey, string>> = {};
  for (const key of roles) {
    tokens[key] = (await createApiToken(deps, principals[key] as Principal, `${key} test token`)).token;
  }
  const telemetryDir = options.metering ? mkdtempSync(join(tmpdir(), 'greenmfg-fixture-telemetry-')) : null;
  const telemetry = telemetryDir ? await openDuckdbTelemetry(join(telemetryDir, 'telemetry.duckdb')) : null;
  const metering = telemetry ? await createMeteringService({ meters: store.meters, telemetry }) : null;
  const app = await buildServer({
    ...(metering ? { metering } : {}),
    checkResponse,
    registry: store.registry,
    footprintNetwork: store.footprintNetwork,
    codeTables: store.codeTables,
    operatingYears: store.operatingYears,
    databaseKind: store.kind,
    programme: deps,
    security: { loginRateLimit: options.loginRateLimit ?? { max: 1000, timeWindowMs: 60_000 } },
    webDistDir: '/nonexistent-web-dist',
  });
  return {
    store,
    app,
    deps,
    clock,
    tokens: tokens as Record<RoleKey, string>,
    principals: principals as Record<RoleKey, Principal>,
    agencies: { a: a.id, b: b.id },
    metering,
    async close() {
      await app.close();
      await metering?.drain();
      await telemetry?.close();
      if (telemetryDir) rmSync(telemetryDir, { recursive: true, force: true });
      await store.close();
    },
  };
}

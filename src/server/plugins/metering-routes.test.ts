import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, principalOf } from '../../services/auth/accounts.ts';
import { createApiToken } from '../../services/auth/sessions.ts';
import { createMeteringService } from '../../services/metering/metering-service.ts';
import { testDatabaseUrl } from '../../store/contract/test-backends.ts';
import { openStore, type Store } from '../../store/open-store.ts';
import { openDuckdbTelemetry } from '../../store/telemetry/duckdb-telemetry.ts';
import { buildServer } from '../build-server.ts';
import { programmeDeps } from '../programme-deps.ts';
import { checkResponse } from '../testing/response-check.ts';

const dir = mkdtempSync(join(tmpdir(), 'greenmfg-metering-api-'));
let store: Store;
let app: FastifyInstance;
let closeTelemetry: () => Promise<void>;
let database: Awaited<ReturnType<typeof testDatabaseUrl>> | undefined;
/** A national administrator's API token: its region covers factories the registry does not know. */
let token = '';

async function open(): Promise<void> {
  // The registry on the suite's database (PostgreSQL under GREENMFG_TEST_PG); reopened below.
  database ??= await testDatabaseUrl(dir);
  store = await openStore(database.url);
  const telemetry = await openDuckdbTelemetry(join(dir, 'telemetry.duckdb'));
  closeTelemetry = () => telemetry.close();
  const metering = await createMeteringService({ meters: store.meters, telemetry });
  const programme = programmeDeps(store, { argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 } });
  if (!token) {
    const admin = await createAccount(
      programme,
      { kind: 'cli' },
      { email: 'ops@example.cn', password: 'a long enough password', role: 'admin', level: 'national' },
    );
    token = (await createApiToken(programme, principalOf(admin), 'metering test')).token;
  }
  app = await buildServer({
    registry: store.registry,
    codeTables: store.codeTables,
    operatingYears: store.operatingYears,
    databaseKind: store.kind,
    metering,
    programme,
    webDistDir: '/nonexistent-web-dist',
    checkResponse,
  });
}
async function close(): Promise<void> {
  await app.close();
  await closeTelemetry();
  await store.close();
}

const get = (url: string) => app.inject({ url, headers: { authorization: `Bearer ${token}` } });
const post = (url: string, payload: unknown, contentType = 'application/json') =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

describe('metering over HTTP', () => {
  beforeAll(open);
  afterAll(async () => {
    await close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers meters, refusing a bad field (named) and a taken id', async () => {
    const ok = await post('/api/v1/meters', {
      id: 'e1',
      factoryId: 'f1',
      medium: 'electricity',
      unit: 'kWh',
      kind: 'interval',
      intervalSeconds: 900,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ id: 'e1', key: 1, utcOffsetMinutes: 480 });
    const gas = await post('/api/v1/meters', {
      id: 'g1',
      factoryId: 'f1',
      medium: 'natural-gas-gas-field',
      unit: 'm3',
      kind: 'counter',
      rolloverAt: 100000,
    });
    expect(gas.statusCode).toBe(201);
    expect(
      (
        await post('/api/v1/meters', {
          id: 'e1',
          factoryId: 'f1',
          medium: 'electricity',
          unit: 'kWh',
          intervalSeconds: 900,
        })
      ).json(),
    ).toMatchObject({ code: 'GM_CONFLICT' });
    const bad = await post('/api/v1/meters', {
      id: 'e2',
      factoryId: 'f1',
      medium: 'electricity',
      unit: 'tce',
      intervalSeconds: 900,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'GM_VALIDATION', details: { issues: [{ field: 'unit' }] } });
    const noInterval = await post('/api/v1/meters', {
      id: 'e3',
      factoryId: 'f1',
      medium: 'electricity',
      unit: 'kWh',
    });
    expect(noInterval.json()).toMatchObject({ details: { issues: [{ field: 'intervalSeconds' }] } });
    expect((await get('/api/v1/meters?factory=f1')).json<{ items: unknown[] }>().items).toHaveLength(2);
  });

  it('stores the valid readings of a JSON batch and names each rejected index, reason and field', async () => {
    const res = await post('/api/v1/readings', [
      { meter: 'e1', ts: '2024-01-01T00:15:00+08:00', value: 10 },
      { meter: 'e1', ts: 'not a time', value: 1 },
      { meter: 'zz', ts: '2024-01-01T00:15:00+08:00', value: 1 },
      { meter: 'e1', ts: '2024-01-01T00:30:00+08:00', value: 'NaN' },
      { meter: 'e1', ts: '2024-01-01T00:30:00+08:00', value: 1, unit: 'm3' },
      { meter: 'e1', ts: '2024-01-01T00:45:00+08:00', value: 0.012, unit: 'MWh' },
      42,
    ]);
    expect(res.statusCode).toBe(200);
    const report = res.json<{
      stored: number;
      rejected: { index: number; reason: string; field: string }[];
    }>();
    expect(report.stored).toBe(2);
    expect(report.rejected.map((r) => [r.index, r.reason, r.field])).toEqual([
      [1, 'timestamp', 'ts'],
      [2, 'unknown-meter', 'meter'],
      [3, 'not-finite', 'value'],
      [4, 'unit', 'unit'],
      [6, 'malformed', '(item)'],
    ]);
    expect((await post('/api/v1/readings', { meter: 'e1' })).statusCode).toBe(400);
  });

  it('takes CSV, out of order, idempotently, reports conflicts, and rolls up hours, days and months', async () => {
    const csv = [
      'meter,ts,value',
      'e1,2024-01-01T01:00:00+08:00,4',
      'e1,2024-01-01T00:15:00+08:00,10',
      'e1,2024-01-01T00:30:00+08:00,6',
      'e1,2024-01-01T00:15:00+08:00,11',
      'g1,2024-01-01T02:00:00+08:00,99990',
      'g1,2024-01-01T01:00:00+08:00,99900',
      'g1,2024-01-02T00:00:00+08:00,20',
      'g1,2024-01-01T12:00:00+08:00,99995',
      'e1,2024-01-02T00:00:00+08:00,7',
    ].join('\n');
    const report = (await post('/api/v1/readings', csv, 'text/csv')).json<{
      stored: number;
      duplicates: number;
      rejected: { index: number; reason: string; stored?: number }[];
      flags: { items: { kind: string }[] };
    }>();
    expect(report.stored).toBe(7);
    expect(report.duplicates).toBe(1);
    expect(report.rejected).toEqual([expect.objectContaining({ index: 3, reason: 'conflict', stored: 10 })]);
    expect(report.flags.items.map((f) => f.kind)).toContain('rollover');
    const again = (await post('/api/v1/readings', csv, 'text/csv')).json<{
      stored: number;
      duplicates: number;
    }>();
    expect(again).toMatchObject({ stored: 0, duplicates: 8 });

    const days = (await get('/api/v1/meters/e1/rollups?grain=day&from=2024-01-01&to=2024-01-02')).json<{
      items: { bucket: string; sum: number; readings: number }[];
    }>();
    // 10 + 12 (0.012 MWh) + 6 + 4 + 7 (the 24:00 reading closes 1 January).
    expect(days.items).toEqual([{ bucket: '2024-01-01', sum: 39, readings: 5 }]);
    const gasDays = (await get('/api/v1/meters/g1/rollups?grain=day&from=2024-01-01&to=2024-01-02')).json<{
      items: { bucket: string; sum: number }[];
    }>();
    // 99900 -> 99990 -> 99995 -> (rollover at 100000) 20: 90 + 5 + 25, all on 1 January.
    expect(gasDays.items).toEqual([{ bucket: '2024-01-01', sum: 120, readings: 3 }]);
    const hours = (await get('/api/v1/meters/e1/rollups?grain=hour&from=2024-01-01&to=2024-01-01')).json<{
      items: { bucket: string; sum: number }[];
    }>();
    expect(hours.items[0]).toMatchObject({ bucket: '2024-01-01T00:00:00+08:00', sum: 32 });
    const gaps = (
      await get('/api/v1/meters/e1/gaps?from=2024-01-01T00:00:00Z&to=2024-01-02T00:00:00Z')
    ).json<{
      items: { missing: number }[];
    }>();
    expect(gaps.items[0]?.missing).toBe(91);
    const daily = (await get('/api/v1/metering/daily?day=2024-01-01&factory=f1')).json<{
      items: unknown[];
    }>();
    expect(daily.items).toHaveLength(2);
    const month = (await get('/api/v1/metering/factories/f1/months/2024-01')).json<{
      tce: number;
      byMedium: { medium: string; quantity: number }[];
    }>();
    expect(month.byMedium.map((m) => [m.medium, m.quantity])).toEqual([
      ['electricity', 39],
      ['natural-gas-gas-field', 120],
    ]);
    expect(month.tce).toBeGreaterThan(0);
    expect((await get('/api/v1/meters/e1/rollups?grain=day&from=2024-1-1&to=x')).statusCode).toBe(400);
    // Readings are stored with unsigned 32-bit seconds: a range past 2106 is the caller's error, named.
    expect(
      (await get('/api/v1/meters/e1/readings?from=2024-01-01T00:00:00Z&to=2200-01-01T00:00:00Z')).json(),
    ).toMatchObject({ code: 'GM_VALIDATION', details: { issues: [{ field: 'query.to' }] } });
    // Without a token: enterprise data, so 401 in the standard error shape.
    expect(
      (
        await app.inject('/api/v1/meters/e1/readings?from=2024-01-01T00:00:00Z&to=2024-01-02T00:00:00Z')
      ).json(),
    ).toMatchObject({
      code: 'GM_UNAUTHENTICATED',
      details: { field: 'authorization' },
    });
  });

  it('after a restart still knows what is stored: a re-sent batch is all duplicates, a changed value a conflict', async () => {
    await close();
    await open();
    const res = (
      await post('/api/v1/readings', [
        { meter: 'e1', ts: '2024-01-01T00:15:00+08:00', value: 10 },
        { meter: 'e1', ts: '2024-01-01T00:30:00+08:00', value: 5 },
      ])
    ).json<{ stored: number; duplicates: number; rejected: { reason: string }[] }>();
    expect(res).toMatchObject({ stored: 0, duplicates: 1, rejected: [{ reason: 'conflict' }] });
    const days = (await get('/api/v1/meters/e1/rollups?grain=day&from=2024-01-01&to=2024-01-01')).json<{
      items: { sum: number }[];
    }>();
    expect(days.items[0]?.sum).toBe(39);
  });
});

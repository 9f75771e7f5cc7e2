import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../store/contract/test-backends.ts';
import { datasetFiles } from '../../store/dataset-files.ts';
import type { Store } from '../../store/open-store.ts';
import { bootstrapOperatingData, bootstrapRegistry } from '../bootstrap.ts';
import { beneficiaries, matchAll, matchUnit } from './match-service.ts';

const source = datasetFiles(resolve(import.meta.dirname, '../../../datasets'));
const clock = { now: () => new Date('2026-11-28T00:00:00Z') };

describe.each(testBackends)('policy matching over the listed population on $name', (backend) => {
  let ports: Store & { clock: typeof clock };
  beforeAll(async () => {
    const store = await backend.open();
    await bootstrapRegistry({ source, ...store });
    await bootstrapOperatingData(store, 'policy-test');
    ports = { ...store, clock };
  });
  afterAll(() => ports.close());

  it('matches one Guangdong national green factory with reasons', async () => {
    const gd = (await ports.registry.listFactories({ page: 1, pageSize: 1, provinceCode: '440000' }))
      .items[0];
    const result = await matchUnit(ports, 'factory', gd?.id ?? '');
    expect(result.onDate).toBe('2026-11-28');
    expect(result.unit.facts).toMatchObject({
      unitKind: 'factory',
      tier: 'national',
      provinceCode: '440000',
    });
    const byKey = new Map(result.matches.map((m) => [m.instrument, m]));
    expect(byKey.get('cn-gf-government-procurement@2024')?.status).toBe('qualifies');
    expect(byKey.get('example-gd-national-green-factory-award@example')).toMatchObject({
      status: 'qualifies',
      amount: 100,
      illustrative: true,
    });
    expect(byKey.get('example-js-retrofit-tax-deduction@example')?.missing.map((m) => m.id)).toContain(
      'province-320000',
    );
    await expect(matchUnit(ports, 'factory', 'fac_missing')).rejects.toMatchObject({ code: 'GM_NOT_FOUND' });
  });

  it('counts beneficiaries and the total estimated support over every listed unit', async () => {
    const all = await matchAll(ports);
    expect(all.units).toBe(2783 + 296 + 224 + 3154);
    const procurement = await beneficiaries(ports, 'cn-gf-government-procurement@2024', {
      status: 'qualifies',
      page: 1,
      pageSize: 10,
    });
    expect(procurement.total).toBe(all.units);
    expect(procurement.items).toHaveLength(10);
    // 179 Guangdong factories plus Shenzhen's 62, each with the illustrative 100 x 10^4 yuan award.
    const award = await beneficiaries(ports, 'example-gd-national-green-factory-award@example', {
      status: 'qualifies',
      page: 1,
      pageSize: 500,
    });
    expect(award.total).toBe(241);
    expect(award.totalAmount).toBe(24_100);
    // Retrofit bonds need a measured saving: only factories whose simulated unit energy fell qualify.
    const bonds = all.summaries.find((s) => s.instrument === 'cn-green-retrofit-bonds@2025');
    expect(bonds?.qualifies).toBeGreaterThan(0);
    expect(bonds?.qualifies).toBeLessThan(2783);
    await expect(
      beneficiaries(ports, 'nope@1', { status: 'qualifies', page: 1, pageSize: 1 }),
    ).rejects.toMatchObject({ code: 'GM_NOT_FOUND' });
  });
});

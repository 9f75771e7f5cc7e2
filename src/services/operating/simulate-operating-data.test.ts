import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../store/contract/test-backends.ts';
import { datasetFiles } from '../../store/dataset-files.ts';
import type { Store } from '../../store/open-store.ts';
import { bootstrapOperatingData, bootstrapRegistry } from '../bootstrap.ts';
import { simulateOperatingData } from './simulate-operating-data.ts';

const source = datasetFiles(resolve(import.meta.dirname, '../../../datasets'));

describe.each(testBackends)('simulated operating data on $name', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
    await bootstrapRegistry({ source, ...store });
  });
  afterAll(() => store.close());

  it('simulates two years for every listed factory and park once, and not again', async () => {
    const first = await bootstrapOperatingData(store, 'seed-a');
    expect(first).toEqual({ records: (2783 + 224) * 2 });
    expect(await bootstrapOperatingData(store, 'seed-a')).toBeNull();
  });

  it('is reproducible from the seed and replaces only simulated years', async () => {
    const factory = (await store.registry.listFactories({ page: 1, pageSize: 1 })).items[0];
    const before = await store.operatingYears.ofUnit('factory', factory?.id ?? '');
    await simulateOperatingData(store, { seed: 'seed-a' });
    expect(await store.operatingYears.ofUnit('factory', factory?.id ?? '')).toEqual(before);
    await simulateOperatingData(store, { seed: 'seed-b' });
    const after = await store.operatingYears.ofUnit('factory', factory?.id ?? '');
    expect(after[0]?.seed).toBe('seed-b');
    expect(after[0]?.data).not.toEqual(before[0]?.data);
    expect(await store.operatingYears.count()).toBe((2783 + 224) * 2);
  });
});

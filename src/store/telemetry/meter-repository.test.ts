import { describe, expect, it, onTestFinished } from 'vitest';
import { testMeter } from '../../core/metering/test-meter.ts';
import { testBackends } from '../contract/test-backends.ts';

describe.each(testBackends)('meter registrations at once on $name', (backend) => {
  it('all succeed, each meter with its own key', async () => {
    const store = await backend.open();
    onTestFinished(() => store.close());
    const added = await Promise.all(
      Array.from({ length: 24 }, (_, i) => {
        const { key, ...input } = testMeter({ id: `m${i}` });
        expect(key).toBe(1);
        return store.meters.add(input);
      }),
    );
    expect(added.map((m) => m.key).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 24 }, (_, i) => i + 1),
    );
    expect((await store.meters.all()).map((m) => m.id).sort()).toEqual(added.map((m) => m.id).sort());
  });
});

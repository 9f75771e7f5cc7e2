import { describe, expect, it } from 'vitest';
import { cachedFor } from './cached-for.ts';

describe('cachedFor', () => {
  it('computes once within the time to live, then answers the old value while computing the next', async () => {
    let clock = 0;
    let runs = 0;
    const get = cachedFor(
      () => Promise.resolve(++runs),
      1000,
      () => clock,
    );
    expect(await get()).toBe(1);
    clock = 999;
    expect(await get()).toBe(1);
    expect(runs).toBe(1);
    clock = 1000;
    expect(await get()).toBe(1); // stale, while the second computation runs
    expect(runs).toBe(2);
    await Promise.resolve();
    expect(await get()).toBe(2);
    expect(runs).toBe(2);
  });

  it('does not keep a failed computation', async () => {
    let fail = true;
    const get = cachedFor(() => (fail ? Promise.reject(new Error('down')) : Promise.resolve('ok')), 1000);
    await expect(get()).rejects.toThrow('down');
    fail = false;
    expect(await get()).toBe('ok');
  });
});

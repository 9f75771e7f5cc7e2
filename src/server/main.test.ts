import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { testDatabaseUrl } from '../store/contract/test-backends.ts';
import { startServer } from './main.ts';

// A first start on PostgreSQL under load takes longer than the suite's default 30 s.
describe('the main job', { timeout: 180_000 }, () => {
  it('creates the data directory, imports on the first start only, and serves the statistics over HTTP', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'greenmfg-start-')), 'nested', 'data');
    const database = await testDatabaseUrl(dataDir);
    onTestFinished(() => database.drop());
    const config = {
      ...loadConfig({ GREENMFG_DATA_DIR: dataDir, GREENMFG_DATABASE_URL: database.url }),
      port: 0,
      host: '127.0.0.1',
    };
    const log: string[] = [];
    const first = await startServer(config, (l) => log.push(l));
    try {
      const stats = (await (await fetch(`${first.url}/api/v1/stats`)).json()) as {
        factories: number;
        products: number;
      };
      expect(stats.factories).toBe(2783);
      expect(stats.products).toBe(3154);
      expect(log.some((l) => l.includes('first start: imported'))).toBe(true);
    } finally {
      await first.app.close();
    }
    const again: string[] = [];
    const second = await startServer(config, (l) => again.push(l));
    await second.app.close();
    expect(again.some((l) => l.includes('first start'))).toBe(false);
  });
});

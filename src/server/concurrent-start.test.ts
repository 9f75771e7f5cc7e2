import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { freshPostgresSchema } from '../store/contract/test-backends.ts';
import { startServer } from './main.ts';

const pgUrl = process.env.GREENMFG_TEST_PG;

// Several greenmfg servers behind a load balancer start at once on one fresh PostgreSQL database
// (an embedded SQLite data directory holds one server). One of them does the first-start work
// while the others wait; all then serve the same registry.
describe.skipIf(!pgUrl)('servers started at once on one fresh PostgreSQL database', () => {
  it('import the lists once between them and all serve them', { timeout: 300_000 }, async () => {
    const database = await freshPostgresSchema(pgUrl ?? '');
    const dirs = Array.from({ length: 3 }, () => mkdtempSync(join(tmpdir(), 'greenmfg-servers-')));
    onTestFinished(async () => {
      await database.drop();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });
    const logs = dirs.map(() => [] as string[]);
    const started = await Promise.allSettled(
      dirs.map((dataDir, i) =>
        startServer(
          {
            ...loadConfig({ GREENMFG_DATA_DIR: dataDir, GREENMFG_DATABASE_URL: database.url }),
            port: 0,
            host: '127.0.0.1',
          },
          (line) => logs[i]?.push(line),
        ),
      ),
    );
    const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    onTestFinished(async () => {
      for (const s of servers) await s.app.close();
    });
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'ok'))).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
    const imports = logs.flat().filter((l) => l.includes('first start: imported'));
    expect(imports).toHaveLength(1);
    for (const s of servers) {
      const stats = (await (await fetch(`${s.url}/api/v1/stats`)).json()) as Record<string, unknown>;
      expect(stats).toMatchObject({
        factories: 2783,
        supplyChainEnterprises: 296,
        parks: 224,
        products: 3154,
      });
    }
  });
});

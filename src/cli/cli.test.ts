import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  greenmfgBin as bin,
  makeTestDataDir,
  runGreenmfg as greenmfg,
  type TestDataDir,
} from './testing/run-greenmfg.ts';

/** A data directory (and database) for one case, removed when the case ends. */
async function dataDir(): Promise<TestDataDir> {
  const place = await makeTestDataDir('greenmfg-cli-');
  onTestFinished(() => place.dispose());
  return place;
}

const run = promisify(execFile);

// Each case starts real `greenmfg` processes (node + the tsx loader), several seconds each on a
// busy 2-core machine; the cases get room for that rather than the suite's default.
describe('greenmfg CLI', { timeout: 180_000 }, () => {
  it('imports the lists, then prints the statistics as JSON; a second import changes nothing', async () => {
    const place = await dataDir();
    const first = await greenmfg(place, 'import-lists');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('inserted 16609, updated 0, unchanged 0');
    const second = await greenmfg(place, 'import-lists');
    expect(second.stdout).toContain('inserted 0, updated 0, unchanged 16609');
    const stats = await greenmfg(place, 'stats', '--json');
    expect(stats.code).toBe(0);
    const parsed = JSON.parse(stats.stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      factories: 2783,
      supplyChainEnterprises: 296,
      parks: 224,
      products: 3154,
    });
    expect(Array.isArray(parsed.byProvince) && Array.isArray(parsed.byBatch)).toBe(true);
    const table = await greenmfg(place, 'stats');
    expect(table.stdout).toMatch(/total\s+2783\s+296\s+224\s+3154/);
  });

  it('exits 2 naming the row and field of a bad file, and leaves the database as it was', async () => {
    const place = await dataDir();
    const bad = join(place.dir, 'bad.csv');
    writeFileSync(
      bad,
      '序号,地区,工厂名称,行业,第三方评价机构,批次\n1,广东,好工厂,,,2021\n2,亚特兰蒂斯,坏工厂,,,2021\n',
    );
    const res = await greenmfg(place, 'import-lists', '--factories', bad);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`${bad}: row 3, field "地区": unknown region "亚特兰蒂斯"`);
    expect(res.stderr).toContain('Nothing was imported');
    const stats = JSON.parse((await greenmfg(place, 'stats', '--json')).stdout) as { factories: number };
    expect(stats.factories).toBe(0);
  });

  it('rejects an unknown command and a bad PORT with exit code 2', async () => {
    const place = await dataDir();
    expect((await greenmfg(place, 'frobnicate')).code).toBe(2);
    const res = await run(process.execPath, [bin, 'start'], {
      env: { ...process.env, ...place.env, PORT: 'eighty' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((res as { code: number }).code).toBe(2);
    expect((res as { stderr: string }).stderr).toContain('PORT must be an integer');
  });
});

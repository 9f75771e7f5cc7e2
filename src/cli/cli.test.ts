import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { greenmfgBin as bin, runGreenmfg as greenmfg } from './testing/run-greenmfg.ts';

const run = promisify(execFile);

// Each case starts real `greenmfg` processes (node + the tsx loader), several seconds each on a
// busy 2-core machine; the cases get room for that rather than the suite's default.
describe('greenmfg CLI', { timeout: 180_000 }, () => {
  it('imports the lists, then prints the statistics as JSON; a second import changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'greenmfg-cli-'));
    const first = await greenmfg(dir, 'import-lists');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('inserted 16609, updated 0, unchanged 0');
    const second = await greenmfg(dir, 'import-lists');
    expect(second.stdout).toContain('inserted 0, updated 0, unchanged 16609');
    const stats = await greenmfg(dir, 'stats', '--json');
    expect(stats.code).toBe(0);
    const parsed = JSON.parse(stats.stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      factories: 2783,
      supplyChainEnterprises: 296,
      parks: 224,
      products: 3154,
    });
    expect(Array.isArray(parsed.byProvince) && Array.isArray(parsed.byBatch)).toBe(true);
    const table = await greenmfg(dir, 'stats');
    expect(table.stdout).toMatch(/total\s+2783\s+296\s+224\s+3154/);
  });

  it('exits 2 naming the row and field of a bad file, and leaves the database as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'greenmfg-cli-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      '序号,地区,工厂名称,行业,第三方评价机构,批次\n1,广东,好工厂,,,2021\n2,亚特兰蒂斯,坏工厂,,,2021\n',
    );
    const res = await greenmfg(dir, 'import-lists', '--factories', bad);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`${bad}: row 3, field "地区": unknown region "亚特兰蒂斯"`);
    expect(res.stderr).toContain('Nothing was imported');
    const stats = JSON.parse((await greenmfg(dir, 'stats', '--json')).stdout) as { factories: number };
    expect(stats.factories).toBe(0);
  });

  it('rejects an unknown command and a bad PORT with exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'greenmfg-cli-'));
    expect((await greenmfg(dir, 'frobnicate')).code).toBe(2);
    const res = await run(process.execPath, [bin, 'start'], {
      env: { ...process.env, GREENMFG_DATA_DIR: dir, PORT: 'eighty' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((res as { code: number }).code).toBe(2);
    expect((res as { stderr: string }).stderr).toContain('PORT must be an integer');
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, '../../../bin/greenmfg.js');

function greenmfg(
  dataDir: string,
  args: string[],
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, GREENMFG_DATA_DIR: dataDir, GREENMFG_DATABASE_URL: '' } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

describe('greenmfg admin create and audit verify', () => {
  it('creates the first administrator prompt-free, and audit verify finds an edited entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'greenmfg-admin-'));
    const first = await greenmfg(
      dir,
      ['admin', 'create', '--email', 'Root@Example.cn', '--password-stdin'],
      'a long enough password\n',
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('created national administrator root@example.cn');
    const province = await greenmfg(dir, [
      'admin',
      'create',
      '--email',
      'gd@example.cn',
      '--password',
      'another long password',
      '--level',
      'province',
      '--region',
      '440000',
      '--json',
    ]);
    expect(JSON.parse(province.stdout)).toMatchObject({
      role: 'admin',
      adminLevel: 'province',
      regionCode: '440000',
    });
    const bad = await greenmfg(dir, [
      'admin',
      'create',
      '--email',
      'x@example.cn',
      '--password',
      'short',
      '--level',
      'city',
      '--region',
      '440000',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('GM_VALIDATION');
    const again = await greenmfg(dir, [
      'admin',
      'create',
      '--email',
      'root@example.cn',
      '--password',
      'a long enough password',
    ]);
    expect(again.stderr).toContain('GM_CONFLICT');

    expect((await greenmfg(dir, ['audit', 'verify'])).stdout).toContain('audit log intact: 2 entries');
    const db = new BetterSqlite3(join(dir, 'greenmfg.sqlite'));
    db.prepare("update audit_log set actor_role = 'forged' where seq = 1").run();
    db.close();
    const tampered = await greenmfg(dir, ['audit', 'verify']);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('entry 1: edited');
  });
});

import { sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../store/open-database.ts';
import {
  makeTestDataDir,
  runGreenmfg,
  runGreenmfgWithInput,
  type TestDataDir,
} from '../testing/run-greenmfg.ts';

const greenmfg = (place: TestDataDir, args: string[], input?: string) =>
  input === undefined ? runGreenmfg(place, ...args) : runGreenmfgWithInput(place, input, ...args);

describe('greenmfg admin create and audit verify', { timeout: 180_000 }, () => {
  it('creates the first administrator prompt-free, and audit verify finds an edited entry', async () => {
    const place = await makeTestDataDir('greenmfg-admin-');
    onTestFinished(() => place.dispose());
    const first = await greenmfg(
      place,
      ['admin', 'create', '--email', 'Root@Example.cn', '--password-stdin'],
      'a long enough password\n',
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('created national administrator root@example.cn');
    const province = await greenmfg(place, [
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
    const bad = await greenmfg(place, [
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
    const again = await greenmfg(place, [
      'admin',
      'create',
      '--email',
      'root@example.cn',
      '--password',
      'a long enough password',
    ]);
    expect(again.stderr).toContain('GM_CONFLICT');

    expect((await greenmfg(place, ['audit', 'verify'])).stdout).toContain('audit log intact: 2 entries');
    const { db, close } = openDatabase(place.databaseUrl);
    await sql`update audit_log set actor_role = 'forged' where seq = 1`.execute(db);
    await close();
    const tampered = await greenmfg(place, ['audit', 'verify']);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('entry 1: edited');
  });
});

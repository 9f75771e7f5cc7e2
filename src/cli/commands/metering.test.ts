import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createOperator, issueOperatorToken } from '../../server/testing/operator-token.ts';
import { greenmfgBin as bin, makeTestDataDir, runGreenmfg as greenmfg } from '../testing/run-greenmfg.ts';

describe('greenmfg meter and ingest', () => {
  it('registers a meter, ingests a file (valid rows stored, bad rows named, exit 2), and is idempotent', async () => {
    const place = await makeTestDataDir('greenmfg-cli-metering-');
    onTestFinished(() => place.dispose());
    const add = await greenmfg(
      place,
      'meter',
      'add',
      '--id',
      'e1',
      '--factory',
      'f1',
      '--medium',
      'electricity',
      '--unit',
      'kWh',
      '--interval',
      '3600',
    );
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('registered meter e1');
    const bad = await greenmfg(
      place,
      'meter',
      'add',
      '--id',
      'e2',
      '--factory',
      'f1',
      '--medium',
      'moonlight',
      '--unit',
      'kWh',
      '--interval',
      '60',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('field "medium"');
    const file = join(place.dir, 'readings.csv');
    writeFileSync(
      file,
      [
        'meter,ts,value',
        ...Array.from(
          { length: 48 },
          (_, h) => `e1,${new Date(Date.UTC(2024, 0, 1, h + 1)).toISOString()},${h}`,
        ),
        'e1,2024-01-05T00:00:00Z,NaN',
        'nope,2024-01-05T00:00:00Z,1',
      ].join('\n'),
    );
    const first = await greenmfg(place, 'ingest', file);
    expect(first.code).toBe(2);
    expect(first.stdout).toContain('50 rows, 48 stored, 0 already stored, 2 rejected');
    expect(first.stderr).toContain('row 50: not-finite: field "value"');
    expect(first.stderr).toContain('row 51: unknown-meter: field "meter"');
    const again = await greenmfg(place, 'ingest', file, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ stored: 0, duplicates: 48 });
    // In batches of 5 rows, a file with a byte-order mark, CRLF line ends, no line end after the
    // last row and bad rows in several batches: every row read once, each bad one named by its line.
    const crlf = join(place.dir, 'crlf.csv');
    const hour = (h: number) => `2024-02-01T${String(h).padStart(2, '0')}:00:00Z`;
    const rows = Array.from({ length: 23 }, (_, h) => `e1,${hour(h + 1)},${h + 1}`);
    rows[6] = 'e1,2024-02-01T07:00:00Z,-1';
    rows[13] = 'e1,2024-02-01T14:30:00Z,5';
    rows[22] = 'e9,2024-02-01T23:00:00Z,5';
    writeFileSync(crlf, `\ufeffmeter,ts,value\r\n${rows.join('\r\n')}`);
    const batched = await greenmfg(place, 'ingest', crlf, '--batch', '5', '--json');
    expect(batched.code).toBe(2);
    expect(JSON.parse(batched.stdout)).toMatchObject({ received: 23, stored: 20 });
    expect(batched.stderr).toContain('row 8: negative: field "value"');
    expect(batched.stderr).toContain('row 15: misaligned: field "ts"');
    expect(batched.stderr).toContain('row 24: unknown-meter: field "meter"');
    const list = await greenmfg(place, 'meter', 'list', '--json');
    expect((JSON.parse(list.stdout) as { id: string }[]).map((m) => m.id)).toContain('e1');
  }, 180_000);

  it('says plainly that a data directory held by a running server must go through its API, and does with --server and a token', async () => {
    const place = await makeTestDataDir('greenmfg-cli-locked-');
    onTestFinished(() => place.dispose());
    await createOperator(place.env);
    const server = spawn(process.execPath, [bin, 'start'], {
      env: {
        ...process.env,
        ...place.env,
        PORT: '0',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((res, rej) => {
        let out = '';
        server.stderr.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /serving on (http:\/\/\S+)/.exec(out);
          if (m?.[1]) res(m[1]);
        });
        server.on('exit', () => rej(new Error(out)));
      });
      const locked = await greenmfg(place, 'meter', 'list');
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain('GM_DATA_DIR_LOCKED');
      expect(locked.stderr).toContain('--server');
      // Metering is enterprise data: without a token the server refuses, and the command says how.
      const anonymous = await greenmfg(place, 'meter', 'list', '--server', url);
      expect(anonymous.code).toBe(1);
      expect(anonymous.stderr).toContain('GM_UNAUTHENTICATED');
      expect(anonymous.stderr).toContain('GREENMFG_TOKEN');
      const token = await issueOperatorToken(url);
      const viaApi = await greenmfg(place, 'meter', 'list', '--server', url, '--token', token);
      expect(viaApi.code).toBe(0);
      expect(viaApi.stdout).toContain('demo-steel-electricity');
      const file = join(place.dir, 'more.csv');
      writeFileSync(file, 'meter,ts,value\ndemo-steel-electricity,2019-06-01T00:15:00Z,1\n');
      const withEnvToken = { ...place, env: { ...place.env, GREENMFG_TOKEN: token } };
      const ingested = await greenmfg(withEnvToken, 'ingest', file, '--server', url);
      expect(ingested.stdout).toContain('1 rows, 1 stored');
      expect(ingested.code).toBe(0);
      const refused = await greenmfg(place, 'ingest', file, '--server', url, '--token', 'gmt_not-a-token');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('GM_UNAUTHENTICATED');
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  }, 180_000);
});

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testDatabaseUrl } from '../../store/contract/test-backends.ts';

/** The `greenmfg` entry point, for tests that start the real command. */
export const greenmfgBin = resolve(import.meta.dirname, '../../../bin/greenmfg.js');

/**
 * Where one test's `greenmfg` processes keep their data: a fresh data directory, and the registry
 * database the suite runs on (a schema of its own on PostgreSQL under GREENMFG_TEST_PG, else the
 * SQLite file in the directory). `env` is what a spawned process needs; `dispose` removes both.
 */
export interface TestDataDir {
  readonly dir: string;
  readonly databaseUrl: string;
  readonly env: { readonly GREENMFG_DATA_DIR: string; readonly GREENMFG_DATABASE_URL: string };
  readonly dispose: () => Promise<void>;
}

/** Makes a data directory (under the system temp folder, named with `prefix`) and its database. */
export async function makeTestDataDir(prefix: string): Promise<TestDataDir> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const database = await testDatabaseUrl(dir);
  return {
    dir,
    databaseUrl: database.url,
    env: { GREENMFG_DATA_DIR: dir, GREENMFG_DATABASE_URL: database.url },
    async dispose() {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the real `greenmfg` command on a test data directory, feeding `input` to its standard
 * input, and returns its exit code and what it printed.
 */
export function runGreenmfgWithInput(
  place: TestDataDir,
  input: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [greenmfgBin, ...args],
      { env: { ...process.env, ...place.env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

/** Runs the real `greenmfg` command on a test data directory with nothing on its standard input. */
export function runGreenmfg(
  place: TestDataDir,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return runGreenmfgWithInput(place, '', ...args);
}

import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The `greenmfg` entry point, for tests that start the real command. */
export const greenmfgBin = resolve(import.meta.dirname, '../../../bin/greenmfg.js');

/**
 * Runs the real `greenmfg` command on its own data directory (embedded database, whatever the
 * environment says) and returns its exit code and what it printed.
 */
export async function runGreenmfg(
  dataDir: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [greenmfgBin, ...args], {
      env: { ...process.env, GREENMFG_DATA_DIR: dataDir, GREENMFG_DATABASE_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

// Starts the real server (the same `greenmfg start` a user runs) on a fresh data directory and a
// free port, and Debian's chromium through playwright-core.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const artifactsDir = join(repoRoot, 'test-artifacts', 'web');

/** Builds web/dist if it is missing or older than its sources (what `npm start` does). */
export function buildWebIfStale(): void {
  const r = spawnSync(process.execPath, [join(repoRoot, 'web/scripts/build-web.js'), '--if-stale'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('building the web console failed');
}

export interface RunningServer {
  readonly url: string;
  readonly log: string[];
  readonly stop: () => Promise<void>;
}

/** Runs `node bin/greenmfg.js start` on a new data directory; resolves once it serves. */
export function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'greenmfg-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'bin/greenmfg.js'), 'start'], {
    env: { ...process.env, GREENMFG_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log.join('')}`)), 150_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log.push(text);
      const m = /serving on (http:\/\/[^\s]+)/.exec(text);
      if (m?.[1]) {
        clearTimeout(timer);
        resolvePromise({
          url: m[1],
          log,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)}:\n${log.join('')}`));
    });
  });
}

/** Debian's chromium (CHROMIUM_PATH to override); the suite never downloads a browser. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `no chromium at ${executablePath}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`,
    );
  }
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

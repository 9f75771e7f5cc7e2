// Starts the real server (the same `greenmfg start` a user runs) on a fresh data directory and a
// free port, and Debian's chromium through playwright-core.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  request,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core';

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
  /** The server's data directory (GREENMFG_DATA_DIR), for CLI commands against it. */
  readonly dataDir: string;
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
          dataDir,
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

/** A new browser context and page; page errors and console errors are collected in `errors`. */
export async function openPage(
  browser: Browser,
  locale: string,
  viewport = { width: 1366, height: 900 },
): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ locale, viewport });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // A refusal the screen words in plain language (401 signed out, 403 another tenant's metered
    // data) is an answer, not an error; the browser still logs the failed load.
    if (m.type() === 'error' && !/^Failed to load resource: .* status of 40[13] /.test(m.text()))
      errors.push(m.text());
  });
  return { ctx, page, errors };
}

/** Keeps a full-page screenshot as a test artefact (test-artifacts/web/NAME.png). */
export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });

/** Runs the real `greenmfg` command against a server's data directory; resolves with its output or rejects. */
export function runCli(dataDir: string, args: readonly string[], stdin = ''): string {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin/greenmfg.js'), ...args], {
    env: { ...process.env, GREENMFG_DATA_DIR: dataDir },
    input: stdin,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`greenmfg ${args.join(' ')} exited ${String(r.status)}:\n${r.stderr}`);
  return r.stdout;
}

/** An HTTP client signed in as one account (session cookie), sending the CSRF token with its writes. */
export interface ApiSession {
  readonly get: <T>(path: string) => Promise<T>;
  readonly post: <T>(path: string, body: unknown) => Promise<T>;
  readonly close: () => Promise<void>;
}

/** Signs in over the API, as the console does, and returns a client for that account. */
export async function apiSession(url: string, email: string, password: string): Promise<ApiSession> {
  const api: APIRequestContext = await request.newContext({ baseURL: url });
  const login = await api.post('/api/v1/auth/login', { data: { email, password } });
  if (!login.ok()) throw new Error(`sign-in of ${email} failed: ${login.status()} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const answer = async <T>(res: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<T> => {
    if (!res.ok()) throw new Error(`${what} failed: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    get: async <T>(path: string) => answer<T>(await api.get(path), `GET ${path}`),
    post: async <T>(path: string, body: unknown) =>
      answer<T>(await api.post(path, { data: body, headers: { 'x-csrf-token': csrfToken } }), `POST ${path}`),
    close: () => api.dispose(),
  };
}

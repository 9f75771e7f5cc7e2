import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../../../bin/greenmfg.js');

export const operator = { email: 'operator@example.cn', password: 'a long enough operator password' };

/** Makes the national administrator `operator` with the real `greenmfg admin create` (environment: the data directory and database). */
export async function createOperator(env: Readonly<Record<string, string>>): Promise<void> {
  await run(
    process.execPath,
    [bin, 'admin', 'create', '--email', operator.email, '--password', operator.password],
    { env: { ...process.env, ...env } },
  );
}

/**
 * Signs `operator` in to a running server and issues an API token, as a meter gateway's operator
 * would: login (session cookie and CSRF token), then POST /api/v1/auth/tokens with both.
 */
export async function issueOperatorToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(operator),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const issued = await fetch(`${url}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'meter gateway' }),
  });
  if (issued.status !== 201) throw new Error(`token failed: ${issued.status} ${await issued.text()}`);
  return ((await issued.json()) as { token: string }).token;
}

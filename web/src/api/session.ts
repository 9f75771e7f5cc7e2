import { useSyncExternalStore } from 'react';
import { ApiError, getJson, sendJson } from './client.ts';
import type { Account, Principal } from './contract.ts';
import { forgetAnswers } from './use-api.ts';

/** GET /api/v1/auth/me: who is signed in (the public role and no account when nobody is). */
export interface Me {
  readonly principal: Principal;
  readonly account: Account | null;
}

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: Error }
  | { readonly status: 'ok'; readonly me: Me };

let state: SessionState = { status: 'loading' };
let started = false;
// The CSRF token of this session, for cookie-authenticated writes; fetched again after a reload.
let csrfToken: string | null = null;
const listeners = new Set<() => void>();

const set = (next: SessionState) => {
  state = next;
  for (const l of listeners) l();
};

/** Asks the server who is signed in (the session cookie is httpOnly, so only the server knows). */
export function refreshSession(): Promise<void> {
  started = true;
  return getJson<Me>('/api/v1/auth/me').then(
    (me) => set({ status: 'ok', me }),
    (e: unknown) => set({ status: 'error', error: e instanceof Error ? e : new Error(String(e)) }),
  );
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  if (!started) void refreshSession();
  return () => listeners.delete(l);
};

/** The signed-in account (or the public), shared by every component and read once per page load. */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}

interface LoginAnswer {
  readonly account: Account;
  readonly csrfToken: string;
}

/** Signs in with e-mail and password; what the console shows is read again for the new account. */
export async function signIn(email: string, password: string): Promise<void> {
  const answer = await sendJson<LoginAnswer>('/api/v1/auth/login', { email, password });
  csrfToken = answer.csrfToken;
  forgetAnswers();
  await refreshSession();
}

/** Signs out: the server ends the session and clears its cookie. */
export async function signOut(): Promise<void> {
  await send('/api/v1/auth/logout', {});
  csrfToken = null;
  forgetAnswers();
  await refreshSession();
}

/**
 * A write as the signed-in account: sends the CSRF token (asking the server for one first if this
 * page has none yet) and retries once with a fresh token when the server refuses the old one.
 */
export async function send<T>(url: string, body: unknown, method: 'POST' | 'PATCH' = 'POST'): Promise<T> {
  csrfToken ??= (await getJson<{ csrfToken: string }>('/api/v1/auth/csrf')).csrfToken;
  try {
    return await sendJson<T>(url, body, { csrfToken, method });
  } catch (e) {
    if (!(e instanceof ApiError) || e.body?.code !== 'GM_CSRF') throw e;
    csrfToken = (await getJson<{ csrfToken: string }>('/api/v1/auth/csrf')).csrfToken;
    return sendJson<T>(url, body, { csrfToken, method });
  }
}

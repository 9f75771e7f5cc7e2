import { useEffect, useState } from 'react';
import { getJson } from './client.ts';

/** The state of one API read: loading, failed (with the error) or loaded. */
export type ApiState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: Error }
  | { readonly status: 'ok'; readonly data: T };

// Answers kept for the session (the registry changes with a new list, not while one reads it), and
// requests in flight shared by every component that asks for the same URL.
const answers = new Map<string, unknown>();
const inFlight = new Map<string, Promise<unknown>>();
const maxAnswers = 300;

/** Starts (or joins) the read of a URL; the answer is remembered for later readers. */
export function fetchShared<T>(url: string): Promise<T> {
  if (answers.has(url)) return Promise.resolve(answers.get(url) as T);
  const running = inFlight.get(url);
  if (running) return running as Promise<T>;
  const p = getJson<T>(url).then(
    (data) => {
      inFlight.delete(url);
      answers.set(url, data);
      if (answers.size > maxAnswers) answers.delete(answers.keys().next().value as string);
      return data;
    },
    (error: unknown) => {
      inFlight.delete(url);
      throw error;
    },
  );
  inFlight.set(url, p);
  return p;
}

/** Starts reading URLs before any component asks, so the data and the code load side by side. */
export function prefetch(urls: readonly string[]): void {
  for (const url of urls) fetchShared(url).catch(() => undefined);
}

/**
 * Drops remembered answers (all, or those whose URL starts with a prefix): after signing in or out
 * what the API shows changes with who asks, and after a write the written resource changes.
 */
export function forgetAnswers(prefix = ''): void {
  for (const url of [...answers.keys()]) if (url.startsWith(prefix)) answers.delete(url);
}

const known = <T>(url: string | null): ApiState<T> =>
  url !== null && answers.has(url) ? { status: 'ok', data: answers.get(url) as T } : { status: 'loading' };

/**
 * Reads a JSON resource and follows URL changes. A null URL reads nothing. Changing `reloadKey`
 * reads the URL again (after a write that changed it).
 */
export function useApi<T>(url: string | null, reloadKey = 0): ApiState<T> {
  const [state, setState] = useState<{ url: string | null; value: ApiState<T> }>(() => ({
    url,
    value: known<T>(url),
  }));
  useEffect(() => {
    if (url === null) return;
    let live = true;
    if (reloadKey !== 0) answers.delete(url);
    if (answers.has(url)) {
      setState({ url, value: known<T>(url) });
      return;
    }
    // Reading again after a write keeps what is shown until the new answer arrives, so that the
    // forms below it (and what they say, "sent") stay in place.
    setState((prev) =>
      reloadKey !== 0 && prev.url === url && prev.value.status === 'ok'
        ? prev
        : { url, value: { status: 'loading' } },
    );
    fetchShared<T>(url).then(
      (data) => {
        if (live) setState({ url, value: { status: 'ok', data } });
      },
      (error: unknown) => {
        if (live)
          setState({
            url,
            value: { status: 'error', error: error instanceof Error ? error : new Error(String(error)) },
          });
      },
    );
    return () => {
      live = false;
    };
  }, [url, reloadKey]);
  return state.url === url ? state.value : known<T>(url);
}

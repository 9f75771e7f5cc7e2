/**
 * Reuses a computation's answer for `ttlMs`. After that, the next caller still gets the last answer
 * at once while a fresh one is computed beside it (stale while revalidate), so no reader waits on
 * the computation after the first. A failed computation is not kept: the next caller tries again.
 */
export function cachedFor<T>(
  compute: () => Promise<T>,
  ttlMs: number,
  now: () => number = Date.now,
): () => Promise<T> {
  let kept: { readonly answer: Promise<T>; readonly at: number } | null = null;
  let refreshing = false;
  const start = () => {
    const entry = { answer: compute(), at: now() };
    entry.answer.catch(() => {
      if (kept === entry) kept = null;
    });
    return entry;
  };
  return () => {
    if (kept === null) {
      kept = start();
      return kept.answer;
    }
    if (now() - kept.at >= ttlMs && !refreshing) {
      refreshing = true;
      const next = start();
      next.answer.then(
        () => {
          kept = next;
          refreshing = false;
        },
        () => {
          refreshing = false;
        },
      );
    }
    return kept.answer;
  };
}

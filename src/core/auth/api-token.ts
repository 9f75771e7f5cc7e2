/**
 * Bearer tokens for machines (meters, PACT clients) and session tokens for browsers share one
 * shape: a prefix that says which, then 32 random bytes in base64url. Only their SHA-256 is
 * stored, so a database leak does not leak usable credentials.
 */

export type SecretKind = 'api' | 'session';

const prefixes: Record<SecretKind, string> = { api: 'gmt_', session: 'gms_' };

/** Formats random bytes as a secret of the given kind. */
export function formatSecret(kind: SecretKind, random: Uint8Array): string {
  let bin = '';
  for (const b of random) bin += String.fromCharCode(b);
  return prefixes[kind] + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Whether a presented string has the shape of a secret of the given kind (no look-up yet). */
export function looksLikeSecret(kind: SecretKind, value: string): boolean {
  return value.startsWith(prefixes[kind]) && /^[A-Za-z0-9_-]{40,60}$/.test(value.slice(4));
}

/** The token of an `Authorization: Bearer …` header, or null when the header is absent or of another scheme. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

/** How long a browser session lives at most (an absolute timeout, OWASP session management). */
export const sessionLifetime = Object.freeze({ absoluteHours: 12 });

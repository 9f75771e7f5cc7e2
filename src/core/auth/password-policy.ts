import type { FieldIssue } from '../errors.ts';

/**
 * Password rules: long enough to resist guessing at argon2id's cost, short enough that nobody can
 * make the server hash megabytes (NIST SP 800-63B §5.1.1.2: at least 8, allow at least 64).
 */
export const passwordPolicy = Object.freeze({ minLength: 12, maxLength: 256 });

/** Lists what is wrong with a proposed password (empty when it is acceptable). */
export function checkPassword(password: string, field = 'password'): FieldIssue[] {
  const length = [...password].length;
  if (length < passwordPolicy.minLength)
    return [{ field, message: `must be at least ${passwordPolicy.minLength} characters` }];
  if (length > passwordPolicy.maxLength)
    return [{ field, message: `must be at most ${passwordPolicy.maxLength} characters` }];
  if (password.trim().length === 0) return [{ field, message: 'must not be blank' }];
  return [];
}

const emailPattern = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,60}$/;

/** Normalises an e-mail address to the form accounts are keyed by (trimmed, lower case), or null if malformed. */
export function normaliseEmail(email: string): string | null {
  const e = email.trim().toLowerCase();
  return emailPattern.test(e) ? e : null;
}

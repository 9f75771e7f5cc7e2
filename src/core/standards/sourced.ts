/**
 * Every number in a standard carries where it came from and how sure we are of it
 * (domain.md, "How to read this document"): C = confirmed in a primary text, S = secondary,
 * U = unconfirmed. A U value is loaded with `verified: false` and every result that uses it says so.
 */
export type Tag = 'C' | 'S' | 'U';

/** A value with its unit (if any), its source and its confidence tag. */
export interface Sourced<T> {
  readonly value: T;
  readonly unit: string | null;
  readonly source: string;
  readonly tag: Tag;
  /** False exactly when the tag is 'U'. */
  readonly verified: boolean;
}

/** Wraps a value with its source and tag; `verified` follows the tag so the two cannot disagree. */
export function sourced<T>(value: T, tag: Tag, source: string, unit: string | null = null): Sourced<T> {
  return { value, unit, source, tag, verified: tag !== 'U' };
}

/** True when a sourced value exists and is unverified (tag 'U'). */
export function isUnverified(value: Sourced<unknown> | null | undefined): boolean {
  return value !== null && value !== undefined && !value.verified;
}

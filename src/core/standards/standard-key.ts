import { GmError } from '../errors.ts';

/** Builds the registry key of a standard edition, e.g. `GB/T 36132@2025`. */
export function standardKey(id: string, version: string): string {
  return `${id}@${version}`;
}

/** Splits a key of the form `id@version` into its parts; the version is after the last `@`. */
export function parseStandardKey(key: string): { readonly id: string; readonly version: string } {
  const at = key.lastIndexOf('@');
  if (at <= 0 || at === key.length - 1) {
    throw new GmError('GM_VALIDATION', `Invalid standard key "${key}": expected ID@VERSION`, {
      issues: [{ field: 'standard', message: 'expected ID@VERSION', value: key }],
    });
  }
  return { id: key.slice(0, at), version: key.slice(at + 1) };
}

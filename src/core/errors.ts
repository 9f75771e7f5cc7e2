/**
 * The closed catalog of domain errors. Each has a stable code that the API, the CLI and the docs
 * (docs/errors.md) use; HTTP status and CLI exit codes are chosen at the edges, never here.
 */
export const errorCatalog = {
  GM_VALIDATION: 'Input failed validation; details name the offending field (and row, for files).',
  GM_NOT_FOUND: 'The requested entity does not exist.',
  GM_CONFLICT: 'The request conflicts with stored data.',
  GM_UNIT_MISMATCH: 'A quantity was given in a unit that does not fit the operation.',
  GM_COEFFICIENT_NOT_FOUND: 'No conversion coefficient or emission factor is known for the requested key.',
  GM_STANDARD_NOT_FOUND: 'No standard with that id and version is loaded.',
  GM_REGION_UNKNOWN: 'A region name or code could not be mapped to GB/T 2260.',
  GM_INDUSTRY_UNKNOWN: 'An industry name or code could not be mapped to GB/T 4754-2017.',
  GM_DATA_DIR_LOCKED: 'The data directory is held by a running server; use its API instead.',
  GM_CONFIG: 'The configuration (environment variables or flags) is invalid.',
  GM_SINGULAR: 'A linear system is singular (for example I - A of a supply network).',
  GM_UNAUTHENTICATED: 'The request carries no valid session or API token, or the credentials are wrong.',
  GM_FORBIDDEN: "The caller's role or region does not allow this action on this record.",
  GM_CSRF: 'A cookie-authenticated write lacks a valid CSRF token (header x-csrf-token).',
  GM_RATE_LIMITED: 'Too many attempts; wait and retry.',
  GM_INVALID_TRANSITION: 'The declaration is not in a state from which this action can be taken.',
  GM_DEADLINE_PASSED: 'A programme deadline for this action has passed.',
  GM_QUOTA_EXCEEDED:
    'A programme quota would be exceeded (for example the agency cap of 15 national evaluations a year).',
  GM_NEGATIVE_LIST: 'The enterprise is on the negative list (art. 15) and may not proceed.',
  GM_TELEMETRY_UNAVAILABLE:
    'The telemetry cluster cannot take the write or answer the read in full right now; nothing was acknowledged: retry.',
  GM_INTERNAL: 'An unexpected internal error.',
} as const;

export type ErrorCode = keyof typeof errorCatalog;

/** One problem with one field of the input, optionally at a row of a file or an index of a batch. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
  readonly row?: number;
  readonly value?: unknown;
}

/** A domain error: a stable code, a human message and structured details. */
export class GmError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'GmError';
    this.code = code;
    this.details = details;
  }
}

/** Builds the validation error for a list of field issues, naming the first in the message. */
export function validationError(issues: readonly FieldIssue[], what = 'input'): GmError {
  const first = issues[0];
  const where = first
    ? `${first.row === undefined ? '' : `row ${first.row}, `}field "${first.field}": ${first.message}`
    : 'no details';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new GmError('GM_VALIDATION', `Invalid ${what}: ${where}${more}`, { issues });
}

/** Narrows an unknown thrown value to a GmError. */
export function isGmError(value: unknown): value is GmError {
  return value instanceof GmError;
}

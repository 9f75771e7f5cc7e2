/**
 * Confidence tag of a value, as defined in domain.md ("How to read this document"): C confirmed in a
 * primary text, S secondary source, U unconfirmed placeholder.
 */
export type Tag = 'C' | 'S' | 'U';

/** `verified` is false exactly when the tag is U; the type makes the other pairings unwritable. */
export type Verification =
  { readonly tag: 'C' | 'S'; readonly verified: true } | { readonly tag: 'U'; readonly verified: false };

/** Where a value comes from and how far it can be trusted. */
export type Provenance = Verification & {
  /** The document or standard (with clause where known) and the source cited in domain.md. */
  readonly source: string;
  readonly year?: number;
  readonly scope?: string;
  readonly method?: string;
  readonly documentNumber?: string;
  /** Publication date as known: 'YYYY-MM-DD', or 'YYYY-MM' when only the month is known. */
  readonly published?: string;
  readonly note?: string;
};

/** A single sourced number with its unit. */
export type SourcedValue<U extends string = string> = Provenance & {
  readonly value: number;
  readonly unit: U;
};

/** A closed interval, for rows that the source gives as a range. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** A sourced range with its unit; no midpoint is implied. */
export type SourcedRange<U extends string = string> = Provenance & {
  readonly value: Range;
  readonly unit: U;
};

/** Tells whether a sourced value is a range rather than a single number. */
export function isRange<U extends string>(v: SourcedValue<U> | SourcedRange<U>): v is SourcedRange<U> {
  return typeof v.value === 'object';
}

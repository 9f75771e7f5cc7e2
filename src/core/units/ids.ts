import { validationError } from '../errors.ts';

declare const idBrand: unique symbol;

/** The kinds of entity that carry branded ids. */
export const idKinds = ['factory', 'enterprise', 'park', 'product', 'region', 'industry', 'meter'] as const;

/** One kind of entity id. */
export type IdKind = (typeof idKinds)[number];

/** A string id branded with its entity kind: a factory id is not a product id (STYLE.md, habit 5). */
export type Id<K extends IdKind> = string & { readonly [idBrand]: K };

/** A green factory (site) id. */
export type FactoryId = Id<'factory'>;
/** An enterprise (legal entity) id. */
export type EnterpriseId = Id<'enterprise'>;
/** An industrial park id. */
export type ParkId = Id<'park'>;
/** A (green design) product id. */
export type ProductId = Id<'product'>;
/** A region id (typically a GB/T 2260 code). */
export type RegionId = Id<'region'>;
/** An industry id (typically a GB/T 4754-2017 code). */
export type IndustryId = Id<'industry'>;
/** A meter id. */
export type MeterId = Id<'meter'>;

const maxIdLength = 200;

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Validates a raw value as an id of the given kind (a non-empty string of at most 200 characters, no
 * surrounding spaces, no control characters) and brands it; fails with GM_VALIDATION.
 */
export function parseId<K extends IdKind>(kind: K, raw: unknown, field = `${kind}Id`): Id<K> {
  let problem: string | undefined;
  if (typeof raw !== 'string') problem = 'must be a string';
  else if (raw.length === 0) problem = 'must not be empty';
  else if (raw.length > maxIdLength) problem = `must be at most ${maxIdLength} characters`;
  else if (raw.trim() !== raw) problem = 'must not start or end with spaces';
  else if (hasControlCharacter(raw)) problem = 'must not contain control characters';
  if (problem !== undefined) throw validationError([{ field, message: problem, value: raw }], `${kind} id`);
  return raw as Id<K>;
}

/** Brands a string as a factory id. */
export function factoryId(raw: string): FactoryId {
  return parseId('factory', raw);
}
/** Brands a string as an enterprise id. */
export function enterpriseId(raw: string): EnterpriseId {
  return parseId('enterprise', raw);
}
/** Brands a string as a park id. */
export function parkId(raw: string): ParkId {
  return parseId('park', raw);
}
/** Brands a string as a product id. */
export function productId(raw: string): ProductId {
  return parseId('product', raw);
}
/** Brands a string as a region id. */
export function regionId(raw: string): RegionId {
  return parseId('region', raw);
}
/** Brands a string as an industry id. */
export function industryId(raw: string): IndustryId {
  return parseId('industry', raw);
}
/** Brands a string as a meter id. */
export function meterId(raw: string): MeterId {
  return parseId('meter', raw);
}

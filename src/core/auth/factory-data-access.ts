import { regionCovers, type Principal } from './principal.ts';

/** Who owns a factory's data: its enterprise and the region that administers it. */
export interface FactoryOwner {
  readonly enterpriseId: string;
  readonly regionCode: string | null;
}

/**
 * Whether a principal may read or write a factory's enterprise data (meters, readings, metered
 * accounts): the enterprise that owns the factory, and programme administrators whose region covers
 * the factory's. A factory the registry does not know (`owner` undefined) has no enterprise and no
 * region, so only the national level reaches it ("a unit with no known region is national business").
 * Agencies, park operators and the public never do: metered data is not published.
 */
export function canAccessFactoryData(p: Principal, owner: FactoryOwner | undefined): boolean {
  switch (p.kind) {
    case 'enterprise':
      return owner !== undefined && owner.enterpriseId === p.enterpriseId;
    case 'admin':
      return regionCovers(p.level, p.regionCode, owner?.regionCode ?? null);
    case 'public':
    case 'agency':
    case 'park_operator':
      return false;
  }
}

/**
 * Provincial and municipal green factories as listings of their own (工信部节〔2024〕13号: three
 * tiers of green factory, national, provincial and municipal [C]; domain.md §1.5). Provinces and
 * cities run their tiers; the national list is the declaration workflow's. A listing is published:
 * anyone may read the current ones. Removal uses the tier model's triggers (benchmark/tiers.ts).
 */
import { levelAtLeast, regionCovers, type AdminLevel, type Principal } from '../auth/principal.ts';
import type { TierRemovalTrigger } from '../benchmark/tiers.ts';

export type LocalTier = 'provincial' | 'municipal';

export const localTiers: readonly LocalTier[] = ['provincial', 'municipal'];

/** One factory listed at a provincial or municipal tier. */
export interface TierListing {
  readonly id: string;
  readonly tier: LocalTier;
  readonly factoryId: string;
  readonly factoryName: string;
  readonly enterpriseId: string;
  /** The factory's GB/T 2260 region, and its province. */
  readonly regionCode: string;
  readonly provinceCode: string;
  /** The civil date (China Standard Time) the listing took effect. */
  readonly listedOn: string;
  readonly listedBy: string;
  readonly removedOn: string | null;
  readonly removalTrigger: TierRemovalTrigger | null;
  readonly version: number;
}

/** The lowest administrator level that runs a tier: a province its provincial list, a city its municipal one. */
export const tierOwnerLevel: Readonly<Record<LocalTier, AdminLevel>> = {
  provincial: 'province',
  municipal: 'city',
};

/**
 * Whether a principal may list or remove a factory at a tier: an administrator at the tier's level
 * or above (the nation over every tier, a province over its cities' lists) whose region covers the
 * factory's region.
 */
export function canManageTier(p: Principal, tier: LocalTier, regionCode: string): boolean {
  return (
    p.kind === 'admin' &&
    levelAtLeast(p.level, tierOwnerLevel[tier]) &&
    regionCovers(p.level, p.regionCode, regionCode)
  );
}

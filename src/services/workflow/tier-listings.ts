import type { Principal } from '../../core/auth/principal.ts';
import { tierRemovalTriggers, type TierRemovalTrigger } from '../../core/benchmark/tiers.ts';
import { GmError, validationError } from '../../core/errors.ts';
import type { Page, Registry, TierListings } from '../../core/ports.ts';
import { isCalendarDate } from '../../core/workflow/civil-date.ts';
import { canManageTier, type LocalTier, type TierListing } from '../../core/workflow/tier-listing.ts';
import { requireAdmin } from '../auth/accounts.ts';
import { recordAudit } from './audit.ts';
import { checkNegativeList, todayOf, type WorkflowPorts } from './declaration-context.ts';

/** What the tier use cases draw on. */
export type TierPorts = Pick<WorkflowPorts, 'transaction' | 'clock' | 'random' | 'negativeList'> & {
  readonly tierListings: TierListings;
  readonly registry: Pick<Registry, 'getFactory'>;
};

/** The current listings of a tier (published: anyone may read them), optionally of one region. */
export function listTier(
  ports: Pick<TierPorts, 'tierListings'>,
  query: {
    tier: LocalTier;
    region?: string;
    q?: string;
    includeRemoved?: boolean;
    page: number;
    pageSize: number;
  },
): Promise<Page<TierListing>> {
  const { region, ...rest } = query;
  // A province code matches its first two digits, a city code its first four, a county all six.
  const prefix = region === undefined ? undefined : region.replace(/(00)+$/, '');
  return ports.tierListings.list({ ...rest, ...(prefix === undefined ? {} : { regionPrefix: prefix }) });
}

const dateArg = (text: string | undefined, field: string, today: string): string => {
  if (text === undefined) return today;
  if (!isCalendarDate(text))
    throw validationError([{ field, message: 'must be a date YYYY-MM-DD', value: text }]);
  if (text > today) throw validationError([{ field, message: 'must not lie in the future', value: text }]);
  return text;
};

const refused = (p: Principal, tier: LocalTier, action: string) =>
  new GmError('GM_FORBIDDEN', `This administrator may not ${action} at the ${tier} tier of this region`, {
    field: 'tier',
    role: p.kind,
    action: `tier.${action}`,
  });

/**
 * Lists a registered factory at the provincial or municipal tier: by an administrator of the tier's
 * level or above whose region covers the factory, never while an art. 15 situation stands, once per
 * tier at a time. The listing and its audit entry are one transaction.
 */
export async function addTierListing(
  ports: TierPorts,
  principal: Principal,
  tier: LocalTier,
  input: { readonly factoryId: string; readonly listedOn?: string },
): Promise<TierListing> {
  requireAdmin(principal, `list factories at the ${tier} tier`);
  const factory = await ports.registry.getFactory(input.factoryId);
  if (!factory)
    throw new GmError('GM_NOT_FOUND', `No factory with id "${input.factoryId}"`, {
      field: 'factoryId',
      id: input.factoryId,
    });
  if (factory.regionCode === null || !canManageTier(principal, tier, factory.regionCode))
    throw refused(principal, tier, 'list');
  const listedOn = dateArg(input.listedOn, 'listedOn', todayOf(ports.clock));
  await checkNegativeList(ports, factory.enterpriseId);
  const listing: TierListing = {
    id: ports.random.id('tier'),
    tier,
    factoryId: factory.id,
    factoryName: factory.name,
    enterpriseId: factory.enterpriseId,
    regionCode: factory.regionCode,
    provinceCode: `${factory.regionCode.slice(0, 2)}0000`,
    listedOn,
    listedBy: principal.accountId,
    removedOn: null,
    removalTrigger: null,
    version: 1,
  };
  return ports.transaction(async (tx) => {
    if (await tx.tierListings.currentOf(tier, factory.id))
      throw new GmError('GM_CONFLICT', `The factory is already listed at the ${tier} tier`, {
        field: 'factoryId',
        id: factory.id,
      });
    await tx.tierListings.add(listing);
    await recordAudit({ auditLog: tx.auditLog, clock: ports.clock }, principal, {
      action: `tier.${tier}.list`,
      targetKind: 'tier_listing',
      targetId: listing.id,
      enterpriseId: listing.enterpriseId,
      before: null,
      after: listing,
    });
    return listing;
  });
}

/** Removes a factory from a provincial or municipal list, with one of the tier model's removal triggers. */
export async function removeTierListing(
  ports: TierPorts,
  principal: Principal,
  tier: LocalTier,
  id: string,
  input: { readonly trigger: string; readonly removedOn?: string },
): Promise<TierListing> {
  requireAdmin(principal, `remove factories from the ${tier} tier`);
  const before = await ports.tierListings.get(id);
  if (!before || before.tier !== tier)
    throw new GmError('GM_NOT_FOUND', `No ${tier} listing with id "${id}"`, { field: 'id', id });
  if (!canManageTier(principal, tier, before.regionCode)) throw refused(principal, tier, 'remove');
  if (!Object.hasOwn(tierRemovalTriggers, input.trigger))
    throw validationError([
      {
        field: 'trigger',
        message: `must be one of ${Object.keys(tierRemovalTriggers).join(', ')}`,
        value: input.trigger,
      },
    ]);
  if (before.removedOn !== null)
    throw new GmError('GM_CONFLICT', `The listing was removed on ${before.removedOn}`, { field: 'id', id });
  const removedOn = dateArg(input.removedOn, 'removedOn', todayOf(ports.clock));
  if (removedOn < before.listedOn)
    throw validationError([
      { field: 'removedOn', message: 'must not precede the listing', value: removedOn },
    ]);
  const after: TierListing = {
    ...before,
    removedOn,
    removalTrigger: input.trigger as TierRemovalTrigger,
    version: before.version + 1,
  };
  return ports.transaction(async (tx) => {
    if (!(await tx.tierListings.update(after)))
      throw new GmError('GM_CONFLICT', 'The listing was changed by someone else; reload and retry', {
        field: 'id',
        id,
      });
    await recordAudit({ auditLog: tx.auditLog, clock: ports.clock }, principal, {
      action: `tier.${tier}.remove`,
      targetKind: 'tier_listing',
      targetId: id,
      enterpriseId: before.enterpriseId,
      before,
      after,
      details: { trigger: input.trigger },
    });
    return after;
  });
}

/**
 * Who is asking: the roles of the programme (PRODUCT.md, "Users") as one discriminated union. A
 * programme administrator is scoped to a region level (the nation, a province, a city); an
 * enterprise user to its enterprise; a park operator to its park; an evaluation agency to the
 * declarations assigned to it; the public sees published lists only.
 */

export type AdminLevel = 'national' | 'province' | 'city';

export const adminLevels: readonly AdminLevel[] = ['national', 'province', 'city'];

export type RoleName = 'admin' | 'agency' | 'enterprise' | 'park_operator';

export const roleNames: readonly RoleName[] = ['admin', 'agency', 'enterprise', 'park_operator'];

export interface PublicPrincipal {
  readonly kind: 'public';
}

export interface AdminPrincipal {
  readonly kind: 'admin';
  readonly accountId: string;
  readonly level: AdminLevel;
  /** GB/T 2260 code of the province or city administered; null for the national level. */
  readonly regionCode: string | null;
}

export interface AgencyPrincipal {
  readonly kind: 'agency';
  readonly accountId: string;
  readonly agencyId: string;
}

export interface EnterprisePrincipal {
  readonly kind: 'enterprise';
  readonly accountId: string;
  readonly enterpriseId: string;
}

export interface ParkOperatorPrincipal {
  readonly kind: 'park_operator';
  readonly accountId: string;
  readonly parkId: string;
}

export type Principal =
  PublicPrincipal | AdminPrincipal | AgencyPrincipal | EnterprisePrincipal | ParkOperatorPrincipal;

export type AccountPrincipal = Exclude<Principal, PublicPrincipal>;

export const publicPrincipal: PublicPrincipal = Object.freeze({ kind: 'public' });

const rank: Record<AdminLevel, number> = { city: 1, province: 2, national: 3 };

/** Whether an administrator level is at least another (national > province > city). */
export function levelAtLeast(level: AdminLevel, atLeast: AdminLevel): boolean {
  return rank[level] >= rank[atLeast];
}

/** The province code ("440000") of any six-digit GB/T 2260 code. */
export function provinceOf(regionCode: string): string {
  return `${regionCode.slice(0, 2)}0000`;
}

/**
 * Whether an administrator's region covers a unit's region: the nation covers everything; a
 * province the codes that share its first two digits; a city those sharing its first four (GB/T
 * 2260 codes are hierarchical by digit pairs). A unit with no known region is national business.
 */
export function regionCovers(level: AdminLevel, scope: string | null, target: string | null): boolean {
  if (level === 'national') return true;
  if (scope === null || target === null) return false;
  const digits = level === 'province' ? 2 : 4;
  return scope.slice(0, digits) === target.slice(0, digits);
}

/** Whether a six-digit code names a province, a city (prefecture) or a county, by its zero pairs. */
export function regionLevelOf(code: string): 'province' | 'city' | 'county' {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The account id behind a principal, or null for the public. */
export function accountIdOf(p: Principal): string | null {
  return p.kind === 'public' ? null : p.accountId;
}

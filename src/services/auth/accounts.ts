import { checkPassword, normaliseEmail } from '../../core/auth/password-policy.ts';
import {
  regionCovers,
  regionLevelOf,
  type AdminLevel,
  type Principal,
  type RoleName,
} from '../../core/auth/principal.ts';
import { GmError, validationError, type FieldIssue } from '../../core/errors.ts';
import type {
  Account,
  AccountQuery,
  Accounts,
  Agency,
  AuditLog,
  Clock,
  Page,
  PasswordHasher,
  RandomSource,
  RunInTransaction,
} from '../../core/ports.ts';
import { auditedWrite, recordAudit } from '../workflow/audit.ts';

/** What an administrator (or `greenmfg admin create`) supplies to make an account. */
export interface NewAccount {
  readonly email: string;
  readonly password: string;
  readonly displayName?: string;
  readonly role: RoleName;
  readonly level?: AdminLevel;
  readonly regionCode?: string;
  readonly enterpriseId?: string;
  readonly parkId?: string;
  readonly agencyId?: string;
}

type AccountPorts = {
  accounts: Accounts;
  hasher: PasswordHasher;
  random: RandomSource;
  clock: Clock;
  auditLog: AuditLog;
  transaction: RunInTransaction;
};

/** The principal an account acts as once authenticated. */
export function principalOf(a: Account): Principal {
  switch (a.role) {
    case 'admin':
      return { kind: 'admin', accountId: a.id, level: a.adminLevel ?? 'city', regionCode: a.regionCode };
    case 'agency':
      return { kind: 'agency', accountId: a.id, agencyId: a.agencyId ?? '' };
    case 'enterprise':
      return { kind: 'enterprise', accountId: a.id, enterpriseId: a.enterpriseId ?? '' };
    case 'park_operator':
      return { kind: 'park_operator', accountId: a.id, parkId: a.parkId ?? '' };
  }
}

/** Throws 401 for the public and 403 for anyone but an administrator. */
export function requireAdmin(
  principal: Principal,
  what: string,
): asserts principal is Extract<Principal, { kind: 'admin' }> {
  if (principal.kind === 'public')
    throw new GmError('GM_UNAUTHENTICATED', `Sign in to ${what}`, { field: 'authorization' });
  if (principal.kind !== 'admin')
    throw new GmError('GM_FORBIDDEN', `Only administrators may ${what}`, {
      field: 'authorization',
      role: principal.kind,
    });
}

/** Throws 401 unless an account is signed in. */
export function requireAccount(
  principal: Principal,
  what: string,
): asserts principal is Exclude<Principal, { kind: 'public' }> {
  if (principal.kind === 'public')
    throw new GmError('GM_UNAUTHENTICATED', `Sign in to ${what}`, { field: 'authorization' });
}

const forbidden = (message: string, field: string): GmError =>
  new GmError('GM_FORBIDDEN', message, { field, role: 'admin' });

/** Checks the shape of a new account and works out the region it belongs to. */
async function validateNewAccount(
  accounts: Accounts,
  input: NewAccount,
): Promise<{ email: string; regionCode: string | null }> {
  const issues: FieldIssue[] = [];
  const email = normaliseEmail(input.email);
  if (!email) issues.push({ field: 'email', message: 'is not an e-mail address' });
  issues.push(...checkPassword(input.password));
  let regionCode: string | null = input.regionCode ?? null;
  switch (input.role) {
    case 'admin':
      if (!input.level) issues.push({ field: 'level', message: 'is required for an administrator' });
      else if (input.level === 'national') {
        if (input.regionCode)
          issues.push({ field: 'region', message: 'must be absent for a national administrator' });
        regionCode = null;
      } else if (!input.regionCode)
        issues.push({ field: 'region', message: `is required for a ${input.level} administrator` });
      else if (regionLevelOf(input.regionCode) !== (input.level === 'province' ? 'province' : 'city'))
        issues.push({ field: 'region', message: `is not a ${input.level} code`, value: input.regionCode });
      break;
    case 'enterprise': {
      if (!input.enterpriseId) {
        issues.push({ field: 'enterpriseId', message: 'is required for an enterprise user' });
        break;
      }
      const region = await accounts.enterpriseRegion(input.enterpriseId);
      if (!region)
        issues.push({
          field: 'enterpriseId',
          message: 'names no registered enterprise',
          value: input.enterpriseId,
        });
      else regionCode = input.regionCode ?? region.regionCode ?? region.provinceCode;
      if (!regionCode && region)
        issues.push({ field: 'region', message: 'the enterprise has no region; give one' });
      break;
    }
    case 'park_operator':
      if (!input.parkId) issues.push({ field: 'parkId', message: 'is required for a park operator' });
      if (!input.regionCode) issues.push({ field: 'region', message: 'is required for a park operator' });
      break;
    case 'agency':
      if (!input.agencyId) issues.push({ field: 'agencyId', message: 'is required for an agency user' });
      else if (!(await accounts.getAgency(input.agencyId)))
        issues.push({ field: 'agencyId', message: 'names no agency', value: input.agencyId });
      regionCode = null;
      break;
  }
  if (issues.length) throw validationError(issues, 'account');
  return { email: email ?? '', regionCode };
}

/**
 * Creates an account on behalf of an administrator: the national level may create any account;
 * a province or city administrator only accounts within its region, and never agencies (MIIT
 * keeps the register of evaluators) or administrators at or above its own level.
 */
export async function createAccount(
  ports: AccountPorts,
  actor: Principal | { readonly kind: 'cli' },
  input: NewAccount,
): Promise<Account> {
  if (actor.kind !== 'cli') requireAdmin(actor, 'create accounts');
  const { email, regionCode } = await validateNewAccount(ports.accounts, input);
  if (actor.kind === 'admin' && actor.level !== 'national') {
    if (input.role === 'agency')
      throw forbidden('Only national administrators register agency users', 'role');
    if (
      input.role === 'admin' &&
      (input.level === 'national' || input.level === actor.level || input.level === 'province')
    )
      throw forbidden(
        `A ${actor.level} administrator may not create ${input.level ?? ''} administrators`,
        'level',
      );
    if (!regionCovers(actor.level, actor.regionCode, regionCode))
      throw forbidden('The account lies outside your region', 'region');
  }
  const account: Account = {
    id: ports.random.id('acc'),
    email,
    displayName: input.displayName?.trim() || email,
    role: input.role,
    adminLevel: input.role === 'admin' ? (input.level ?? null) : null,
    regionCode,
    enterpriseId: input.role === 'enterprise' ? (input.enterpriseId ?? null) : null,
    parkId: input.role === 'park_operator' ? (input.parkId ?? null) : null,
    agencyId: input.role === 'agency' ? (input.agencyId ?? null) : null,
    disabled: false,
    createdAt: ports.clock.now().toISOString(),
  };
  const taken = () =>
    new GmError('GM_CONFLICT', `An account with e-mail "${email}" already exists`, { field: 'email' });
  if (await ports.accounts.findByEmail(email)) throw taken();
  // Hash outside the transaction: argon2id takes a while, and SQLite runs one transaction at a time.
  const passwordHash = await ports.hasher.hash(input.password);
  await ports.transaction(async (tx) => {
    if (await tx.accounts.findByEmail(email)) throw taken();
    await tx.accounts.create({ ...account, passwordHash });
    await recordAudit({ auditLog: tx.auditLog, clock: ports.clock }, actor, {
      action: 'account.create',
      targetKind: 'account',
      targetId: account.id,
      enterpriseId: account.enterpriseId,
      before: null,
      after: account,
    });
  });
  return account;
}

/** The region prefix an administrator's lists are limited to (undefined for the nation). */
export function regionPrefixOf(p: Extract<Principal, { kind: 'admin' }>): string | undefined {
  if (p.level === 'national' || p.regionCode === null) return undefined;
  return p.regionCode.slice(0, p.level === 'province' ? 2 : 4);
}

/** Lists the accounts an administrator may see: those in its region. */
export async function listAccounts(
  ports: { accounts: Accounts },
  principal: Principal,
  query: Omit<AccountQuery, 'regionPrefix'>,
): Promise<Page<Account>> {
  requireAdmin(principal, 'list accounts');
  const prefix = regionPrefixOf(principal);
  return ports.accounts.list({ ...query, ...(prefix === undefined ? {} : { regionPrefix: prefix }) });
}

/** Reads one account: one's own, or one in an administrator's region; anything else is not found. */
export async function getAccount(
  ports: { accounts: Accounts },
  principal: Principal,
  id: string,
): Promise<Account> {
  requireAccount(principal, 'read accounts');
  const found = await ports.accounts.get(id);
  const visible =
    found &&
    (found.id === principal.accountId ||
      (principal.kind === 'admin' && regionCovers(principal.level, principal.regionCode, found.regionCode)));
  if (!found || !visible)
    throw new GmError('GM_NOT_FOUND', `No account with id "${id}"`, { field: 'id', id });
  return found;
}

/** Disables or re-enables an account in the administrator's region (never one's own). */
export async function setAccountDisabled(
  ports: { accounts: Accounts; clock: Clock; transaction: RunInTransaction },
  principal: Principal,
  id: string,
  disabled: boolean,
): Promise<Account> {
  requireAdmin(principal, 'disable accounts');
  const before = await getAccount(ports, principal, id);
  if (before.id === principal.accountId) throw forbidden('You may not disable your own account', 'id');
  if (
    before.role === 'admin' &&
    before.adminLevel &&
    principal.level !== 'national' &&
    before.adminLevel !== 'city'
  )
    throw forbidden('Only the national level may disable province administrators', 'id');
  const after = { ...before, disabled };
  await auditedWrite(ports, principal, (tx) => tx.accounts.setDisabled(id, disabled), {
    action: disabled ? 'account.disable' : 'account.enable',
    targetKind: 'account',
    targetId: id,
    enterpriseId: before.enterpriseId,
    before,
    after,
  });
  return after;
}

/** Registers a third-party evaluation agency (national administrators only; MIIT publishes the register). */
export async function createAgency(
  ports: { accounts: Accounts; random: RandomSource; clock: Clock; transaction: RunInTransaction },
  principal: Principal,
  input: { readonly name: string; readonly legalRepresentative: string },
): Promise<Agency> {
  requireAdmin(principal, 'register agencies');
  if (principal.level !== 'national')
    throw forbidden('Only national administrators register agencies', 'name');
  const issues: FieldIssue[] = [];
  if (!input.name.trim()) issues.push({ field: 'name', message: 'must not be blank' });
  if (!input.legalRepresentative.trim())
    issues.push({ field: 'legalRepresentative', message: 'must not be blank' });
  if (issues.length) throw validationError(issues, 'agency');
  const agency: Agency = {
    id: ports.random.id('agy'),
    name: input.name.trim(),
    legalRepresentative: input.legalRepresentative.trim(),
    createdAt: ports.clock.now().toISOString(),
  };
  await auditedWrite(ports, principal, (tx) => tx.accounts.createAgency(agency), {
    action: 'agency.create',
    targetKind: 'agency',
    targetId: agency.id,
    enterpriseId: null,
    before: null,
    after: agency,
  });
  return agency;
}

import { formatSecret, looksLikeSecret, sessionLifetime } from '../../core/auth/api-token.ts';
import { normaliseEmail } from '../../core/auth/password-policy.ts';
import type { Principal } from '../../core/auth/principal.ts';
import { GmError, validationError } from '../../core/errors.ts';
import type {
  Account,
  Accounts,
  ApiToken,
  ApiTokens,
  Clock,
  PasswordHasher,
  RandomSource,
  RunInTransaction,
  Sessions,
} from '../../core/ports.ts';
import { sha256Text } from '../../core/workflow/sha256.ts';
import { auditedWrite, recordAudit } from '../workflow/audit.ts';
import { principalOf, requireAccount } from './accounts.ts';

const wrongCredentials = (): GmError =>
  new GmError('GM_UNAUTHENTICATED', 'Wrong e-mail address or password', { field: 'email' });

/**
 * Signs in with e-mail and password and opens a session. Only the session token's SHA-256 is
 * stored. An unknown address costs one hash too, so that timing does not tell which addresses exist.
 */
export async function login(
  ports: {
    accounts: Accounts;
    sessions: Sessions;
    hasher: PasswordHasher;
    random: RandomSource;
    clock: Clock;
    transaction: RunInTransaction;
  },
  input: { readonly email: string; readonly password: string },
): Promise<{ token: string; expiresAt: string; account: Account }> {
  const email = normaliseEmail(input.email);
  if (!email) throw validationError([{ field: 'email', message: 'is not an e-mail address' }], 'sign-in');
  const found = await ports.accounts.findByEmail(email);
  if (!found) {
    await ports.hasher.verify(await ports.hasher.hash('not-an-account-password'), input.password);
    throw wrongCredentials();
  }
  if (!(await ports.hasher.verify(found.passwordHash, input.password)) || found.disabled)
    throw wrongCredentials();
  const account = await ports.accounts.get(found.id);
  if (!account) throw wrongCredentials();
  const token = formatSecret('session', ports.random.bytes(32));
  const now = ports.clock.now();
  const expiresAt = new Date(now.getTime() + sessionLifetime.absoluteHours * 3_600_000).toISOString();
  await ports.transaction(async (tx) => {
    await tx.sessions.create({
      idHash: sha256Text(token),
      accountId: account.id,
      createdAt: now.toISOString(),
      expiresAt,
    });
    await recordAudit({ auditLog: tx.auditLog, clock: ports.clock }, principalOf(account), {
      action: 'auth.login',
      targetKind: 'account',
      targetId: account.id,
      enterpriseId: account.enterpriseId,
      before: null,
      after: { accountId: account.id, expiresAt },
    });
  });
  return { token, expiresAt, account };
}

/** Ends a session (idempotent). */
export async function logout(
  ports: { sessions: Sessions; clock: Clock; transaction: RunInTransaction },
  principal: Principal,
  token: string | null,
): Promise<void> {
  if (!token) return;
  const idHash = sha256Text(token);
  const found = await ports.sessions.find(idHash);
  if (!found) return;
  await auditedWrite(ports, principal, (tx) => tx.sessions.delete(idHash), {
    action: 'auth.logout',
    targetKind: 'account',
    targetId: found.accountId,
    enterpriseId: null,
    before: { accountId: found.accountId, expiresAt: found.expiresAt },
    after: null,
  });
}

async function activeAccount(accounts: Accounts, id: string): Promise<Account | null> {
  const account = await accounts.get(id);
  return account && !account.disabled ? account : null;
}

/** The account behind a session token, or null when it is unknown, expired, or its account disabled. */
export async function resolveSession(
  ports: { accounts: Accounts; sessions: Sessions; clock: Clock },
  token: string,
): Promise<Account | null> {
  if (!looksLikeSecret('session', token)) return null;
  const found = await ports.sessions.find(sha256Text(token));
  if (!found || found.expiresAt <= ports.clock.now().toISOString()) return null;
  return activeAccount(ports.accounts, found.accountId);
}

/** The account behind an API token, or null when it is unknown, revoked, or its account disabled. */
export async function resolveApiToken(
  ports: { accounts: Accounts; apiTokens: ApiTokens },
  token: string,
): Promise<Account | null> {
  if (!looksLikeSecret('api', token)) return null;
  const found = await ports.apiTokens.findByHash(sha256Text(token));
  if (!found || found.revokedAt !== null) return null;
  return activeAccount(ports.accounts, found.accountId);
}

/** Issues an API token for the signed-in account; the secret is shown once and only its hash is kept. */
export async function createApiToken(
  ports: {
    apiTokens: ApiTokens;
    accounts: Accounts;
    random: RandomSource;
    clock: Clock;
    transaction: RunInTransaction;
  },
  principal: Principal,
  name: string,
): Promise<{ token: string; apiToken: ApiToken }> {
  requireAccount(principal, 'create API tokens');
  if (!name.trim()) throw validationError([{ field: 'name', message: 'must not be blank' }], 'token');
  const account = await ports.accounts.get(principal.accountId);
  const token = formatSecret('api', ports.random.bytes(32));
  const apiToken: ApiToken = {
    id: ports.random.id('tok'),
    accountId: principal.accountId,
    enterpriseId: account?.enterpriseId ?? null,
    name: name.trim(),
    createdAt: ports.clock.now().toISOString(),
    revokedAt: null,
  };
  await auditedWrite(
    ports,
    principal,
    (tx) => tx.apiTokens.create({ ...apiToken, tokenHash: sha256Text(token) }),
    {
      action: 'token.create',
      targetKind: 'api_token',
      targetId: apiToken.id,
      enterpriseId: apiToken.enterpriseId,
      before: null,
      after: apiToken,
    },
  );
  return { token, apiToken };
}

/** Lists the signed-in account's API tokens (never their secrets). */
export async function listApiTokens(
  ports: { apiTokens: ApiTokens },
  principal: Principal,
): Promise<ApiToken[]> {
  requireAccount(principal, 'list API tokens');
  return ports.apiTokens.listFor(principal.accountId);
}

/** Revokes one of the signed-in account's API tokens. */
export async function revokeApiToken(
  ports: { clock: Clock; transaction: RunInTransaction },
  principal: Principal,
  id: string,
): Promise<void> {
  requireAccount(principal, 'revoke API tokens');
  const at = ports.clock.now().toISOString();
  await ports.transaction(async (tx) => {
    if (!(await tx.apiTokens.revoke(id, principal.accountId, at)))
      throw new GmError('GM_NOT_FOUND', `No live API token with id "${id}"`, { field: 'id', id });
    await recordAudit({ auditLog: tx.auditLog, clock: ports.clock }, principal, {
      action: 'token.revoke',
      targetKind: 'api_token',
      targetId: id,
      enterpriseId: null,
      before: { id, revokedAt: null },
      after: { id, revokedAt: at },
    });
  });
}

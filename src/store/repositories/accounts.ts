import { sql, type Kysely } from 'kysely';
import { GmError } from '../../core/errors.ts';
import type { Accounts, ApiTokens, Sessions } from '../../core/ports.ts';
import type { Database } from '../schema.ts';
import {
  accountFromRow,
  accountToRow,
  agencyFromRow,
  apiTokenFromRow,
  isUniqueViolation,
  likePattern,
  publicAccountFromRow,
} from './workflow-rows.ts';

const count = (n: { n: string | number } | undefined): number => Number(n?.n ?? 0);

/** Accounts and agencies, on either backend. Queries and row mapping only. */
export function createAccounts(db: Kysely<Database>): Accounts {
  return {
    async create(account) {
      try {
        await db.insertInto('accounts').values(accountToRow(account)).execute();
      } catch (e) {
        if (isUniqueViolation(e))
          throw new GmError('GM_CONFLICT', `An account with e-mail "${account.email}" already exists`, {
            field: 'email',
          });
        throw e;
      }
    },
    async findByEmail(email) {
      const row = await db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
      return row ? accountFromRow(row) : undefined;
    },
    async get(id) {
      const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? publicAccountFromRow(row) : undefined;
    },
    async list(query) {
      let base = db.selectFrom('accounts');
      if (query.q) base = base.where(sql<boolean>`lower(email) like ${likePattern(query.q)} escape '\\'`);
      if (query.role) base = base.where('role', '=', query.role);
      if (query.regionPrefix !== undefined)
        base = base.where('region_code', 'like', `${query.regionPrefix}%`);
      const total = count(
        await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
      );
      const column = { email: 'email', createdAt: 'created_at', role: 'role' } as const;
      const rows = await base
        .selectAll()
        .orderBy(column[query.sort ?? 'email'], query.order ?? 'asc')
        .orderBy('id')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return {
        items: rows.map(publicAccountFromRow),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
    async setDisabled(id, disabled) {
      await db
        .updateTable('accounts')
        .set({ disabled: disabled ? 1 : 0 })
        .where('id', '=', id)
        .execute();
    },
    async countAll() {
      return count(
        await db
          .selectFrom('accounts')
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirst(),
      );
    },
    async createAgency(agency) {
      try {
        await db
          .insertInto('agencies')
          .values({
            id: agency.id,
            name: agency.name,
            legal_representative: agency.legalRepresentative,
            created_at: agency.createdAt,
          })
          .execute();
      } catch (e) {
        if (isUniqueViolation(e))
          throw new GmError('GM_CONFLICT', `An agency named "${agency.name}" already exists`, {
            field: 'name',
          });
        throw e;
      }
    },
    async getAgency(id) {
      const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? agencyFromRow(row) : undefined;
    },
    async listAgencies(query) {
      let base = db.selectFrom('agencies');
      if (query.q) base = base.where(sql<boolean>`lower(name) like ${likePattern(query.q)} escape '\\'`);
      const total = count(
        await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
      );
      const rows = await base
        .selectAll()
        .orderBy('name', query.order ?? 'asc')
        .orderBy('id')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return { items: rows.map(agencyFromRow), total, page: query.page, pageSize: query.pageSize };
    },
    async enterpriseRegion(enterpriseId) {
      const row = await db
        .selectFrom('enterprises')
        .select(['region_code', 'province_code'])
        .where('id', '=', enterpriseId)
        .executeTakeFirst();
      return row ? { regionCode: row.region_code, provinceCode: row.province_code } : undefined;
    },
    async parkRegion(parkId) {
      const row = await db
        .selectFrom('parks')
        .select(['region_code', 'province_code'])
        .where('id', '=', parkId)
        .executeTakeFirst();
      return row ? { regionCode: row.region_code, provinceCode: row.province_code } : undefined;
    },
  };
}

/** Browser sessions, stored by the SHA-256 of their token. */
export function createSessions(db: Kysely<Database>): Sessions {
  return {
    async create(s) {
      await db
        .insertInto('sessions')
        .values({
          id_hash: s.idHash,
          account_id: s.accountId,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
        })
        .execute();
    },
    async find(idHash) {
      const r = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
      return r
        ? { idHash: r.id_hash, accountId: r.account_id, createdAt: r.created_at, expiresAt: r.expires_at }
        : undefined;
    },
    async delete(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteExpired(now) {
      const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

/** API tokens for machines, stored by the SHA-256 of their secret. */
export function createApiTokens(db: Kysely<Database>): ApiTokens {
  return {
    async create(t) {
      await db
        .insertInto('api_tokens')
        .values({
          id: t.id,
          account_id: t.accountId,
          enterprise_id: t.enterpriseId,
          name: t.name,
          token_hash: t.tokenHash,
          created_at: t.createdAt,
          revoked_at: t.revokedAt,
        })
        .execute();
    },
    async findByHash(tokenHash) {
      const r = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return r ? apiTokenFromRow(r) : undefined;
    },
    async listFor(accountId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(apiTokenFromRow);
    },
    async revoke(id, accountId, at) {
      const r = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('account_id', '=', accountId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}

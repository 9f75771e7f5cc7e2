import { sql, type Kysely } from 'kysely';
import type { Declarations, NegativeList } from '../../core/ports.ts';
import type { Database } from '../schema.ts';
import {
  declarationFromRow,
  declarationToRow,
  eventFromRow,
  evidenceFromRow,
  likePattern,
  negativeFromRow,
  objectionFromRow,
} from './workflow-rows.ts';

const count = (n: { n: string | number } | undefined): number => Number(n?.n ?? 0);

/** Declarations with their events, evidence files and objections. Queries and row mapping only. */
export function createDeclarations(db: Kysely<Database>, kind: 'sqlite' | 'postgres'): Declarations {
  return {
    async create(d) {
      await db.insertInto('declarations').values(declarationToRow(d)).execute();
    },
    async get(id) {
      const row = await db.selectFrom('declarations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? declarationFromRow(row) : undefined;
    },
    async list(query) {
      const s = query.scope;
      let base = db.selectFrom('declarations');
      if (query.q) base = base.where(sql<boolean>`lower(unit_name) like ${likePattern(query.q)} escape '\\'`);
      if (query.state) base = base.where('state', '=', query.state);
      if (query.roundYear !== undefined) base = base.where('round_year', '=', query.roundYear);
      if (query.unitKind) base = base.where('unit_kind', '=', query.unitKind);
      if (s.states) base = base.where('state', 'in', s.states.length ? [...s.states] : ['']);
      base = base.where((eb) => {
        const owned = [];
        if (s.enterpriseId !== undefined) owned.push(eb('enterprise_id', '=', s.enterpriseId));
        if (s.parkId !== undefined) owned.push(eb('park_id', '=', s.parkId));
        if (s.agencyId !== undefined) owned.push(eb('agency_id', '=', s.agencyId));
        if (s.regionPrefix !== undefined) owned.push(eb('region_code', 'like', `${s.regionPrefix}%`));
        const ownedAll = owned.length ? eb.and(owned) : eb.lit(true);
        return s.orStates?.length ? eb.or([ownedAll, eb('state', 'in', [...s.orStates])]) : ownedAll;
      });
      const total = count(
        await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
      );
      const column = {
        unitName: 'unit_name',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
        state: 'state',
        roundYear: 'round_year',
      } as const;
      const rows = await base
        .selectAll()
        .orderBy(column[query.sort ?? 'createdAt'], query.order ?? 'asc')
        .orderBy('id')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return { items: rows.map(declarationFromRow), total, page: query.page, pageSize: query.pageSize };
    },
    async update(next) {
      // id and created_at are written unchanged; the version guard makes this a compare-and-set.
      const r = await db
        .updateTable('declarations')
        .set(declarationToRow(next))
        .where('id', '=', next.id)
        .where('version', '=', next.version - 1)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async addEvent(e) {
      await db
        .insertInto('declaration_events')
        .values({
          id: e.id,
          declaration_id: e.declarationId,
          enterprise_id: e.enterpriseId,
          kind: e.kind,
          actor_id: e.actorId,
          at: e.at,
          details: JSON.stringify(e.details),
        })
        .execute();
    },
    async events(declarationId, page, pageSize) {
      const base = db.selectFrom('declaration_events').where('declaration_id', '=', declarationId);
      const total = count(
        await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
      );
      const rows = await base
        .selectAll()
        .orderBy('at')
        .orderBy('id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items: rows.map(eventFromRow), total, page, pageSize };
    },
    async countAgencyEvaluations(legalRepresentative, year) {
      return count(
        await db
          .selectFrom('declarations')
          .innerJoin('agencies', 'agencies.id', 'declarations.agency_id')
          .where('agencies.legal_representative', '=', legalRepresentative)
          .where('declarations.agency_evaluated_year', '=', year)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirst(),
      );
    },
    async lockAgencyCap(legalRepresentative) {
      // PostgreSQL: row locks on the representative's agencies, held to the end of the transaction.
      // SQLite needs none: its one connection runs one transaction at a time.
      if (kind !== 'postgres') return;
      await db
        .selectFrom('agencies')
        .select('id')
        .where('legal_representative', '=', legalRepresentative)
        .forUpdate()
        .execute();
    },
    async addEvidence(f) {
      await db
        .insertInto('evidence_files')
        .values({
          id: f.id,
          declaration_id: f.declarationId,
          enterprise_id: f.enterpriseId,
          name: f.name,
          media_type: f.mediaType,
          size: f.size,
          sha256: f.sha256,
          content_base64: f.contentBase64,
          uploaded_by: f.uploadedBy,
          uploaded_at: f.uploadedAt,
        })
        .execute();
    },
    async listEvidence(declarationId, page, pageSize) {
      const base = db.selectFrom('evidence_files').where('declaration_id', '=', declarationId);
      const total = count(
        await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
      );
      const rows = await base
        .select([
          'id',
          'declaration_id',
          'enterprise_id',
          'name',
          'media_type',
          'size',
          'sha256',
          'uploaded_by',
          'uploaded_at',
        ])
        .orderBy('uploaded_at')
        .orderBy('id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items: rows.map(evidenceFromRow), total, page, pageSize };
    },
    async addObjection(o) {
      await db
        .insertInto('objections')
        .values({
          id: o.id,
          declaration_id: o.declarationId,
          enterprise_id: o.enterpriseId,
          lodged_by: o.lodgedBy,
          lodged_at: o.lodgedAt,
          text: o.text,
          status: o.status,
          resolution: o.resolution,
          resolved_by: o.resolvedBy,
          resolved_at: o.resolvedAt,
        })
        .execute();
    },
    async getObjection(id) {
      const r = await db.selectFrom('objections').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? objectionFromRow(r) : undefined;
    },
    async resolveObjection(o) {
      const r = await db
        .updateTable('objections')
        .set({
          status: o.status,
          resolution: o.resolution,
          resolved_by: o.resolvedBy,
          resolved_at: o.resolvedAt,
        })
        .where('id', '=', o.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async listObjections(declarationId, page, pageSize) {
      const base = db.selectFrom('objections').where('declaration_id', '=', declarationId);
      const total = count(
        await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
      );
      const rows = await base
        .selectAll()
        .orderBy('lodged_at')
        .orderBy('id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items: rows.map(objectionFromRow), total, page, pageSize };
    },
    async countOpenObjections(declarationId) {
      return count(
        await db
          .selectFrom('objections')
          .where('declaration_id', '=', declarationId)
          .where('status', '=', 'open')
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirst(),
      );
    },
  };
}

/** The art. 15 negative list. */
export function createNegativeList(db: Kysely<Database>): NegativeList {
  return {
    async add(e) {
      await db
        .insertInto('negative_list')
        .values({
          id: e.id,
          enterprise_id: e.enterpriseId,
          reason: e.reason,
          note: e.note,
          since: e.since,
          added_by: e.addedBy,
          added_at: e.addedAt,
        })
        .execute();
    },
    async activeFor(enterpriseId, sinceOnOrAfter) {
      const rows = await db
        .selectFrom('negative_list')
        .selectAll()
        .where('enterprise_id', '=', enterpriseId)
        .where('since', '>=', sinceOnOrAfter)
        .orderBy('since')
        .execute();
      return rows.map(negativeFromRow);
    },
    async list(query) {
      let base = db.selectFrom('negative_list');
      if (query.enterpriseId) base = base.where('enterprise_id', '=', query.enterpriseId);
      const total = count(
        await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
      );
      const rows = await base
        .selectAll()
        .orderBy('since', query.order ?? 'desc')
        .orderBy('id')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return { items: rows.map(negativeFromRow), total, page: query.page, pageSize: query.pageSize };
    },
  };
}

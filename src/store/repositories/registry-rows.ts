/** Row <-> record mapping for the registry tables: the one place snake_case meets camelCase. */
import type { Selectable } from 'kysely';
import type {
  Enterprise,
  Factory,
  ListEvent,
  Park,
  Placement,
  Product,
  SupplyChainEnterprise,
} from '../../core/registry/types.ts';
import type { Database } from '../schema.ts';

const placementToRow = (p: Placement) => ({
  region_code: p.regionCode,
  province_code: p.provinceCode,
  recommender: p.recommender,
  list_region: p.listRegion,
});

const placementFromRow = (r: {
  region_code: string | null;
  province_code: string | null;
  recommender: string | null;
  list_region: string;
}): Placement => ({
  regionCode: r.region_code,
  provinceCode: r.province_code,
  recommender: r.recommender,
  listRegion: r.list_region,
});

export const enterpriseToRow = (e: Enterprise) => ({
  id: e.id,
  name: e.name,
  region_code: e.regionCode,
  province_code: e.provinceCode,
});
export const enterpriseFromRow = (r: Selectable<Database['enterprises']>): Enterprise => ({
  id: r.id,
  name: r.name,
  regionCode: r.region_code,
  provinceCode: r.province_code,
});

export const factoryToRow = (f: Factory) => ({
  id: f.id,
  enterprise_id: f.enterpriseId,
  name: f.name,
  ...placementToRow(f),
  industry_code: f.industryCode,
  industry_sector: f.industrySector,
  evaluator: f.evaluator,
  batch: f.batch,
});
export const factoryFromRow = (r: Selectable<Database['factories']>): Factory => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  name: r.name,
  ...placementFromRow(r),
  industryCode: r.industry_code,
  industrySector: r.industry_sector,
  evaluator: r.evaluator,
  batch: r.batch,
});

export const parkToRow = (p: Park) => ({
  id: p.id,
  name: p.name,
  ...placementToRow(p),
  evaluator: p.evaluator,
  batch: p.batch,
});
export const parkFromRow = (r: Selectable<Database['parks']>): Park => ({
  id: r.id,
  name: r.name,
  ...placementFromRow(r),
  evaluator: r.evaluator,
  batch: r.batch,
});

export const supplyChainToRow = (s: SupplyChainEnterprise) => ({
  id: s.id,
  enterprise_id: s.enterpriseId,
  name: s.name,
  ...placementToRow(s),
  evaluator: s.evaluator,
  batch: s.batch,
});
export const supplyChainFromRow = (
  r: Selectable<Database['supply_chain_enterprises']>,
): SupplyChainEnterprise => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  name: r.name,
  ...placementFromRow(r),
  evaluator: r.evaluator,
  batch: r.batch,
});

export const productToRow = (p: Product) => ({
  id: p.id,
  enterprise_id: p.enterpriseId,
  name: p.name,
  ...placementToRow(p),
  model: p.model,
  category: p.category,
  evaluation_standard: p.evaluationStandard,
  highlights: p.highlights,
  recommending_body: p.recommendingBody,
  batch: p.batch,
});
export const productFromRow = (
  r: Selectable<Database['products']> & { enterprise_name: string },
): Product => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  name: r.name,
  ...placementFromRow(r),
  model: r.model,
  category: r.category,
  evaluationStandard: r.evaluation_standard,
  highlights: r.highlights,
  recommendingBody: r.recommending_body,
  batch: r.batch,
});

export const eventToRow = (e: ListEvent, enterpriseId: string | null) => ({
  id: e.id,
  enterprise_id: enterpriseId,
  unit_kind: e.unitKind,
  unit_id: e.unitId,
  kind: e.kind,
  batch: e.batch,
  details: JSON.stringify(e.details),
});
export const eventFromRow = (r: Selectable<Database['list_events']>): ListEvent => ({
  id: r.id,
  unitKind: r.unit_kind as ListEvent['unitKind'],
  unitId: r.unit_id,
  kind: r.kind as ListEvent['kind'],
  batch: r.batch,
  details: JSON.parse(r.details) as Record<string, unknown>,
});

import type { Factory, SupplyChainEnterprise } from '../../api/contract.ts';

/** GET /api/v1/enterprises/{id} (src/server/plugins/enterprise-routes.ts). */
export interface EnterpriseUnitsResponse {
  readonly enterprise: { readonly id: string; readonly name: string; readonly provinceCode: string | null };
  readonly factories: readonly Factory[];
  readonly supplyChainEnterprises: readonly SupplyChainEnterprise[];
}

export const enterpriseUrl = (id: string) => `/api/v1/enterprises/${encodeURIComponent(id)}`;

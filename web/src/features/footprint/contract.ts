/**
 * GET /api/v1/products/{id}/footprint as the console reads it (mirrors
 * src/server/plugins/product-footprint-routes.ts; web may not import the server; the tree is core's).
 */
import type { LabelledContribution } from '../../../../src/core/footprint/contribution-tree.ts';
import type { DataQuality } from '../../../../src/core/footprint/network.ts';

/** One node of a product's contribution tree, per unit of the product (kgCO2e). */
export type ContributionView = LabelledContribution;

export interface ProductFootprintItem {
  readonly networkProductId: string;
  readonly name: string;
  readonly unit: string;
  readonly classification: string | null;
  readonly footprintKgCo2e: number;
  readonly primaryShare: number;
  readonly dataQuality: DataQuality;
  readonly pactId: string | null;
  readonly simulated: boolean;
  readonly contributions: ContributionView;
}

export interface ProductFootprintResponse {
  readonly productId: string;
  readonly items: readonly ProductFootprintItem[];
}

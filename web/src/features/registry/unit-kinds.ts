import { listBatches } from '../../../../src/core/registry/batches.ts';
import type { UnitKind } from '../../../../src/core/registry/types.ts';

/** Where each kind of listed unit lives in the console and in the API (the glossary's words). */
export interface KindRoute {
  readonly kind: UnitKind;
  /** Console path of the list; a unit's page is `${path}/${id}`. */
  readonly path: string;
  readonly api: string;
  /** i18n key of the plural name ("Green factories"). */
  readonly titleKey: string;
}

export const kindRoutes: Readonly<Record<UnitKind, KindRoute>> = {
  factory: { kind: 'factory', path: '/factories', api: '/api/v1/factories', titleKey: 'kinds.factory' },
  supply_chain: {
    kind: 'supply_chain',
    path: '/supply-chain-enterprises',
    api: '/api/v1/supply-chain-enterprises',
    titleKey: 'kinds.supply_chain',
  },
  park: { kind: 'park', path: '/parks', api: '/api/v1/parks', titleKey: 'kinds.park' },
  product: { kind: 'product', path: '/products', api: '/api/v1/products', titleKey: 'kinds.product' },
};

export { listBatches };

/** A batch's label in the console's language, with its year: "第一批 (2017)", "2021 list". */
export function batchLabel(code: string, language: string): string {
  const b = listBatches.find((x) => x.code === code);
  if (!b) return code;
  const label = language === 'en' ? b.labelEn : b.labelZh;
  // Annual lists carry their year in the name ("2021年度", published in 2022); batches get theirs.
  return /\d{4}/.test(label) ? label : `${label} (${b.published.slice(0, 4)})`;
}

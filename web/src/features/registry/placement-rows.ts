import type { TFunction } from 'i18next';
import type { Placement } from '../../../../src/core/registry/types.ts';
import { batchLabel } from './unit-kinds.ts';

/** The profile rows every listed unit shares: where it is, who recommended it, its batch. */
export function placementRows(
  u: Placement & { readonly batch: string },
  t: TFunction,
  language: string,
  nameOf: (code: string | null) => string,
): [string, string | null][] {
  return [
    [t('profile.province'), nameOf(u.provinceCode) || null],
    [t('profile.regionCode'), u.regionCode],
    [t('profile.listRegion'), u.listRegion],
    [t('profile.recommender'), u.recommender],
    [t('profile.batch'), batchLabel(u.batch, language)],
  ];
}

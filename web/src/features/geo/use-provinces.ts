import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import type { Region } from '../../api/contract.ts';
import { provinceNamesEn } from './province-names.ts';

/** The provinces of GB/T 2260 from the API, with a namer that follows the console's language. */
export function useProvinces(): {
  readonly provinces: readonly Region[];
  readonly nameOf: (code: string | null | undefined) => string;
} {
  const { i18n } = useTranslation();
  const state = useApi<Region[]>('/api/v1/regions?level=province');
  const provinces = state.status === 'ok' ? state.data : [];
  const zh = new Map(provinces.map((p) => [p.code, p.name]));
  const en = i18n.language === 'en';
  const nameOf = (code: string | null | undefined): string => {
    if (!code) return '';
    const province = `${code.slice(0, 2)}0000`;
    return (en ? provinceNamesEn[province] : zh.get(province)) ?? province;
  };
  return { provinces, nameOf };
}

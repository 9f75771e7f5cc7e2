import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { ProgrammeStats } from '../api/contract.ts';
import { useApi } from '../api/use-api.ts';
import { EmptyState, ErrorState, Loading } from '../components/state-views.tsx';
import { useProvinces } from '../features/geo/use-provinces.ts';
import { HeadlineFigures } from '../features/overview/headline-figures.tsx';
import { UnitList } from '../features/registry/unit-list.tsx';
import { kindRoutes } from '../features/registry/unit-kinds.ts';
import type { UnitKind } from '../../../src/core/registry/types.ts';

const kinds: readonly UnitKind[] = ['factory', 'supply_chain', 'park', 'product'];

/** One province (the map's drill-down): its figures and the lists of its units, one tab per kind. */
export function ProvincePage(props: { readonly code: string }) {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const stats = useApi<ProgrammeStats>('/api/v1/stats');
  const { nameOf } = useProvinces();
  const kindParam = sp.get('kind');
  const kind: UnitKind = kinds.find((k) => k === kindParam) ?? 'factory';

  if (!/^\d{2}0000$/.test(props.code)) return <EmptyState>{t('province.unknown')}</EmptyState>;
  if (stats.status === 'loading') return <Loading />;
  if (stats.status === 'error') return <ErrorState error={stats.error} />;
  const counts = stats.data.byProvince.find((p) => p.provinceCode === props.code) ?? {
    factories: 0,
    supplyChainEnterprises: 0,
    parks: 0,
    products: 0,
  };
  return (
    <div data-testid="province-page">
      <p className="crumbs">
        <Link href="/">{t('nav.overview')}</Link> / {t('province.crumb')}
      </p>
      <h1>{nameOf(props.code)}</h1>
      <HeadlineFigures counts={counts} province={props.code} />
      <div className="tabs" role="tablist">
        {kinds.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={k === kind}
            onClick={() => setSp(new URLSearchParams(k === 'factory' ? {} : { kind: k }))}
          >
            {t(kindRoutes[k].titleKey)}
          </button>
        ))}
      </div>
      <UnitList key={kind} kind={kind} province={props.code} />
    </div>
  );
}

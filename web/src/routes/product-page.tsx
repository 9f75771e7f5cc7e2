import { useTranslation } from 'react-i18next';
import type { Product } from '../api/contract.ts';
import { useApi } from '../api/use-api.ts';
import { ErrorState, Loading } from '../components/state-views.tsx';
import { FootprintPanel } from '../features/footprint/footprint-panel.tsx';
import { useProvinces } from '../features/geo/use-provinces.ts';
import { PolicyPanel } from '../features/policy/policy-panel.tsx';
import { placementRows } from '../features/registry/placement-rows.ts';
import { ProfileList } from '../features/registry/profile-list.tsx';
import { UnitPageFrame } from '../features/registry/unit-page-frame.tsx';

/** A green-design product: its listed profile, its footprint with the contributions through its supply chain and its PACT id, and its support policies. */
export function ProductPage(props: { readonly id: string }) {
  const { t, i18n } = useTranslation();
  const state = useApi<Product>(`/api/v1/products/${encodeURIComponent(props.id)}`);
  const { nameOf } = useProvinces();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  const p = state.data;
  return (
    <UnitPageFrame kind="product" name={p.name}>
      <div className="grid-2">
        <section className="card">
          <h2>{t('profile.title')}</h2>
          <ProfileList
            rows={[
              [t('profile.enterprise'), p.enterpriseName],
              [t('profile.model'), p.model],
              [t('profile.category'), p.category],
              [t('profile.standard'), p.evaluationStandard],
              ...placementRows(p, t, i18n.language, nameOf),
              [t('profile.recommendingBody'), p.recommendingBody],
              [t('profile.id'), <code key="i">{p.id}</code>],
            ]}
          />
          {p.highlights ? (
            <>
              <h3>{t('profile.highlights')}</h3>
              <p className="highlights" lang="zh-CN">
                {p.highlights}
              </p>
            </>
          ) : null}
        </section>
        <section className="card">
          <h2>{t('product.footprint')}</h2>
          <FootprintPanel productId={p.id} />
        </section>
      </div>
      <section className="card" data-testid="policies-card">
        <h2>{t('policy.panelTitle')}</h2>
        <PolicyPanel kind="product" id={p.id} />
      </section>
    </UnitPageFrame>
  );
}

import { useTranslation } from 'react-i18next';
import type { SupplyChainEnterprise } from '../api/contract.ts';
import { useApi } from '../api/use-api.ts';
import { ErrorState, Loading, NotYetAvailable } from '../components/state-views.tsx';
import { useProvinces } from '../features/geo/use-provinces.ts';
import { PolicyPanel } from '../features/policy/policy-panel.tsx';
import { placementRows } from '../features/registry/placement-rows.ts';
import { ProfileList } from '../features/registry/profile-list.tsx';
import { UnitPageFrame } from '../features/registry/unit-page-frame.tsx';

/** A green supply chain management enterprise: its listed profile; suppliers as their API lands. */
export function SupplyChainPage(props: { readonly id: string }) {
  const { t, i18n } = useTranslation();
  const state = useApi<SupplyChainEnterprise>(
    `/api/v1/supply-chain-enterprises/${encodeURIComponent(props.id)}`,
  );
  const { nameOf } = useProvinces();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  const s = state.data;
  return (
    <UnitPageFrame kind="supply_chain" name={s.name}>
      <div className="grid-2">
        <section className="card">
          <h2>{t('profile.title')}</h2>
          <ProfileList
            rows={[
              ...placementRows(s, t, i18n.language, nameOf),
              [t('profile.evaluator'), s.evaluator],
              [t('profile.enterpriseId'), <code key="e">{s.enterpriseId}</code>],
              [t('profile.id'), <code key="i">{s.id}</code>],
            ]}
          />
        </section>
        <section className="card">
          <h2>{t('supplyChain.suppliers')}</h2>
          <NotYetAvailable what={t('supplyChain.suppliersWhat')} />
        </section>
      </div>
      <section className="card" data-testid="policies-card">
        <h2>{t('policy.panelTitle')}</h2>
        <PolicyPanel kind="supply_chain" id={s.id} />
      </section>
    </UnitPageFrame>
  );
}

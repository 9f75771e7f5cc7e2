import { useTranslation } from 'react-i18next';
import type { Park } from '../api/contract.ts';
import { useApi } from '../api/use-api.ts';
import { ErrorState, Loading } from '../components/state-views.tsx';
import { useProvinces } from '../features/geo/use-provinces.ts';
import { ParkOperatingPanel } from '../features/operating/park-operating-panel.tsx';
import { ParkMembersPanel } from '../features/park/park-members-panel.tsx';
import { WasteFlowPanel } from '../features/park/waste-flow-sankey.tsx';
import { PolicyPanel } from '../features/policy/policy-panel.tsx';
import { placementRows } from '../features/registry/placement-rows.ts';
import { ProfileList } from '../features/registry/profile-list.tsx';
import { UnitPageFrame } from '../features/registry/unit-page-frame.tsx';

/** A green industrial park: its listed profile, its members, its solid-waste flows and utilisation by year, and its support policies. */
export function ParkPage(props: { readonly id: string }) {
  const { t, i18n } = useTranslation();
  const state = useApi<Park>(`/api/v1/parks/${encodeURIComponent(props.id)}`);
  const { nameOf } = useProvinces();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  const p = state.data;
  return (
    <UnitPageFrame kind="park" name={p.name}>
      <div className="grid-2">
        <section className="card">
          <h2>{t('profile.title')}</h2>
          <ProfileList
            rows={[
              ...placementRows(p, t, i18n.language, nameOf),
              [t('profile.evaluator'), p.evaluator],
              [t('profile.id'), <code key="i">{p.id}</code>],
            ]}
          />
        </section>
        <section className="card">
          <h2>{t('park.members')}</h2>
          <ParkMembersPanel parkId={p.id} />
          <h2>{t('park.wasteFlows')}</h2>
          <WasteFlowPanel parkId={p.id} />
        </section>
      </div>
      <section className="card" data-testid="policies-card">
        <h2>{t('policy.panelTitle')}</h2>
        <PolicyPanel kind="park" id={p.id} />
      </section>
      <section className="card">
        <h2>{t('park.operating')}</h2>
        <ParkOperatingPanel parkId={p.id} />
      </section>
    </UnitPageFrame>
  );
}

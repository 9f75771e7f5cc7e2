import { useTranslation } from 'react-i18next';
import type { Factory } from '../api/contract.ts';
import { useApi } from '../api/use-api.ts';
import { ErrorState, Loading } from '../components/state-views.tsx';
import { EvaluationPanel, QuotaGradePanel } from '../features/evaluation/evaluation-panel.tsx';
import { SelfEvaluationPanel } from '../features/evaluation/self-evaluation-panel.tsx';
import { useProvinces } from '../features/geo/use-provinces.ts';
import { MonthlyEnergyPanel } from '../features/metering/monthly-energy-panel.tsx';
import { FactoryAccountsPanel } from '../features/operating/factory-accounts-panel.tsx';
import { PolicyPanel } from '../features/policy/policy-panel.tsx';
import { placementRows } from '../features/registry/placement-rows.ts';
import { ProfileList } from '../features/registry/profile-list.tsx';
import { UnitPageFrame } from '../features/registry/unit-page-frame.tsx';

/**
 * A green factory: its listed profile, its operating years with energy and carbon accounts, and
 * monthly energy from its meters, its evaluation (scores, radar, gaps, least change) and quota
 * grade, a self-evaluation what-if over its indicator values; a panel whose API the server lacks says so plainly.
 */
export function FactoryPage(props: { readonly id: string }) {
  const { t, i18n } = useTranslation();
  const state = useApi<Factory>(`/api/v1/factories/${encodeURIComponent(props.id)}`);
  const { nameOf } = useProvinces();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  const f = state.data;
  return (
    <UnitPageFrame kind="factory" name={f.name}>
      <div className="grid-2">
        <section className="card">
          <h2>{t('profile.title')}</h2>
          <ProfileList
            rows={[
              [t('profile.industry'), f.industrySector],
              [t('profile.industryCode'), f.industryCode],
              ...placementRows(f, t, i18n.language, nameOf),
              [t('profile.evaluator'), f.evaluator],
              [t('profile.enterpriseId'), <code key="e">{f.enterpriseId}</code>],
              [t('profile.id'), <code key="i">{f.id}</code>],
            ]}
          />
        </section>
        <section className="card">
          <h2>{t('factory.quotaGrade')}</h2>
          <QuotaGradePanel factoryId={f.id} />
        </section>
      </div>
      <section className="card" data-testid="policies-card">
        <h2>{t('policy.panelTitle')}</h2>
        <PolicyPanel kind="factory" id={f.id} />
      </section>
      <section className="card">
        <h2>{t('factory.evaluation')}</h2>
        <EvaluationPanel factoryId={f.id} />
      </section>
      <section className="card">
        <h2>{t('factory.selfEvaluation')}</h2>
        <SelfEvaluationPanel factoryId={f.id} />
      </section>
      <section className="card">
        <h2>{t('factory.annualAccounts')}</h2>
        <FactoryAccountsPanel factoryId={f.id} />
      </section>
      <section className="card">
        <h2>{t('factory.monthlyEnergy')}</h2>
        <MonthlyEnergyPanel factoryId={f.id} />
      </section>
    </UnitPageFrame>
  );
}

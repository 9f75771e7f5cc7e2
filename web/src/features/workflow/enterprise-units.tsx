import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/use-api.ts';
import { EmptyState, ErrorState, Loading } from '../../components/state-views.tsx';
import { MeteringRefusal, isRefusal } from '../metering/metering-refusal.tsx';
import { metersUrl, type MetersResponse } from '../metering/meters-contract.ts';
import { enterpriseUrl, type EnterpriseUnitsResponse } from './enterprise-contract.ts';

/** An enterprise user's own listed factories (each with its meters) and supply chain listings. */
export function EnterpriseUnits(props: { readonly enterpriseId: string }) {
  const { t } = useTranslation();
  const state = useApi<EnterpriseUnitsResponse>(enterpriseUrl(props.enterpriseId));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  const { enterprise, factories, supplyChainEnterprises } = state.data;
  return (
    <section className="card" data-testid="own-units">
      <h2>{t('workspace.enterprise', { name: enterprise.name })}</h2>
      <h3>{t('workspace.factories')}</h3>
      {factories.length === 0 ? (
        <EmptyState>{t('workspace.noFactories')}</EmptyState>
      ) : (
        <ul className="plain-list" data-testid="own-factories">
          {factories.map((f) => (
            <li key={f.id}>
              <Link href={`/factories/${f.id}`}>{f.name}</Link>
              <FactoryMeters factoryId={f.id} />
            </li>
          ))}
        </ul>
      )}
      {supplyChainEnterprises.length > 0 ? (
        <>
          <h3>{t('nav.supplyChain')}</h3>
          <ul className="plain-list">
            {supplyChainEnterprises.map((s) => (
              <li key={s.id}>
                <Link href={`/supply-chain-enterprises/${s.id}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function FactoryMeters(props: { readonly factoryId: string }) {
  const { t, i18n } = useTranslation();
  const meters = useApi<MetersResponse>(metersUrl(props.factoryId));
  if (meters.status === 'loading') return <Loading what={t('workspace.meters')} />;
  if (meters.status === 'error')
    return isRefusal(meters.error) ? <MeteringRefusal /> : <ErrorState error={meters.error} />;
  return (
    <p className="muted small" data-testid="own-meters">
      {meters.data.items.length === 0
        ? t('workspace.noMeters')
        : t('metering.meters', {
            names: meters.data.items.map((m) => m.name ?? m.id).join(i18n.language === 'en' ? ', ' : '、'),
          })}
    </p>
  );
}

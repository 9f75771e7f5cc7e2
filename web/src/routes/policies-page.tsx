import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../api/use-api.ts';
import { ErrorState, Loading } from '../components/state-views.tsx';
import {
  formatSupport,
  instrumentName,
  instrumentPath,
  regionLabel,
  type PolicyCatalog,
  type PolicySummary,
} from '../features/policy/contract.ts';
import { PolicyBadges, SourceTag } from '../features/policy/policy-badges.tsx';
import { QualifyingChart } from '../features/policy/qualifying-chart.tsx';
import { useProvinces } from '../features/geo/use-provinces.ts';

/**
 * The catalog of support instruments (kind, level, issuer, document, validity, source tag) with, per
 * instrument, how many listed units qualify or nearly qualify and the total estimated support.
 */
export function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const catalog = useApi<PolicyCatalog>('/api/v1/policies');
  const summary = useApi<PolicySummary>('/api/v1/policies/summary');
  const { nameOf } = useProvinces();
  if (catalog.status === 'loading') return <Loading />;
  if (catalog.status === 'error') return <ErrorState error={catalog.error} />;
  const counts =
    summary.status === 'ok' ? new Map(summary.data.summaries.map((s) => [s.instrument, s])) : null;
  const n = new Intl.NumberFormat(lang);
  const countCell = (x: number | undefined) => (counts === null ? '…' : n.format(x ?? 0));
  return (
    <div data-testid="policies-page">
      <h1>{t('policy.title')}</h1>
      <p className="lede">{t('policy.lede')}</p>
      {summary.status === 'ok' ? (
        <p className="muted small" data-testid="policies-as-of">
          {t('policy.summaryAsOf', { units: n.format(summary.data.units), date: summary.data.onDate })}
        </p>
      ) : summary.status === 'error' ? (
        <ErrorState error={summary.error} />
      ) : null}
      <div className="table-scroll">
        <table className="units policy-catalog" data-testid="policy-catalog">
          <thead>
            <tr>
              <th scope="col">{t('policy.instrument')}</th>
              <th scope="col">{t('policy.kindLevel')}</th>
              <th scope="col">{t('policy.issuerDocument')}</th>
              <th scope="col">{t('policy.validityCol')}</th>
              <th scope="col">{t('policy.tag')}</th>
              <th scope="col" className="num">
                {t('policy.status.qualifies')}
              </th>
              <th scope="col" className="num">
                {t('policy.status.nearly')}
              </th>
              <th scope="col" className="num">
                {t('policy.totalSupport')}
              </th>
            </tr>
          </thead>
          <tbody>
            {catalog.data.items.map((i) => {
              const s = counts?.get(i.key);
              return (
                <tr key={i.key} className={i.illustrative ? 'illustrative' : undefined}>
                  <td>
                    <Link href={instrumentPath(i.key)}>{instrumentName(i, lang)}</Link>{' '}
                    <PolicyBadges instrument={i} />
                  </td>
                  <td>
                    {t(`policy.kinds.${i.kind}`)}
                    <br />
                    <span className="muted small">
                      {t(`policy.levels.${i.level}`)}
                      {i.regionCode ? ` · ${regionLabel(i.regionCode, nameOf)}` : ''}
                    </span>
                  </td>
                  <td lang="zh-CN">
                    {i.issuer}
                    {i.documentNumber ? (
                      <>
                        <br />
                        <span className="muted small">{i.documentNumber}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <span className="nowrap">{i.validFrom} –</span>{' '}
                    <span className="nowrap">{i.validTo ?? t('policy.noEnd')}</span>
                  </td>
                  <td>
                    <SourceTag tag={i.tag} />
                  </td>
                  <td className="num">{countCell(s?.qualifies)}</td>
                  <td className="num">{countCell(s?.nearly)}</td>
                  <td className="num">
                    {counts === null
                      ? '…'
                      : s?.totalAmount != null
                        ? formatSupport(s.totalAmount, lang)
                        : t('policy.noAmountShort')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('policy.catalogNote')}</p>
      {summary.status === 'ok' ? (
        <section className="card">
          <h2>{t('policy.chartTitle')}</h2>
          <QualifyingChart instruments={catalog.data.items} summary={summary.data} />
        </section>
      ) : null}
    </div>
  );
}

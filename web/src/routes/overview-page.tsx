import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { ProgrammeStats } from '../api/contract.ts';
import { useApi } from '../api/use-api.ts';
import { ErrorState, Loading } from '../components/state-views.tsx';
import { WhenVisible } from '../components/when-visible.tsx';
import { useProvinces } from '../features/geo/use-provinces.ts';
import { HeadlineFigures } from '../features/overview/headline-figures.tsx';
import type { MapMetric } from '../features/overview/province-map.tsx';

// The charts (and ECharts under them) are chunks of their own: the figures and the ranking show as
// soon as the statistics arrive, while the map's code and geometry load beside them (index.html
// starts both early on the overview); the trend chart below the fold loads when scrolled near.
const ProvinceMap = lazy(() =>
  import('../features/overview/province-map.tsx').then((m) => ({ default: m.ProvinceMap })),
);
const BatchTrendChart = lazy(() =>
  import('../features/overview/batch-trend-chart.tsx').then((m) => ({ default: m.BatchTrendChart })),
);

const metrics: readonly MapMetric[] = ['factories', 'supplyChainEnterprises', 'parks', 'products'];

/** The national overview: headline figures, the trend by batch, and the map by province. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const stats = useApi<ProgrammeStats>('/api/v1/stats');
  const { nameOf } = useProvinces();
  const [metric, setMetric] = useState<MapMetric>('factories');
  const fmt = new Intl.NumberFormat(i18n.language);

  if (stats.status === 'loading') return <Loading />;
  if (stats.status === 'error') return <ErrorState error={stats.error} />;
  const s = stats.data;
  const ranked = [...s.byProvince]
    .filter((p) => p.provinceCode !== null)
    .sort((a, b) => b[metric] - a[metric])
    .slice(0, 10);

  return (
    <div className="overview" data-testid="overview">
      <h1>{t('overview.title')}</h1>
      <p className="lede">
        {t('overview.lede', { enterprises: fmt.format(s.enterprises), batches: s.byBatch.length })}
      </p>
      <HeadlineFigures counts={s} />

      <div className="grid-2">
        <section className="card map-card">
          <div className="card-head">
            <h2>{t('overview.mapTitle')}</h2>
            <div className="segmented" role="group" aria-label={t('overview.metric')}>
              {metrics.map((m) => (
                <button key={m} type="button" aria-pressed={metric === m} onClick={() => setMetric(m)}>
                  {t(`stats.${m}`)}
                </button>
              ))}
            </div>
          </div>
          <p className="muted small">{t('overview.mapHint')}</p>
          <Suspense fallback={<Loading what={t('overview.map')} />}>
            <ProvinceMap
              byProvince={s.byProvince}
              metric={metric}
              onProvince={(code) => navigate(`/provinces/${code}`)}
            />
          </Suspense>
        </section>
        <section className="card">
          <h2>{t('overview.topProvinces', { what: t(`stats.${metric}`) })}</h2>
          <ol className="ranking" data-testid="province-ranking">
            {ranked.map((p) => (
              <li key={p.provinceCode}>
                <Link href={`/provinces/${p.provinceCode ?? ''}`}>{nameOf(p.provinceCode) || p.name}</Link>
                <span
                  className="bar"
                  style={{ width: `${(100 * p[metric]) / Math.max(1, ranked[0]?.[metric] ?? 1)}%` }}
                />
                <span className="num">{fmt.format(p[metric])}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>

      <section className="card">
        <h2>{t('overview.trendTitle')}</h2>
        <p className="muted small">{t('overview.trendHint')}</p>
        <WhenVisible minHeight={340}>
          <Suspense fallback={<Loading />}>
            <BatchTrendChart byBatch={s.byBatch} />
          </Suspense>
        </WhenVisible>
      </section>
      <p className="muted small">{t('overview.source')}</p>
    </div>
  );
}

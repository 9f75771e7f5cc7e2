import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import {
  EmptyState,
  ErrorState,
  Loading,
  NotYetAvailable,
  SimulatedBanner,
} from '../../components/state-views.tsx';
import { isMissingRoute, type FactoryEvaluation } from './contract.ts';
import { EvaluationRadar } from './evaluation-radar.tsx';

/** Reads a factory's evaluation once for the evaluation and quota panels (shared request). */
export function useFactoryEvaluation(factoryId: string) {
  return useApi<FactoryEvaluation>(`/api/v1/factories/${encodeURIComponent(factoryId)}/evaluation`);
}

/**
 * A factory's evaluation under its standard edition: total and pass outcome, the radar of group
 * scores, the gap table per indicator and the least change to pass.
 */
export function EvaluationPanel(props: { readonly factoryId: string }) {
  const { t, i18n } = useTranslation();
  const state = useFactoryEvaluation(props.factoryId);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    if (isMissingRoute(state.error))
      return <NotYetAvailable what={t('factory.evaluationWhat')} testId="evaluation-unavailable" />;
    return <ErrorState error={state.error} />;
  }
  const e = state.data;
  const r = e.result;
  const lc = e.leastChange;
  const n = (x: number | null, d = 2) =>
    x === null ? '—' : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: d }).format(x);
  const gaps = [...r.indicators].sort(
    (a, b) => (b.weight ?? 0) - (b.points ?? 0) - ((a.weight ?? 0) - (a.points ?? 0)),
  );
  return (
    <div data-testid="evaluation">
      {e.simulated ? <SimulatedBanner /> : null}
      <ul className="facts">
        <li>
          {t('evaluation.standard')}: <strong>{r.standard}</strong> ({e.year})
        </li>
        <li>
          {t('evaluation.total')}:{' '}
          <strong>
            {r.total === null
              ? t('evaluation.partial', { points: n(r.scoredPoints), unscored: n(r.unscoredWeight, 0) })
              : `${n(r.total)} / ${n(r.totalWeight, 0)}`}
          </strong>
        </li>
        <li>
          {t('evaluation.outcome')}: <strong>{t(`evaluation.pass.${r.pass.status}`)}</strong>
          {r.pass.passMark !== null ? ` (${t('evaluation.passMark', { mark: n(r.pass.passMark, 0) })})` : ''}
        </li>
        <li>
          {t('evaluation.gates')}: {r.gatesPassed ? t('evaluation.gatesPassed') : t('evaluation.gatesFailed')}
        </li>
        {e.peer ? (
          <li>
            {t('evaluation.peer', {
              percentile: n(e.peer.percentile, 0),
              peers: e.peer.peers,
              group: e.peer.group,
            })}
          </li>
        ) : null}
      </ul>
      <p className="muted small">{r.pass.reason}</p>
      <EvaluationRadar result={r} />
      <h3>{t('evaluation.gapTable')}</h3>
      <div className="table-scroll">
        <table className="units figures-table" data-testid="gap-table">
          <thead>
            <tr>
              <th scope="col">{t('evaluation.indicator')}</th>
              <th scope="col" className="num">
                {t('evaluation.value')}
              </th>
              <th scope="col" className="num">
                {t('evaluation.lead')}
              </th>
              <th scope="col" className="num">
                {t('evaluation.gap')}
              </th>
              <th scope="col" className="num">
                {t('evaluation.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((ind) => (
              <tr key={ind.code} title={ind.reason ?? undefined}>
                <th scope="row" className="wrap">
                  <code>{ind.code}</code> {ind.nameEn}
                </th>
                <td className="num">
                  {n(ind.value)} <span className="muted small">{ind.unit}</span>
                </td>
                <td className="num">{n(ind.lead)}</td>
                <td className="num">{n(ind.gapToLead)}</td>
                <td className="num">
                  {ind.status === 'scored'
                    ? `${n(ind.points)} / ${n(ind.weight, 0)}`
                    : t('evaluation.unscored')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('evaluation.leastChange')}</h3>
      <p data-testid="least-change">{t(`evaluation.lc.${lc.status}`)}</p>
      {lc.changes.length > 0 ? (
        <ul>
          {lc.changes.map((c) => (
            <li key={c.code}>
              <code>{c.code}</code>: {n(c.from)} → {n(c.to)} {c.unit} (
              {new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(
                c.relativeChange,
              )}
              )
            </li>
          ))}
        </ul>
      ) : null}
      {lc.savings.tce > 0 || lc.savings.tco2e > 0 ? (
        <p>{t('evaluation.savings', { tce: n(lc.savings.tce, 1), tco2e: n(lc.savings.tco2e, 1) })}</p>
      ) : null}
      {lc.notes.length > 0 ? (
        <ul className="notes muted small">
          {lc.notes.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The quota grade of the factory's quota-covered product (from the same evaluation answer). */
export function QuotaGradePanel(props: { readonly factoryId: string }) {
  const { t, i18n } = useTranslation();
  const state = useFactoryEvaluation(props.factoryId);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    if (isMissingRoute(state.error)) return <NotYetAvailable what={t('factory.quotaGradeWhat')} />;
    return <ErrorState error={state.error} />;
  }
  const q = state.data.quota;
  if (!q) return <EmptyState>{t('quota.none')}</EmptyState>;
  const n = (x: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(x);
  return (
    <div data-testid="quota-grade">
      {state.data.simulated ? <SimulatedBanner /> : null}
      <ul className="facts">
        <li>
          {t('quota.product')}: <strong>{q.product}</strong>
          {q.process ? ` (${q.process})` : ''}
        </li>
        <li>
          {t('quota.value')}: <strong>{`${n(q.value)} ${q.unit}`}</strong>
        </li>
        <li>
          {t('quota.grade')}:{' '}
          <strong>
            {q.grade.grade === 'above-limit'
              ? t('quota.aboveLimit')
              : t('quota.gradeN', { n: q.grade.grade })}
          </strong>
          {q.grade.meetsAdvanced ? ` · ${t('quota.advanced')}` : ''}
        </li>
        {q.benchmark ? (
          <li>
            {t('quota.benchmark')}: <strong>{t(`quota.level.${q.benchmark.level}`)}</strong>
          </li>
        ) : null}
      </ul>
      <p className="muted small">{q.rowKey}</p>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/use-api.ts';
import { EmptyState, ErrorState, Loading, NotYetAvailable } from '../../components/state-views.tsx';
import type { UnitKind } from '../../../../src/core/registry/types.ts';
import { isMissingRoute } from '../evaluation/contract.ts';
import { kindRoutes } from '../registry/unit-kinds.ts';
import {
  formatSupport,
  instrumentName,
  instrumentPath,
  ruleText,
  type CatalogInstrument,
  type PolicyCatalog,
  type PolicyMatch,
  type UnitPolicies,
} from './contract.ts';
import { PolicyBadges } from './policy-badges.tsx';

/**
 * A unit's support policies: the instruments it qualifies for (with the estimated amount where the
 * instrument sets one), those it nearly qualifies for with what is missing, and, folded away, the
 * reasons requirement by requirement and the instruments it does not qualify for.
 */
export function PolicyPanel(props: { readonly kind: UnitKind; readonly id: string }) {
  const { t, i18n } = useTranslation();
  const state = useApi<UnitPolicies>(
    `${kindRoutes[props.kind].api}/${encodeURIComponent(props.id)}/policies`,
  );
  const catalog = useApi<PolicyCatalog>('/api/v1/policies');
  if (state.status === 'loading' || catalog.status === 'loading') return <Loading />;
  if (state.status === 'error' || catalog.status === 'error') {
    const error = state.status === 'error' ? state.error : catalog.status === 'error' ? catalog.error : null;
    if (error && isMissingRoute(error))
      return <NotYetAvailable what={t('policy.panelWhat')} testId="policies-unavailable" />;
    return error ? <ErrorState error={error} /> : null;
  }
  const byKey = new Map(catalog.data.items.map((i) => [i.key, i]));
  const { matches, onDate, unit } = state.data;
  const of = (status: PolicyMatch['status']) => matches.filter((m) => m.status === status);
  const qualifies = of('qualifies');
  const nearly = of('nearly');
  const others = matches.filter((m) => m.status === 'not-eligible' || m.status === 'not-in-force');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(onDate),
  );
  return (
    <div data-testid="policy-panel">
      <p className="muted small">
        {t('policy.asOf', { date })}
        {unit.facts.operatingDataSimulated === true ? ` ${t('policy.simulatedFacts')}` : ''}
      </p>
      {qualifies.length === 0 && nearly.length === 0 ? <EmptyState>{t('policy.none')}</EmptyState> : null}
      {qualifies.length > 0 ? (
        <>
          <h3>{t('policy.qualifiesFor', { count: qualifies.length })}</h3>
          <MatchList matches={qualifies} byKey={byKey} />
        </>
      ) : null}
      {nearly.length > 0 ? (
        <>
          <h3>{t('policy.nearlyFor', { count: nearly.length })}</h3>
          <MatchList matches={nearly} byKey={byKey} />
        </>
      ) : null}
      {others.length > 0 ? (
        <details className="policy-others">
          <summary>{t('policy.others', { count: others.length })}</summary>
          <MatchList matches={others} byKey={byKey} />
        </details>
      ) : null}
    </div>
  );
}

function MatchList(props: {
  readonly matches: readonly PolicyMatch[];
  readonly byKey: ReadonlyMap<string, CatalogInstrument>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <ul className="policy-matches">
      {props.matches.map((m) => {
        const instrument = props.byKey.get(m.instrument);
        return (
          <li key={m.instrument} className={`policy-match status-${m.status}`} data-testid="policy-match">
            <div className="policy-match-head">
              <span className={`status status-${m.status}`} data-testid="policy-status">
                {t(`policy.status.${m.status}`)}
              </span>
              <Link href={instrumentPath(m.instrument)} className="policy-name">
                {instrument ? instrumentName(instrument, lang) : m.instrument}
              </Link>
              <PolicyBadges instrument={m} />
              {instrument ? (
                <span className="muted small">
                  {t(`policy.kinds.${instrument.kind}`)} · {t(`policy.levels.${instrument.level}`)}
                </span>
              ) : null}
            </div>
            {m.status === 'qualifies' ? (
              <p className="policy-amount small">
                {m.amount !== null
                  ? t('policy.estimated', { amount: formatSupport(m.amount, lang) })
                  : t('policy.noAmount')}
              </p>
            ) : null}
            {m.missing.length > 0 && m.status !== 'qualifies' ? (
              <p className="policy-missing small" data-testid="policy-missing">
                {t('policy.missing')}:{' '}
                {m.missing.map((r) => ruleText(r, lang)).join(lang === 'en' ? '; ' : '；')}
              </p>
            ) : null}
            {m.status === 'not-in-force' && instrument ? (
              <p className="muted small">
                {t('policy.validity', {
                  from: instrument.validFrom,
                  to: instrument.validTo ?? t('policy.noEnd'),
                })}
              </p>
            ) : null}
            <details className="policy-reasons">
              <summary>{t('policy.reasons', { count: m.rules.length })}</summary>
              <ul>
                {m.rules.map((r) => (
                  <li key={r.id} className={r.met ? 'met' : 'unmet'} title={r.condition}>
                    <span aria-hidden="true">{r.met ? '✓' : '✗'}</span>{' '}
                    <span className="visually-hidden">{r.met ? t('policy.met') : t('policy.unmet')}</span>
                    {ruleText(r, lang)}
                    {!r.met && !r.actionable ? (
                      <span className="muted small"> ({t('policy.notActionable')})</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

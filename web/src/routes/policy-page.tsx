import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { withQuery } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { Pagination } from '../components/pagination.tsx';
import { EmptyState, ErrorState, Loading } from '../components/state-views.tsx';
import { useProvinces } from '../features/geo/use-provinces.ts';
import {
  formatSupport,
  instrumentName,
  regionLabel,
  ruleText,
  type AmountFormula,
  type Beneficiaries,
  type PolicyCatalog,
  type PolicySummary,
} from '../features/policy/contract.ts';
import { PolicyBadges, SourceTag } from '../features/policy/policy-badges.tsx';
import { ProfileList } from '../features/registry/profile-list.tsx';
import { kindRoutes } from '../features/registry/unit-kinds.ts';

const pageSize = 25;
const statuses = ['qualifies', 'nearly'] as const;

/**
 * One support instrument: what it is, its requirements and amount, and its beneficiaries a page at
 * a time (qualifying or nearly qualifying units, each linking to its page), with the total support.
 */
export function PolicyPage(props: { readonly policyKey: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [sp, setSp] = useSearchParams();
  const { nameOf } = useProvinces();
  const status = sp.get('status') === 'nearly' ? 'nearly' : 'qualifies';
  const pageParam = Number(sp.get('page') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const catalog = useApi<PolicyCatalog>('/api/v1/policies');
  const summary = useApi<PolicySummary>('/api/v1/policies/summary');
  const list = useApi<Beneficiaries>(
    withQuery(`/api/v1/policies/${encodeURIComponent(props.policyKey)}/beneficiaries`, {
      status,
      page,
      pageSize,
    }),
  );
  if (catalog.status === 'loading') return <Loading />;
  if (catalog.status === 'error') return <ErrorState error={catalog.error} />;
  const instrument = catalog.data.items.find((i) => i.key === props.policyKey);
  if (!instrument) return <EmptyState>{t('policy.unknown', { key: props.policyKey })}</EmptyState>;
  const counts =
    summary.status === 'ok' ? summary.data.summaries.find((s) => s.instrument === instrument.key) : undefined;
  const n = new Intl.NumberFormat(lang);
  const go = (next: { status?: string; page?: number }) => {
    const q = new URLSearchParams();
    const s = next.status ?? status;
    const p = next.page ?? page;
    if (s !== 'qualifies') q.set('status', s);
    if (p !== 1) q.set('page', String(p));
    setSp(q);
  };
  return (
    <article data-testid="policy-page">
      <p className="crumbs">
        <Link href="/policies">{t('nav.policies')}</Link>
      </p>
      <h1>{instrumentName(instrument, lang)}</h1>
      <p className="policy-page-badges">
        <PolicyBadges instrument={instrument} /> <SourceTag tag={instrument.tag} />
      </p>
      {instrument.illustrative ? (
        <p className="banner-illustrative" role="note">
          {t('policy.illustrativeBanner')}
        </p>
      ) : null}
      <div className="grid-2">
        <section className="card">
          <h2>{t('policy.about')}</h2>
          <ProfileList
            rows={[
              [t('policy.kind'), t(`policy.kinds.${instrument.kind}`)],
              [
                t('policy.level'),
                `${t(`policy.levels.${instrument.level}`)}${
                  instrument.regionCode ? ` · ${regionLabel(instrument.regionCode, nameOf)}` : ''
                }`,
              ],
              [
                t('policy.issuer'),
                <span key="i" lang="zh-CN">
                  {instrument.issuer}
                </span>,
              ],
              [t('policy.document'), instrument.documentNumber ?? '—'],
              [
                t('policy.validityCol'),
                `${instrument.validFrom} – ${instrument.validTo ?? t('policy.noEnd')}`,
              ],
              [t('policy.amount'), amountText(instrument.amount, t, lang)],
              [
                t('policy.source'),
                <span key="s" className="small">
                  {instrument.source}
                </span>,
              ],
              [t('policy.key'), <code key="k">{instrument.key}</code>],
            ]}
          />
        </section>
        <section className="card">
          <h2>{t('policy.requirements')}</h2>
          <ol className="policy-requirements">
            {instrument.eligibility.map((r) => (
              <li key={r.id}>
                {ruleText(r, lang)}
                {r.actionable ? null : <span className="muted small"> ({t('policy.notActionable')})</span>}
              </li>
            ))}
          </ol>
          <p className="muted small">{t('policy.nearlyRule')}</p>
        </section>
      </div>
      <section className="card">
        <h2>{t('policy.beneficiaries')}</h2>
        <div className="tabs" role="tablist">
          {statuses.map((s) => (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={s === status}
              data-testid={`tab-${s}`}
              onClick={() => go({ status: s, page: 1 })}
            >
              {t(`policy.status.${s}`)}
              {counts ? ` (${n.format(counts[s])})` : ''}
            </button>
          ))}
        </div>
        {list.status === 'loading' ? (
          <Loading />
        ) : list.status === 'error' ? (
          <ErrorState error={list.error} />
        ) : (
          <>
            <p data-testid="beneficiaries-total">
              {t(status === 'qualifies' ? 'policy.qualifyingUnits' : 'policy.nearlyUnits', {
                count: list.data.total,
                n: n.format(list.data.total),
              })}
              {status === 'qualifies'
                ? ` ${
                    list.data.totalAmount !== null
                      ? t('policy.totalEstimated', { amount: formatSupport(list.data.totalAmount, lang) })
                      : t('policy.noAmount')
                  }`
                : ''}
            </p>
            {list.data.items.length === 0 ? (
              <EmptyState>
                {t(status === 'qualifies' ? 'policy.noneQualify' : 'policy.noneNearly')}
              </EmptyState>
            ) : (
              <>
                <div className="table-scroll">
                  <table className="units" data-testid="beneficiaries">
                    <thead>
                      <tr>
                        <th scope="col">{t('columns.name')}</th>
                        <th scope="col">{t('policy.unitKind')}</th>
                        {status === 'qualifies' ? (
                          <th scope="col" className="num">
                            {t('policy.amount')}
                          </th>
                        ) : null}
                      </tr>
                    </thead>
                    <tbody>
                      {list.data.items.map((u) => (
                        <tr key={`${u.kind}:${u.id}`}>
                          <td>
                            <Link href={`${kindRoutes[u.kind].path}/${encodeURIComponent(u.id)}`}>
                              {u.name}
                            </Link>
                          </td>
                          <td>{t(kindRoutes[u.kind].titleKey)}</td>
                          {status === 'qualifies' ? (
                            <td className="num">{u.amount !== null ? formatSupport(u.amount, lang) : '—'}</td>
                          ) : null}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pagination
                  page={list.data.page}
                  pageSize={list.data.pageSize}
                  total={list.data.total}
                  onPage={(p) => go({ page: p })}
                />
              </>
            )}
          </>
        )}
      </section>
    </article>
  );
}

/** The amount formula in words. */
function amountText(formula: AmountFormula | null, t: TFunction, lang: string): string {
  if (!formula) return t('policy.noAmountSet');
  if (formula.kind === 'fixed')
    return t('policy.amountFixed', { amount: formatSupport(formula.value, lang) });
  return t('policy.amountPerUnit', {
    rate: formatSupport(formula.rate, lang),
    attr: t(`policy.attrs.${formula.attr}`, { defaultValue: formula.attr }),
    cap: formula.cap !== undefined ? formatSupport(formula.cap, lang) : '—',
  });
}

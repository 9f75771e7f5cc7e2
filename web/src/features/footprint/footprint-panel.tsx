import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { EmptyState, ErrorState, Loading, SimulatedBanner } from '../../components/state-views.tsx';
import { ProfileList } from '../registry/profile-list.tsx';
import { ContributionSankey } from './contribution-sankey.tsx';
import type { ContributionView, ProductFootprintItem, ProductFootprintResponse } from './contract.ts';

/** A listed product's footprint from the supply-network model: the figure, its PACT id and its contributions. */
export function FootprintPanel(props: { readonly productId: string }) {
  const { t } = useTranslation();
  const state = useApi<ProductFootprintResponse>(
    `/api/v1/products/${encodeURIComponent(props.productId)}/footprint`,
  );
  if (state.status === 'loading') return <Loading what={t('footprint.what')} />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  if (state.data.items.length === 0)
    return (
      <div data-testid="footprint-none">
        <EmptyState>{t('footprint.none')}</EmptyState>
      </div>
    );
  return (
    <div data-testid="footprint">
      {state.data.items.map((item) => (
        <FootprintItem key={item.networkProductId} item={item} />
      ))}
    </div>
  );
}

function FootprintItem(props: { readonly item: ProductFootprintItem }) {
  const { t, i18n } = useTranslation();
  const f = props.item;
  const num = new Intl.NumberFormat(i18n.language, { maximumSignificantDigits: 4 });
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const dq = f.dataQuality;
  return (
    <>
      {f.simulated ? <SimulatedBanner /> : null}
      <p className="footprint-figure" data-testid="footprint-value" data-value={f.footprintKgCo2e}>
        <strong>{num.format(f.footprintKgCo2e)}</strong> {t('footprint.perUnit', { unit: f.unit })}
      </p>
      <ProfileList
        rows={[
          [t('footprint.modelledAs'), f.name],
          [t('footprint.primaryShare'), pct.format(f.primaryShare)],
          [
            t('footprint.dataQuality'),
            t('footprint.dqr', {
              tech: dq.technological.toFixed(1),
              time: dq.temporal.toFixed(1),
              geo: dq.geographical.toFixed(1),
            }),
          ],
          [
            t('footprint.pactId'),
            f.pactId ? (
              <code key="p" data-testid="pact-id">
                {f.pactId}
              </code>
            ) : (
              t('footprint.notPublished')
            ),
          ],
        ]}
      />
      <p className="muted small">{f.pactId ? t('footprint.pactHint') : null}</p>
      <h3>{t('footprint.through')}</h3>
      <ContributionSankey root={f.contributions} unit={f.unit} />
      <ContributionTable root={f.contributions} />
    </>
  );
}

/** The same tree as an indented table (readable without the chart, and by screen readers). */
function ContributionTable(props: { readonly root: ContributionView }) {
  const { t, i18n } = useTranslation();
  const num = new Intl.NumberFormat(i18n.language, { maximumSignificantDigits: 4 });
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const rows: { node: ContributionView; depth: number; key: string }[] = [];
  const walk = (n: ContributionView, depth: number, key: string) => {
    rows.push({ node: n, depth, key });
    n.children.forEach((c, i) => walk(c, depth + 1, `${key}.${i}`));
  };
  walk(props.root, 0, 'r');
  return (
    <details className="contributions">
      <summary>{t('footprint.tableSummary', { count: rows.length - 1 })}</summary>
      <div className="table-scroll">
        <table className="units" data-testid="contribution-table">
          <thead>
            <tr>
              <th scope="col">{t('footprint.contributor')}</th>
              <th scope="col" className="num">
                {t('footprint.amount')}
              </th>
              <th scope="col" className="num">
                kgCO₂e
              </th>
              <th scope="col" className="num">
                {t('footprint.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ node, depth, key }) => (
              <tr key={key}>
                <td style={{ paddingLeft: `${0.6 + depth * 1.1}rem` }}>
                  {node.name}
                  {node.kind === 'dataset' ? (
                    <span className="muted small"> · {t('footprint.dataset')}</span>
                  ) : null}
                </td>
                <td className="num">{num.format(node.amount)}</td>
                <td className="num">{num.format(node.total)}</td>
                <td className="num">{pct.format(node.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

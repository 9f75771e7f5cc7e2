import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { DeclarationView, Page } from '../../api/contract.ts';
import { useApi } from '../../api/use-api.ts';
import { EmptyState, ErrorState, Loading } from '../../components/state-views.tsx';
import { useProvinces } from '../geo/use-provinces.ts';

type TableProps = Parameters<typeof DeclarationTable>[0];

/** A card with a heading (and a hint) over a table of declarations. */
export function DeclarationSection(props: TableProps & { readonly title: string; readonly hint?: string }) {
  const { title, hint, ...table } = props;
  return (
    <section className="card">
      <h2>{title}</h2>
      {hint ? <p className="muted small">{hint}</p> : null}
      <DeclarationTable {...table} />
    </section>
  );
}

/** Declarations from one API read (`/api/v1/declarations?…`), as a table linking to each one. */
export function DeclarationTable(props: {
  readonly url: string;
  readonly empty: string;
  readonly testId: string;
  /** Keeps only some of the rows the API gave (an agency's own assignments among published ones). */
  readonly keep?: (d: DeclarationView) => boolean;
  readonly reloadKey?: number;
}) {
  const { t, i18n } = useTranslation();
  const { nameOf } = useProvinces();
  const state = useApi<Page<DeclarationView>>(props.url, props.reloadKey);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  const items = props.keep ? state.data.items.filter(props.keep) : state.data.items;
  if (items.length === 0)
    return (
      <div data-testid={props.testId} data-count="0">
        <EmptyState>{props.empty}</EmptyState>
      </div>
    );
  return (
    <div className="table-scroll" data-testid={props.testId} data-count={items.length}>
      <table className="units">
        <thead>
          <tr>
            <th scope="col">{t('declaration.unit')}</th>
            <th scope="col">{t('declaration.kind')}</th>
            <th scope="col">{t('columns.province')}</th>
            <th scope="col" className="num">
              {t('declaration.round')}
            </th>
            <th scope="col">{t('declaration.stateLabel')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} data-state={d.state}>
              <td>
                <Link href={`/declarations/${d.id}`}>{d.unitName}</Link>
              </td>
              <td>{t(`declaration.kinds.${d.unitKind}`)}</td>
              <td>{nameOf(d.provinceCode)}</td>
              <td className="num">{d.roundYear}</td>
              <td>
                <span className={`status status-${d.state}`}>{t(`declaration.states.${d.state}`)}</span>
                {d.state === 'public_notice' && d.noticeEndsOn ? (
                  <span className="muted small">
                    {' '}
                    {t('declaration.noticeUntil', {
                      date: new Date(`${d.noticeEndsOn}T00:00:00`).toLocaleDateString(i18n.language),
                    })}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {state.data.total > items.length && !props.keep ? (
        <p className="muted small">
          {t('declaration.more', { shown: items.length, total: state.data.total })}
        </p>
      ) : null}
    </div>
  );
}

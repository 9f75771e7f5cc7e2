import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { withQuery } from '../../api/client.ts';
import type { Factory, ListParams, Page, Park, Product, SupplyChainEnterprise } from '../../api/contract.ts';
import { useApi } from '../../api/use-api.ts';
import { Pagination } from '../../components/pagination.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/state-views.tsx';
import type { UnitKind } from '../../../../src/core/registry/types.ts';
import { useProvinces } from '../geo/use-provinces.ts';
import { batchLabel, kindRoutes, listBatches } from './unit-kinds.ts';

type AnyUnit = Factory | Park | Product | SupplyChainEnterprise;
type SortKey = NonNullable<ListParams['sort']>;

const pageSize = 20;

interface Column {
  readonly key: string;
  readonly sort?: SortKey;
  readonly cell: (u: AnyUnit) => ReactNode;
}

/** Reads the list's state from the URL so that every search can be linked and reloaded. */
function readParams(sp: URLSearchParams): ListParams {
  const sort = sp.get('sort');
  const order = sp.get('order');
  const page = Number(sp.get('page') ?? '1');
  return {
    q: sp.get('q') ?? '',
    province: sp.get('province') ?? '',
    batch: sp.get('batch') ?? '',
    ...(sort === 'name' || sort === 'batch' || sort === 'province' ? { sort } : {}),
    ...(order === 'asc' || order === 'desc' ? { order } : {}),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/**
 * The searchable, sortable, paginated list of one kind of listed unit. With `province` the list is
 * fixed to that province (the map's drill-down); otherwise a province can be chosen.
 */
export function UnitList(props: { readonly kind: UnitKind; readonly province?: string }) {
  const { t, i18n } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const params = readParams(sp);
  const province = props.province ?? params.province;
  const route = kindRoutes[props.kind];
  const { provinces, nameOf } = useProvinces();
  const [text, setText] = useState(params.q ?? '');
  useEffect(() => setText(params.q ?? ''), [params.q]);

  const url = withQuery(route.api, {
    q: params.q,
    province,
    batch: params.batch,
    sort: params.sort,
    order: params.order,
    page: params.page,
    pageSize,
  });
  const state = useApi<Page<AnyUnit>>(url);

  const update = (patch: Record<string, string | number | undefined>) => {
    setSp((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '' || (k === 'page' && v === 1)) next.delete(k);
        else next.set(k, String(v));
      }
      return next;
    });
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim(), page: 1 });
  };
  const sortBy = (key: SortKey) => {
    const order = params.sort === key && params.order !== 'desc' ? 'desc' : 'asc';
    update({ sort: key, order, page: 1 });
  };

  const lang = i18n.language;
  const name: Column = {
    key: 'name',
    sort: 'name',
    cell: (u) => <Link href={`${route.path}/${encodeURIComponent(u.id)}`}>{u.name}</Link>,
  };
  const prov: Column = { key: 'province', sort: 'province', cell: (u) => nameOf(u.provinceCode) || '—' };
  const batch: Column = { key: 'batch', sort: 'batch', cell: (u) => batchLabel(u.batch, lang) };
  const evaluator: Column = {
    key: 'evaluator',
    cell: (u) => ('evaluator' in u ? (u.evaluator ?? '—') : '—'),
  };
  const columns: readonly Column[] =
    props.kind === 'factory'
      ? [
          name,
          prov,
          {
            key: 'industry',
            cell: (u) => ('industryCode' in u ? (u.industrySector ?? u.industryCode ?? '—') : '—'),
          },
          evaluator,
          batch,
        ]
      : props.kind === 'product'
        ? [
            name,
            { key: 'enterprise', cell: (u) => ('enterpriseName' in u ? u.enterpriseName : '—') },
            { key: 'category', cell: (u) => ('category' in u ? (u.category ?? '—') : '—') },
            prov,
            batch,
          ]
        : [name, prov, evaluator, batch];

  const fmt = new Intl.NumberFormat(lang);
  return (
    <section className="unit-list" data-testid={`list-${props.kind}`}>
      <form className="filters" role="search" onSubmit={onSearch}>
        <label className="grow">
          <span className="visually-hidden">{t('list.search')}</span>
          <input
            type="search"
            value={text}
            placeholder={t('list.searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            data-testid="search-input"
            maxLength={200}
          />
        </label>
        <button type="submit" data-testid="search-submit">
          {t('list.search')}
        </button>
        {props.province ? null : (
          <label>
            <span className="visually-hidden">{t('list.province')}</span>
            <select value={province} onChange={(e) => update({ province: e.target.value, page: 1 })}>
              <option value="">{t('list.allProvinces')}</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {nameOf(p.code)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span className="visually-hidden">{t('list.batch')}</span>
          <select value={params.batch} onChange={(e) => update({ batch: e.target.value, page: 1 })}>
            <option value="">{t('list.allBatches')}</option>
            {listBatches.map((b) => (
              <option key={b.code} value={b.code}>
                {batchLabel(b.code, lang)}
              </option>
            ))}
          </select>
        </label>
      </form>

      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} /> : null}
      {state.status === 'ok' ? (
        state.data.total === 0 ? (
          <EmptyState>{params.q ? t('list.noMatch', { q: params.q }) : t('list.empty')}</EmptyState>
        ) : (
          <>
            <p className="muted small" data-testid="list-total">
              {t('list.total', { count: state.data.total, n: fmt.format(state.data.total) })}
            </p>
            <div className="table-scroll">
              <table className="units">
                <thead>
                  <tr>
                    {columns.map((c) => (
                      <th
                        key={c.key}
                        scope="col"
                        aria-sort={
                          c.sort && params.sort === c.sort
                            ? params.order === 'desc'
                              ? 'descending'
                              : 'ascending'
                            : undefined
                        }
                      >
                        {c.sort ? (
                          <button type="button" className="sort" onClick={() => sortBy(c.sort as SortKey)}>
                            {t(`columns.${c.key}`)}
                            <span aria-hidden="true">
                              {params.sort === c.sort ? (params.order === 'desc' ? ' ▼' : ' ▲') : ' ↕'}
                            </span>
                          </button>
                        ) : (
                          t(`columns.${c.key}`)
                        )}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {state.data.items.map((u) => (
                    <tr key={u.id}>
                      {columns.map((c) => (
                        <td key={c.key} data-label={t(`columns.${c.key}`)}>
                          {c.cell(u)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={state.data.page}
              pageSize={state.data.pageSize}
              total={state.data.total}
              onPage={(page) => update({ page })}
            />
          </>
        )
      ) : null}
    </section>
  );
}

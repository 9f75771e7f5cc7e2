import type { ReactNode } from 'react';
import type { Page } from '../api/contract.ts';
import { useApi } from '../api/use-api.ts';
import { Pagination } from './pagination.tsx';
import { EmptyState, ErrorState, Loading } from './state-views.tsx';

/**
 * One page of an API list as a table: the loading, error and empty states, the rows in a scroll
 * box (`data-count` is the list's total) and the pages below when there are more than one. `url`
 * reads page `page` of `pageSize`; `reloadKey` reads it again after a write.
 */
export function PagedTable<T>(props: {
  readonly url: string;
  readonly reloadKey: number;
  readonly page: number;
  readonly pageSize: number;
  readonly onPage: (page: number) => void;
  readonly testId: string;
  readonly empty: string;
  /** The header row. */
  readonly head: ReactNode;
  /** One body row per item (with its key). */
  readonly row: (item: T) => ReactNode;
}) {
  const state = useApi<Page<T>>(props.url, props.reloadKey);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  if (state.data.items.length === 0)
    return (
      <div data-testid={props.testId} data-count="0">
        <EmptyState>{props.empty}</EmptyState>
      </div>
    );
  return (
    <div className="table-scroll" data-testid={props.testId} data-count={state.data.total}>
      <table className="units">
        <thead>{props.head}</thead>
        <tbody>{state.data.items.map(props.row)}</tbody>
      </table>
      {state.data.total > props.pageSize ? (
        <Pagination
          page={props.page}
          pageSize={props.pageSize}
          total={state.data.total}
          onPage={props.onPage}
        />
      ) : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';

/** Previous / next with "page x of y" and the total; pages are 1-based as in the API. */
export function Pagination(props: {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly onPage: (page: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const fmt = new Intl.NumberFormat(i18n.language);
  return (
    <nav className="pagination" aria-label={t('list.pagination')}>
      <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        {t('list.previous')}
      </button>
      <span data-testid="page-status">
        {t('list.pageOf', { page: fmt.format(props.page), pages: fmt.format(pages) })}
      </span>
      <button type="button" disabled={props.page >= pages} onClick={() => props.onPage(props.page + 1)}>
        {t('list.next')}
      </button>
    </nav>
  );
}

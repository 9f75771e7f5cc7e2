import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Park } from '../../api/contract.ts';
import { useApi } from '../../api/use-api.ts';
import { ErrorState, Loading } from '../../components/state-views.tsx';

/** A park operator's own park, linking to its page (members, waste flows, operating years). */
export function ParkSummary(props: { readonly parkId: string }) {
  const { t } = useTranslation();
  const state = useApi<Park>(`/api/v1/parks/${encodeURIComponent(props.parkId)}`);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  return (
    <section className="card" data-testid="own-park">
      <h2>{t('workspace.park')}</h2>
      <p>
        <Link href={`/parks/${state.data.id}`}>{state.data.name}</Link>
      </p>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { EmptyState, ErrorState, Loading } from '../../components/state-views.tsx';
import type { ParkOperatingYearsResponse } from '../operating/contract.ts';

/** GET /api/v1/parks/{id}/members (src/server/plugins/park-member-routes.ts). */
interface ParkMembersResponse {
  readonly items: readonly {
    readonly enterpriseId: string;
    readonly name: string | null;
    readonly since: string | null;
  }[];
}

/**
 * A park's member enterprises: those registered for it (the published lists name the park only),
 * and, apart and labelled, how many the simulated operating data counts.
 */
export function ParkMembersPanel(props: { readonly parkId: string }) {
  const { t, i18n } = useTranslation();
  const id = encodeURIComponent(props.parkId);
  const members = useApi<ParkMembersResponse>(`/api/v1/parks/${id}/members`);
  const years = useApi<ParkOperatingYearsResponse>(`/api/v1/parks/${id}/operating-years`);
  const latest = years.status === 'ok' ? [...years.data.years].sort((a, b) => b.year - a.year)[0] : undefined;
  if (members.status === 'loading') return <Loading />;
  if (members.status === 'error') return <ErrorState error={members.error} />;
  return (
    <div data-testid="park-members">
      {members.data.items.length === 0 ? (
        <EmptyState>{t('park.noMembers')}</EmptyState>
      ) : (
        <ul className="plain-list">
          {members.data.items.map((m) => (
            <li key={m.enterpriseId}>
              {m.name ?? m.enterpriseId}
              {m.since ? <span className="muted small"> · {t('park.since', { date: m.since })}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {latest ? (
        <p className="muted small" data-testid="park-member-count">
          {t(latest.simulated ? 'park.simulatedCount' : 'park.reportedCount', {
            year: latest.year,
            count: new Intl.NumberFormat(i18n.language).format(latest.data.memberEnterprises),
          })}
        </p>
      ) : null}
    </div>
  );
}

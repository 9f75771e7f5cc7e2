import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isFullDeclaration, type DeclarationView, type Principal } from '../api/contract.ts';
import { useSession } from '../api/session.ts';
import { ErrorState, Loading } from '../components/state-views.tsx';
import { roleLabel } from '../features/auth/role-label.ts';
import { useProvinces } from '../features/geo/use-provinces.ts';
import { AccountsPanel } from '../features/workflow/accounts-panel.tsx';
import { ApplyForm } from '../features/workflow/apply-form.tsx';
import { DeclarationSection } from '../features/workflow/declaration-table.tsx';
import { EnterpriseUnits } from '../features/workflow/enterprise-units.tsx';
import { NegativeListPanel } from '../features/workflow/negative-list-panel.tsx';
import { ParkSummary } from '../features/workflow/park-summary.tsx';

const all = '/api/v1/declarations?sort=updatedAt&order=desc&pageSize=100';

// An administrator's review queue: declarations where its level can move the state forward
// (rejecting and removing are possible nearly everywhere, so they do not put a row in the queue).
const awaitsReview = (d: DeclarationView) => d.actions.some((a) => a !== 'reject' && a !== 'remove');

/** What the signed-in account works on, by role; the public is asked to sign in. */
export function WorkspacePage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'error') return <ErrorState error={session.error} />;
  const p = session.me.principal;
  if (p.kind === 'public')
    return (
      <div className="narrow" data-testid="workspace-public">
        <h1>{t('workspace.title')}</h1>
        <p>{t('workspace.signInFirst')}</p>
        <p>
          <Link href="/login">{t('auth.signIn')}</Link> ·{' '}
          <Link href="/declarations">{t('nav.declarations')}</Link>
        </p>
      </div>
    );
  return (
    <div data-testid={`workspace-${p.kind}`}>
      <h1>{t('workspace.title')}</h1>
      <RoleLine principal={p} />
      <RoleWorkspace principal={p} />
    </div>
  );
}

function RoleLine(props: { readonly principal: Principal }) {
  const { t } = useTranslation();
  const { nameOf } = useProvinces();
  const p = props.principal;
  const region =
    p.kind === 'admin' ? (p.regionCode ? nameOf(p.regionCode) : t('workspace.wholeCountry')) : null;
  return (
    <p className="lede" data-testid="workspace-role">
      {roleLabel(t, p)}
      {region ? ` · ${region}` : ''}
    </p>
  );
}

function RoleWorkspace(props: { readonly principal: Exclude<Principal, { kind: 'public' }> }) {
  const { t } = useTranslation();
  const [reload, setReload] = useState(0);
  const p = props.principal;
  switch (p.kind) {
    case 'admin':
      return (
        <>
          <DeclarationSection
            title={t('workspace.toReview')}
            url={all}
            keep={awaitsReview}
            empty={t('workspace.nothingToReview')}
            testId="review-queue"
          />
          <DeclarationSection
            title={t('workspace.pool')}
            hint={t('workspace.poolHint')}
            url="/api/v1/declarations?state=pool&sort=updatedAt&order=desc&pageSize=100"
            empty={t('workspace.poolEmpty')}
            testId="pool"
          />
          <DeclarationSection
            title={t('workspace.regionDeclarations')}
            url={all}
            empty={t('workspace.noDeclarations')}
            testId="region-declarations"
          />
          <NegativeListPanel principal={p} />
          <AccountsPanel />
        </>
      );
    case 'agency':
      return (
        <DeclarationSection
          title={t('workspace.assignments')}
          hint={t('workspace.assignmentsHint')}
          url={all}
          keep={(d) => isFullDeclaration(d) && d.agencyId === p.agencyId}
          empty={t('workspace.noAssignments')}
          testId="assignments"
        />
      );
    case 'enterprise':
    case 'park_operator':
      return (
        <>
          {p.kind === 'enterprise' ? (
            <EnterpriseUnits enterpriseId={p.enterpriseId} />
          ) : (
            <ParkSummary parkId={p.parkId} />
          )}
          <DeclarationSection
            title={t('workspace.ownDeclarations')}
            url={all}
            keep={isFullDeclaration}
            empty={t('workspace.noOwnDeclarations')}
            testId="own-declarations"
            reloadKey={reload}
          />
          <section className="card">
            <h2>{t('apply.title')}</h2>
            <ApplyForm principal={p} onApplied={() => setReload((n) => n + 1)} />
          </section>
          {p.kind === 'enterprise' ? <NegativeListPanel principal={p} /> : null}
        </>
      );
  }
}

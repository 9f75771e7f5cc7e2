import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  isFullDeclaration,
  type DeclarationEvent,
  type DeclarationView,
  type EvaluationRecord,
  type Page,
} from '../api/contract.ts';
import { useSession } from '../api/session.ts';
import { useApi } from '../api/use-api.ts';
import { EmptyState, ErrorState, Loading } from '../components/state-views.tsx';
import { useProvinces } from '../features/geo/use-provinces.ts';
import { ProfileList } from '../features/registry/profile-list.tsx';
import { DeclarationActions } from '../features/workflow/declaration-actions.tsx';
import { ObjectionsPanel } from '../features/workflow/objections-panel.tsx';

const unitPaths = {
  factory: '/factories',
  park: '/parks',
  supply_chain: '/supply-chain-enterprises',
} as const;

/**
 * One declaration: where it stands in the workflow, its self-evaluation and agency evaluation,
 * the public notice and its objections, its history, and the steps the reader may take now. The
 * public and other tenants see the published fields of a declaration in notice or listed only.
 */
export function DeclarationPage(props: { readonly id: string }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const { nameOf } = useProvinces();
  const [reload, setReload] = useState(0);
  const state = useApi<DeclarationView>(`/api/v1/declarations/${encodeURIComponent(props.id)}`, reload);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  const d = state.data;
  const full = isFullDeclaration(d) ? d : null;
  const date = (iso: string | null) =>
    iso ? new Date(`${iso}T00:00:00`).toLocaleDateString(i18n.language) : null;
  const signedIn = session.status === 'ok' && session.me.principal.kind !== 'public';
  const done = () => setReload((n) => n + 1);
  return (
    <article className="unit-page" data-testid="declaration-page" data-state={d.state}>
      <p className="crumbs">
        <Link href="/declarations">{t('nav.declarations')}</Link>
        {signedIn ? (
          <>
            {' '}
            / <Link href="/workspace">{t('workspace.title')}</Link>
          </>
        ) : null}
      </p>
      <h1>{d.unitName}</h1>
      <p className="lede">
        <span className={`status status-${d.state}`} data-testid="declaration-state">
          {t(`declaration.states.${d.state}`)}
        </span>
      </p>
      <div className="grid-2">
        <section className="card">
          <h2>{t('declaration.summary')}</h2>
          <ProfileList
            rows={[
              [t('declaration.kind'), t(`declaration.kinds.${d.unitKind}`)],
              [t('columns.province'), nameOf(d.provinceCode)],
              [t('declaration.regionCode'), <code key="r">{d.regionCode}</code>],
              [t('declaration.round'), String(d.roundYear)],
              [
                t('declaration.listedUnit'),
                full?.unitId ? (
                  <Link key="u" href={`${unitPaths[d.unitKind]}/${full.unitId}`}>
                    {d.unitName}
                  </Link>
                ) : null,
              ],
              [t('declaration.agency'), full?.agencyId ? <code key="a">{full.agencyId}</code> : null],
              [
                t('declaration.notice'),
                d.noticeStartsOn
                  ? t('declaration.noticePeriod', { from: date(d.noticeStartsOn), to: date(d.noticeEndsOn) })
                  : null,
              ],
              [t('declaration.recheck'), full?.recheckRequired ? t('declaration.recheckPending') : null],
            ]}
          />
          {full ? null : <p className="muted small">{t('declaration.publishedOnly')}</p>}
        </section>
        <section className="card">
          <h2>{t('declaration.evaluations')}</h2>
          {full ? (
            <>
              <EvaluationRecordView
                title={t('declaration.selfEvaluation')}
                record={full.selfEvaluation}
                testId="self-evaluation-record"
              />
              <EvaluationRecordView
                title={t('declaration.agencyEvaluation')}
                record={full.agencyEvaluation}
                testId="agency-evaluation-record"
              />
            </>
          ) : (
            <EmptyState>{t('declaration.evaluationsPrivate')}</EmptyState>
          )}
        </section>
      </div>
      {signedIn ? (
        <section className="card">
          <h2>{t('actions.title')}</h2>
          <DeclarationActions declaration={d} onDone={done} />
        </section>
      ) : null}
      {d.state === 'public_notice' || d.noticeStartsOn ? (
        <section className="card">
          <h2>{t('objections.title')}</h2>
          <ObjectionsPanel declaration={d} reloadKey={reload} onDone={done} />
        </section>
      ) : null}
      {full ? (
        <section className="card">
          <h2>{t('declaration.history')}</h2>
          <History id={d.id} reloadKey={reload} />
        </section>
      ) : null}
    </article>
  );
}

function EvaluationRecordView(props: {
  readonly title: string;
  readonly record: EvaluationRecord | null;
  readonly testId: string;
}) {
  const { t, i18n } = useTranslation();
  const r = props.record;
  return (
    <div data-testid={props.testId}>
      <h3>{props.title}</h3>
      {r === null ? (
        <p className="muted">{t('declaration.notYet')}</p>
      ) : (
        <ProfileList
          rows={[
            [t('declaration.at'), new Date(r.at).toLocaleString(i18n.language)],
            [t('declaration.standard'), r.standard ?? t('declaration.noStandard')],
            [t('declaration.total'), r.total === null ? null : r.total.toFixed(1)],
            [t('declaration.conclusion'), r.conclusion ? t(`evaluationForm.${r.conclusion}`) : null],
            [t('declaration.factCount'), String(Object.keys(r.facts).length)],
            [t('declaration.factsHash'), <code key="h">{r.factsHash.slice(0, 16)}…</code>],
            [t('declaration.note'), r.note],
          ]}
        />
      )}
    </div>
  );
}

function History(props: { readonly id: string; readonly reloadKey: number }) {
  const { t, i18n } = useTranslation();
  const state = useApi<Page<DeclarationEvent>>(
    `/api/v1/declarations/${props.id}/events?pageSize=100`,
    props.reloadKey,
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  if (state.data.items.length === 0) return <EmptyState>{t('declaration.noHistory')}</EmptyState>;
  return (
    <ol className="history" data-testid="history">
      {state.data.items.map((e) => (
        <li key={e.id}>
          <span className="muted small">{new Date(e.at).toLocaleString(i18n.language)}</span>{' '}
          {t(`declaration.events.${e.kind}`, { defaultValue: e.kind.replace(/_/g, ' ') })}
        </li>
      ))}
    </ol>
  );
}

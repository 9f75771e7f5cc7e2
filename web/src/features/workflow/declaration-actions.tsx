import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, DeclarationView, Page, WorkflowAction } from '../../api/contract.ts';
import { isFullDeclaration } from '../../api/contract.ts';
import { useApi } from '../../api/use-api.ts';
import { Field } from '../../components/field.tsx';
import { Loading } from '../../components/state-views.tsx';
import { EvaluationForm } from './evaluation-form.tsx';
import { useWrite, WriteError } from './use-write.tsx';

// The review actions that need nothing but a click (POST …/transitions {action}).
const plainActions: readonly WorkflowAction[] = [
  'admit_pool',
  'recommend_municipal',
  'recommend_provincial',
  'approve_national',
  'list',
  'withdraw',
];

/** The steps the signed-in account may take on this declaration now (the API lists them), each as a form or a button. */
export function DeclarationActions(props: {
  readonly declaration: DeclarationView;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  const d = props.declaration;
  const has = (a: WorkflowAction) => d.actions.includes(a);
  const full = isFullDeclaration(d) ? d : null;
  return (
    <div className="actions" data-testid="declaration-actions">
      {has('self_evaluate') ? (
        <EvaluationForm
          declarationId={d.id}
          mode="self"
          initialFacts={full?.selfEvaluation?.facts ?? null}
          onDone={props.onDone}
        />
      ) : null}
      {has('assign_agency') ? (
        <AssignAgency declarationId={d.id} current={full?.agencyId ?? null} onDone={props.onDone} />
      ) : null}
      {has('agency_evaluate') ? (
        <EvaluationForm
          declarationId={d.id}
          mode="agency"
          initialFacts={full?.selfEvaluation?.facts ?? null}
          onDone={props.onDone}
        />
      ) : null}
      <Transitions declaration={d} onDone={props.onDone} />
      {d.actions.length === 0 ? <p className="muted">{t('actions.none')}</p> : null}
    </div>
  );
}

function Transitions(props: { readonly declaration: DeclarationView; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const d = props.declaration;
  const write = useWrite(props.onDone);
  const [reason, setReason] = useState('');
  const plain = plainActions.filter((a) => d.actions.includes(a));
  const canReject = d.actions.includes('reject');
  if (plain.length === 0 && !canReject) return null;
  const url = `/api/v1/declarations/${d.id}/transitions`;
  return (
    <div className="form" data-testid="transitions">
      <h3>{t('actions.review')}</h3>
      <div className="button-row">
        {plain.map((a) => (
          <button
            key={a}
            type="button"
            disabled={write.busy}
            data-testid={`action-${a}`}
            onClick={() => write.run(url, { action: a })}
          >
            {t(`actions.${a}`)}
          </button>
        ))}
      </div>
      {canReject ? (
        <>
          <Field
            label={t('actions.rejectReason')}
            rows={2}
            value={reason}
            testId="reject-reason"
            onChange={setReason}
          />
          <button
            type="button"
            className="danger"
            disabled={write.busy}
            data-testid="action-reject"
            onClick={() =>
              reason.trim()
                ? write.run(url, { action: 'reject', reason: reason.trim() })
                : write.setError(t('actions.rejectNeedsReason'))
            }
          >
            {t('actions.reject')}
          </button>
        </>
      ) : null}
      <WriteError error={write.error} />
    </div>
  );
}

function AssignAgency(props: {
  readonly declarationId: string;
  readonly current: string | null;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  const agencies = useApi<Page<Agency>>('/api/v1/agencies?pageSize=100');
  const [agencyId, setAgencyId] = useState('');
  const write = useWrite(props.onDone);
  if (agencies.status === 'loading') return <Loading />;
  if (agencies.status === 'error') return <WriteError error={agencies.error.message} />;
  const items = agencies.data.items;
  const chosen = agencyId || items[0]?.id || '';
  return (
    <div className="form" data-testid="assign-agency">
      <h3>{t('actions.assignAgency')}</h3>
      <p className="muted small">{t('actions.assignAgencyHint')}</p>
      {props.current ? (
        <p className="small" data-testid="current-agency">
          {t('actions.currentAgency', {
            name: items.find((a) => a.id === props.current)?.name ?? props.current,
          })}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="muted">{t('actions.noAgencies')}</p>
      ) : (
        <>
          <select value={chosen} data-testid="agency-select" onChange={(e) => setAgencyId(e.target.value)}>
            {items.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={write.busy}
            data-testid="assign-agency-submit"
            onClick={() =>
              write.run(`/api/v1/declarations/${props.declarationId}/agency`, { agencyId: chosen })
            }
          >
            {t('actions.engage')}
          </button>
        </>
      )}
      <WriteError error={write.error} />
    </div>
  );
}

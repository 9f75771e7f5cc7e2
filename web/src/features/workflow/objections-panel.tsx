import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclarationView, Objection, Page } from '../../api/contract.ts';
import { isFullDeclaration } from '../../api/contract.ts';
import { useSession } from '../../api/session.ts';
import { useApi } from '../../api/use-api.ts';
import { Field } from '../../components/field.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/state-views.tsx';
import { useWrite, WriteError } from './use-write.tsx';

/**
 * The 15-day public notice: any signed-in account may lodge an objection while it runs; those who
 * see the full record read the objections; a national administrator resolves each (upheld rejects).
 */
export function ObjectionsPanel(props: {
  readonly declaration: DeclarationView;
  readonly reloadKey: number;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const d = props.declaration;
  const signedIn = session.status === 'ok' && session.me.principal.kind !== 'public';
  const p = session.status === 'ok' ? session.me.principal : null;
  const national = p?.kind === 'admin' && p.level === 'national';
  return (
    <div data-testid="objections">
      {isFullDeclaration(d) ? (
        <ObjectionList
          declarationId={d.id}
          reloadKey={props.reloadKey}
          resolvable={national}
          onDone={props.onDone}
        />
      ) : null}
      {d.state === 'public_notice' ? (
        signedIn ? (
          <LodgeObjection declarationId={d.id} onDone={props.onDone} />
        ) : (
          <p className="muted">{t('objections.signInToLodge')}</p>
        )
      ) : null}
    </div>
  );
}

function ObjectionList(props: {
  readonly declarationId: string;
  readonly reloadKey: number;
  readonly resolvable: boolean;
  readonly onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const state = useApi<Page<Objection>>(
    `/api/v1/declarations/${props.declarationId}/objections`,
    props.reloadKey,
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  if (state.data.items.length === 0) return <EmptyState>{t('objections.none')}</EmptyState>;
  return (
    <ul className="plain-list" data-testid="objection-list">
      {state.data.items.map((o) => (
        <li key={o.id} data-status={o.status}>
          <p>{o.text}</p>
          <p className="muted small">
            {new Date(o.lodgedAt).toLocaleString(i18n.language)} · {t(`objections.status.${o.status}`)}
            {o.resolution ? ` · ${o.resolution}` : ''}
          </p>
          {props.resolvable && o.status === 'open' ? (
            <ResolveObjection declarationId={props.declarationId} objectionId={o.id} onDone={props.onDone} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function LodgeObjection(props: { readonly declarationId: string; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const write = useWrite(() => {
    setText('');
    setSent(true);
    props.onDone();
  });
  return (
    <div className="form" data-testid="lodge-objection">
      <h3>{t('objections.lodgeTitle')}</h3>
      <p className="muted small">{t('objections.lodgeHint')}</p>
      <textarea
        rows={3}
        value={text}
        data-testid="objection-text"
        onChange={(e) => setText(e.target.value)}
      />
      <WriteError error={write.error} />
      {sent ? (
        <p className="form-ok" role="status" data-testid="objection-sent">
          {t('objections.sent')}
        </p>
      ) : null}
      <button
        type="button"
        disabled={write.busy}
        data-testid="objection-submit"
        onClick={() =>
          text.trim()
            ? write.run(`/api/v1/declarations/${props.declarationId}/objections`, { text: text.trim() })
            : write.setError(t('objections.empty'))
        }
      >
        {t('objections.lodge')}
      </button>
    </div>
  );
}

function ResolveObjection(props: {
  readonly declarationId: string;
  readonly objectionId: string;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const write = useWrite(props.onDone);
  const resolve = (outcome: 'upheld' | 'dismissed') =>
    note.trim()
      ? write.run(`/api/v1/declarations/${props.declarationId}/objections/${props.objectionId}/resolution`, {
          outcome,
          note: note.trim(),
        })
      : write.setError(t('objections.noteNeeded'));
  return (
    <div className="form" data-testid="resolve-objection">
      <Field
        label={t('objections.resolutionNote')}
        value={note}
        testId="resolution-note"
        onChange={setNote}
      />
      <div className="button-row">
        <button
          type="button"
          disabled={write.busy}
          data-testid="dismiss-objection"
          onClick={() => resolve('dismissed')}
        >
          {t('objections.dismiss')}
        </button>
        <button type="button" className="danger" disabled={write.busy} onClick={() => resolve('upheld')}>
          {t('objections.uphold')}
        </button>
      </div>
      <WriteError error={write.error} />
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NegativeListEntry, Principal } from '../../api/contract.ts';
import { negativeListReasonKeys } from '../../api/contract.ts';
import { forgetAnswers } from '../../api/use-api.ts';
import { Field } from '../../components/field.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useWrite, WriteError } from './use-write.tsx';

const pageSize = 20;

/**
 * The art. 15 negative list in a workspace. National administrators read the whole list; the
 * others read one enterprise of their region at a time (the API's rule); province and national
 * administrators enter a situation; an enterprise user reads its own entries.
 */
export function NegativeListPanel(props: { readonly principal: Exclude<Principal, { kind: 'public' }> }) {
  const { t } = useTranslation();
  const p = props.principal;
  const [reload, setReload] = useState(0);
  const [enterprise, setEnterprise] = useState('');
  const [lookedUp, setLookedUp] = useState('');
  const national = p.kind === 'admin' && p.level === 'national';
  const mayEnter = p.kind === 'admin' && p.level !== 'city';
  const byEnterprise = p.kind === 'admin' && !national;
  return (
    <section className="card" data-testid="negative-list">
      <h2>{t('negativeList.title')}</h2>
      <p className="muted small">{t('negativeList.hint')}</p>
      {byEnterprise ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            setLookedUp(enterprise.trim());
          }}
        >
          <Field
            label={t('negativeList.enterprise')}
            value={enterprise}
            testId="negative-lookup-id"
            onChange={setEnterprise}
          />
          <button type="submit" data-testid="negative-lookup">
            {t('negativeList.lookUp')}
          </button>
        </form>
      ) : null}
      {!byEnterprise || lookedUp ? (
        <EntryTable
          enterpriseId={byEnterprise ? lookedUp : null}
          reloadKey={reload}
          showEnterprise={p.kind === 'admin'}
        />
      ) : null}
      {mayEnter ? (
        <EnterEntry
          onDone={(enterpriseId) => {
            forgetAnswers('/api/v1/negative-list');
            if (byEnterprise) {
              setEnterprise(enterpriseId);
              setLookedUp(enterpriseId);
            }
            setReload((n) => n + 1);
          }}
        />
      ) : null}
    </section>
  );
}

function EntryTable(props: {
  readonly enterpriseId: string | null;
  readonly reloadKey: number;
  readonly showEnterprise: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const query = new URLSearchParams({ order: 'desc', page: String(page), pageSize: String(pageSize) });
  if (props.enterpriseId) query.set('enterpriseId', props.enterpriseId);
  return (
    <PagedTable<NegativeListEntry>
      url={`/api/v1/negative-list?${query.toString()}`}
      reloadKey={props.reloadKey}
      page={page}
      pageSize={pageSize}
      onPage={setPage}
      testId="negative-entries"
      empty={t('negativeList.none')}
      head={
        <tr>
          {props.showEnterprise ? <th scope="col">{t('negativeList.enterprise')}</th> : null}
          <th scope="col">{t('negativeList.reason')}</th>
          <th scope="col">{t('negativeList.since')}</th>
          <th scope="col">{t('negativeList.until')}</th>
          <th scope="col">{t('negativeList.note')}</th>
        </tr>
      }
      row={(e) => (
        <tr key={e.id} data-reason={e.reason}>
          {props.showEnterprise ? <td>{e.enterpriseId}</td> : null}
          <td>{t(`negativeList.reasons.${e.reason}`)}</td>
          <td>{new Date(`${e.since}T00:00:00`).toLocaleDateString(i18n.language)}</td>
          <td>{new Date(`${threeYearsOn(e.since)}T00:00:00`).toLocaleDateString(i18n.language)}</td>
          <td>{e.note ?? ''}</td>
        </tr>
      )}
    />
  );
}

/** A situation counts for three years from the day it arose (art. 15). */
function threeYearsOn(since: string): string {
  return `${String(Number(since.slice(0, 4)) + 3).padStart(4, '0')}${since.slice(4)}`;
}

function EnterEntry(props: { readonly onDone: (enterpriseId: string) => void }) {
  const { t } = useTranslation();
  const [enterpriseId, setEnterpriseId] = useState('');
  const [reason, setReason] = useState<string>(negativeListReasonKeys[0] ?? 'not_operating');
  const [since, setSince] = useState('');
  const [note, setNote] = useState('');
  const [added, setAdded] = useState(false);
  const write = useWrite(() => {
    setAdded(true);
    props.onDone(enterpriseId.trim());
  });
  const submit = () => {
    setAdded(false);
    if (!enterpriseId.trim()) return write.setError(t('negativeList.needEnterprise'));
    if (!since) return write.setError(t('negativeList.needSince'));
    write.run('/api/v1/negative-list', {
      enterpriseId: enterpriseId.trim(),
      reason,
      since,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  return (
    <div className="form" data-testid="negative-enter">
      <h3>{t('negativeList.enterTitle')}</h3>
      <Field
        label={t('negativeList.enterprise')}
        value={enterpriseId}
        testId="negative-enterprise"
        onChange={setEnterpriseId}
      />
      <label>
        {t('negativeList.reason')}
        <select value={reason} data-testid="negative-reason" onChange={(e) => setReason(e.target.value)}>
          {negativeListReasonKeys.map((k) => (
            <option key={k} value={k}>
              {t(`negativeList.reasons.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('negativeList.since')}
        <input
          type="date"
          value={since}
          data-testid="negative-since"
          onChange={(e) => setSince(e.target.value)}
        />
      </label>
      <Field label={t('negativeList.note')} value={note} rows={2} testId="negative-note" onChange={setNote} />
      <WriteError error={write.error} />
      {added ? (
        <p className="form-ok" role="status" data-testid="negative-added">
          {t('negativeList.added')}
        </p>
      ) : null}
      <button type="button" disabled={write.busy} data-testid="negative-submit" onClick={submit}>
        {t('negativeList.enter')}
      </button>
    </div>
  );
}

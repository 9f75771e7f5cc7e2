import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../api/contract.ts';
import { forgetAnswers } from '../../api/use-api.ts';
import { withQuery } from '../../api/client.ts';
import { Field } from '../../components/field.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useProvinces } from '../geo/use-provinces.ts';
import { useWrite, WriteError } from './use-write.tsx';

const pageSize = 20;
const roles = ['enterprise', 'park_operator', 'agency', 'admin'] as const;
type Role = (typeof roles)[number];

/**
 * The accounts of an administrator's region: searched and paged, each disabled or enabled again,
 * and new ones made for enterprises, parks, agencies and administrators below (the API decides
 * what the administrator's level may make and says so).
 */
export function AccountsPanel() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [reload, setReload] = useState(0);
  const changed = () => {
    forgetAnswers('/api/v1/accounts');
    setReload((n) => n + 1);
  };
  return (
    <section className="card" data-testid="accounts">
      <h2>{t('people.title')}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setQuery(q.trim());
        }}
      >
        <Field label={t('people.search')} value={q} testId="accounts-q" onChange={setQ} />
        <button type="submit" data-testid="accounts-search">
          {t('people.searchButton')}
        </button>
      </form>
      <AccountTable query={query} page={page} onPage={setPage} reloadKey={reload} onChanged={changed} />
      <CreateAccount onDone={changed} />
    </section>
  );
}

function AccountTable(props: {
  readonly query: string;
  readonly page: number;
  readonly onPage: (page: number) => void;
  readonly reloadKey: number;
  readonly onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { nameOf } = useProvinces();
  const url = withQuery('/api/v1/accounts', {
    q: props.query,
    sort: 'createdAt',
    order: 'desc',
    page: props.page,
    pageSize,
  });
  return (
    <PagedTable<Account>
      url={url}
      reloadKey={props.reloadKey}
      page={props.page}
      pageSize={pageSize}
      onPage={props.onPage}
      testId="account-rows"
      empty={t('people.none')}
      head={
        <tr>
          <th scope="col">{t('people.email')}</th>
          <th scope="col">{t('people.name')}</th>
          <th scope="col">{t('people.role')}</th>
          <th scope="col">{t('people.scope')}</th>
          <th scope="col">{t('people.status')}</th>
        </tr>
      }
      row={(a) => (
        <tr key={a.id} data-email={a.email} data-disabled={a.disabled}>
          <td>{a.email}</td>
          <td>{a.displayName}</td>
          <td>
            {a.role === 'admin'
              ? t('auth.role.admin', { level: t(`auth.level.${a.adminLevel ?? 'national'}`) })
              : t(`auth.role.${a.role}`)}
          </td>
          <td>{scopeOf(a, nameOf)}</td>
          <td>
            <ToggleDisabled account={a} onDone={props.onChanged} />
          </td>
        </tr>
      )}
    />
  );
}

/** What an account is bound to: its region, enterprise, park or agency. */
function scopeOf(a: Account, nameOf: (code: string | null) => string): string {
  const parts = [a.regionCode ? nameOf(a.regionCode) : null, a.enterpriseId, a.parkId, a.agencyId].filter(
    (x): x is string => Boolean(x),
  );
  return parts.join(' · ');
}

function ToggleDisabled(props: { readonly account: Account; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const a = props.account;
  const write = useWrite(props.onDone);
  return (
    <>
      <span className={`status ${a.disabled ? 'status-rejected' : 'status-listed'}`}>
        {a.disabled ? t('people.disabled') : t('people.active')}
      </span>{' '}
      <button
        type="button"
        className={a.disabled ? undefined : 'danger'}
        disabled={write.busy}
        data-testid="account-toggle"
        onClick={() => write.run(`/api/v1/accounts/${a.id}`, { disabled: !a.disabled }, 'PATCH')}
      >
        {a.disabled ? t('people.enable') : t('people.disable')}
      </button>
      <WriteError error={write.error} />
    </>
  );
}

function CreateAccount(props: { readonly onDone: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('enterprise');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [level, setLevel] = useState<'province' | 'city'>('province');
  const [region, setRegion] = useState('');
  const [bound, setBound] = useState('');
  const [made, setMade] = useState<string | null>(null);
  const write = useWrite(() => {
    setMade(email.trim());
    setEmail('');
    setPassword('');
    setDisplayName('');
    props.onDone();
  });
  const boundField = { enterprise: 'enterpriseId', park_operator: 'parkId', agency: 'agencyId', admin: null }[
    role
  ];
  const submit = () => {
    setMade(null);
    write.run('/api/v1/accounts', {
      email: email.trim(),
      password,
      role,
      ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      ...(role === 'admin' ? { level } : {}),
      ...((role === 'admin' || role === 'park_operator') && region.trim() ? { region: region.trim() } : {}),
      ...(boundField && bound.trim() ? { [boundField]: bound.trim() } : {}),
    });
  };
  return (
    <div className="form" data-testid="account-create">
      <h3>{t('people.createTitle')}</h3>
      <label>
        {t('people.role')}
        <select value={role} data-testid="account-role" onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r === 'admin' ? t('people.adminBelow') : t(`auth.role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <Field
        label={t('people.email')}
        value={email}
        type="email"
        testId="account-email"
        onChange={setEmail}
      />
      <Field label={t('people.name')} value={displayName} testId="account-name" onChange={setDisplayName} />
      <Field
        label={t('people.password')}
        value={password}
        type="password"
        autoComplete="new-password"
        testId="account-password"
        onChange={setPassword}
      />
      {role === 'admin' ? (
        <label>
          {t('people.level')}
          <select
            value={level}
            data-testid="account-level"
            onChange={(e) => setLevel(e.target.value as 'province' | 'city')}
          >
            <option value="province">{t('auth.level.province')}</option>
            <option value="city">{t('auth.level.city')}</option>
          </select>
        </label>
      ) : null}
      {role === 'admin' || role === 'park_operator' ? (
        <Field label={t('people.region')} value={region} testId="account-region" onChange={setRegion} />
      ) : null}
      {boundField ? (
        <Field label={t(`people.bound.${role}`)} value={bound} testId="account-bound" onChange={setBound} />
      ) : null}
      <WriteError error={write.error} />
      {made ? (
        <p className="form-ok" role="status" data-testid="account-made">
          {t('people.made', { email: made })}
        </p>
      ) : null}
      <button type="button" disabled={write.busy} data-testid="account-submit" onClick={submit}>
        {t('people.create')}
      </button>
    </div>
  );
}

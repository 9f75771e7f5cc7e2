import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { signIn, useSession } from '../api/session.ts';
import { Field } from '../components/field.tsx';
import { Loading } from '../components/state-views.tsx';
import { writeErrorText } from '../features/workflow/write-error-text.ts';

/** Sign in with e-mail and password (accounts are made by administrators, or `greenmfg admin create`). */
export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (session.status === 'loading') return <Loading />;
  const signedIn = session.status === 'ok' && session.me.account !== null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError(t('auth.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    signIn(email.trim(), password).then(
      () => navigate('/workspace'),
      (err: unknown) => {
        setBusy(false);
        setError(writeErrorText(t, err, 'auth.wrongCredentials'));
      },
    );
  };

  return (
    <div className="narrow" data-testid="login-page">
      <h1>{t('auth.title')}</h1>
      {signedIn ? <p className="muted">{t('auth.alreadySignedIn')}</p> : null}
      <p className="muted small">{t('auth.intro')}</p>
      <form className="card form" onSubmit={submit} noValidate>
        <Field
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          value={email}
          testId="login-email"
          onChange={setEmail}
        />
        <Field
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          testId="login-password"
          onChange={setPassword}
        />
        {error ? (
          <p className="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy} data-testid="login-submit">
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </div>
  );
}

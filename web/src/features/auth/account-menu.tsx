import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { signOut, useSession } from '../../api/session.ts';
import { roleLabel } from './role-label.ts';

/** The top bar's account area: "Sign in" for the public; the account, its role, its workspace and "Sign out" otherwise. */
export function AccountMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  if (session.status !== 'ok') return null;
  const { principal, account } = session.me;
  if (principal.kind === 'public' || account === null)
    return (
      <Link href="/login" className="account-link" data-testid="sign-in-link">
        {t('auth.signIn')}
      </Link>
    );
  return (
    <div className="account-menu" data-testid="account-menu">
      <Link href="/workspace" className="account-link" title={account.email}>
        {account.displayName}
        <span className="muted small"> · {roleLabel(t, principal)}</span>
      </Link>
      <button
        type="button"
        disabled={busy}
        data-testid="sign-out"
        onClick={() => {
          setBusy(true);
          signOut().then(
            () => {
              setBusy(false);
              navigate('/');
            },
            () => setBusy(false),
          );
        }}
      >
        {t('auth.signOut')}
      </button>
    </div>
  );
}

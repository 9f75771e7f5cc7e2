import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** Shown while data is on its way. */
export function Loading(props: { readonly what?: string }) {
  const { t } = useTranslation();
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      {props.what ? t('state.loadingWhat', { what: props.what }) : t('state.loading')}
    </p>
  );
}

/** Shown when a read failed: what went wrong, in plain words, and a way to try again. */
export function ErrorState(props: { readonly error: Error }) {
  const { t } = useTranslation();
  const e = props.error;
  const message =
    e instanceof ApiError
      ? e.status === 404
        ? t('state.notFound')
        : e.status >= 500
          ? t('state.serverError')
          : t('state.requestError', { message: e.message })
      : t('state.networkError');
  return (
    <div className="state state-error" role="alert">
      <p>{message}</p>
      {e instanceof ApiError && e.body ? <p className="muted small">{e.body.code}</p> : null}
      <button type="button" onClick={() => window.location.reload()}>
        {t('state.retry')}
      </button>
    </div>
  );
}

/** Shown when a read succeeded with nothing in it. */
export function EmptyState(props: { readonly children: ReactNode }) {
  return <p className="state state-empty">{props.children}</p>;
}

/**
 * Shown where a screen is built but the server has no API for it yet: the console never makes up
 * data in the browser, so it says plainly what will appear here.
 */
export function NotYetAvailable(props: { readonly what: string; readonly testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-unavailable" data-testid={props.testId}>
      <p>{t('state.notYetAvailable', { what: props.what })}</p>
    </div>
  );
}

/** A banner wherever the figures shown are simulated operating data, not reported data. */
export function SimulatedBanner() {
  const { t } = useTranslation();
  return (
    <p className="banner-simulated" role="note" data-testid="simulated-banner">
      {t('state.simulated')}
    </p>
  );
}

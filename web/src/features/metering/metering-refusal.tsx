import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../../api/client.ts';

/** Whether the metering API refused to show the data to this reader (401 signed out, 403 another enterprise). */
export const isRefusal = (e: Error): boolean =>
  e instanceof ApiError && (e.status === 401 || e.status === 403);

/** Metered data is the enterprise's own: said plainly, with the way to see it. */
export function MeteringRefusal() {
  const { t } = useTranslation();
  return (
    <div className="state state-unavailable" data-testid="metering-refused">
      <p>
        {t('metering.signInToSee')} <Link href="/login">{t('auth.signIn')}</Link>
      </p>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useSession } from '../api/session.ts';
import { DeclarationSection } from '../features/workflow/declaration-table.tsx';

/**
 * Declarations as the reader may see them: everyone sees those in the 15-day public notice and
 * those listed; a signed-in account also sees its own, its region's or its assignments.
 */
export function DeclarationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = session.status === 'ok' && session.me.principal.kind !== 'public';
  return (
    <div data-testid="declarations-page">
      <h1>{t('declarations.title')}</h1>
      <p className="lede">{signedIn ? t('declarations.introSignedIn') : t('declarations.introPublic')}</p>
      <DeclarationSection
        title={t('declarations.notice')}
        url="/api/v1/declarations?state=public_notice&sort=updatedAt&order=desc&pageSize=100"
        empty={t('declarations.noNotice')}
        testId="notice-declarations"
      />
      <DeclarationSection
        title={t('declarations.listed')}
        url="/api/v1/declarations?state=listed&sort=updatedAt&order=desc&pageSize=100"
        empty={t('declarations.noListed')}
        testId="listed-declarations"
      />
      {signedIn ? (
        <p>
          <Link href="/workspace">{t('declarations.toWorkspace')}</Link>
        </p>
      ) : (
        <p className="muted small">
          {t('declarations.signInHint')} <Link href="/login">{t('auth.signIn')}</Link>
        </p>
      )}
    </div>
  );
}

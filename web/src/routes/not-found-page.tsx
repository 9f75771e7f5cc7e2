import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

/** Any path the console does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="state state-empty">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}

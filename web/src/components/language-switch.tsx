import { useTranslation } from 'react-i18next';
import { languages, switchLanguage, type Language } from '../i18n/setup.ts';

const labels: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** The zh-CN / English switch; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('nav.language')}>
      {languages.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={i18n.language === lng}
          data-testid={`lang-${lng}`}
          onClick={() => void switchLanguage(lng)}
        >
          {labels[lng]}
        </button>
      ))}
    </div>
  );
}

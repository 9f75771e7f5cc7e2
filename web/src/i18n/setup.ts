import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'greenmfg.language';

const isLanguage = (x: unknown): x is Language => languages.includes(x as Language);

/** The remembered language, else the browser's when it is not Chinese-speaking, else zh-CN. */
function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(storageKey);
    if (isLanguage(saved)) return saved;
  } catch {
    // localStorage can be blocked (private modes); fall through to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('zh') || !navigator.language ? 'zh-CN' : 'en';
}

/** Switches the console's language and remembers it in localStorage. */
export async function switchLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(storageKey, lng);
  } catch {
    // Not remembered, but still switched.
  }
  await i18next.changeLanguage(lng);
}

/** Initialises i18next with both bundled languages (they are small; no lazy loading needed). */
export async function setupI18n(): Promise<void> {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  await i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}

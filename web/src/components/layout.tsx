import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { AccountMenu } from '../features/auth/account-menu.tsx';
import { LanguageSwitch } from './language-switch.tsx';

const sections = [
  { href: '/', key: 'nav.overview' },
  { href: '/factories', key: 'nav.factories' },
  { href: '/supply-chain-enterprises', key: 'nav.supplyChain' },
  { href: '/parks', key: 'nav.parks' },
  { href: '/products', key: 'nav.products' },
  { href: '/policies', key: 'nav.policies' },
  { href: '/declarations', key: 'nav.declarations' },
] as const;

/** The console's frame: brand, the sections, the language switch, and the page below. */
export function Layout(props: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const active = (href: string) => (href === '/' ? location === '/' : location.startsWith(href));
  return (
    <div className="app">
      <header className="topbar">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ●
          </span>
          {t('brand')}
        </Link>
        <nav className="sections" aria-label={t('nav.sections')}>
          {sections.map((s) => (
            <Link key={s.href} href={s.href} className={active(s.href) ? 'active' : ''}>
              {t(s.key)}
            </Link>
          ))}
        </nav>
        <div className="topbar-end">
          <AccountMenu />
          <LanguageSwitch />
        </div>
      </header>
      <main className="page">{props.children}</main>
      <footer className="footer muted small">{t('footer')}</footer>
    </div>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { LanguageSwitch } from '../components/language-switch';
import { PublicSwitch } from '../components/public-switch';
import { useRunningImports } from '../features/importer/import-entries.store';
import { useLeaveWarning } from '../hooks/use-leave-warning';
import { ROUTES } from './routes';
import { useDropToImport } from './use-drop-to-import';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  useDropToImport();
  // An import keeps running while another page is open: the menu says so, and Importera shows its progress on return.
  const runningImports = useRunningImports();
  // A reload or a closed tab ends the import and rolls it back (one transaction): the browser asks first.
  useLeaveWarning(runningImports > 0);
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-controls">
          <PublicSwitch />
          <LanguageSwitch />
        </div>
      </header>
      <nav className="app-nav" aria-label={t('app.mainNavigation')}>
        <ul>
          {ROUTES.map((r) => (
            <li key={r.path}>
              <Link href={r.path} aria-current={location === r.path ? 'page' : undefined}>
                {t(r.titleKey)}
                {r.path === '/importera' && runningImports > 0 && (
                  <span className="nav-busy" data-testid="nav-import-running" title={t('app.importsRunning', { count: runningImports })}>
                    {' '}<span aria-hidden="true">⏳</span><span className="visually-hidden">{t('app.importsRunning', { count: runningImports })}</span>
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>{children}</main>
      <footer className="app-footer">{t('app.privacyNote')} · <Link href="/tillganglighet">{t('pages.accessibility')}</Link></footer>
    </div>
  );
}

import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ErrorBoundary } from '../components/error-boundary';
import { Page } from '../components/page';
import { GoalsPage } from '../features/goals/goals.view';
import { AccessibilityPage } from '../features/accessibility/accessibility.view';
import { HelpPage } from '../features/help/help.view';
import { ImporterPage } from '../features/importer/importer.view';
import { OverviewPage } from '../features/overview/overview.view';
import { SettingsPage } from '../features/settings/settings.view';
import { DatabaseGate, useDatabaseStart } from './database-provider';

// MapLibre is large: loaded with the map page, not with the app.
const MapPage = lazy(() => import('../features/map/map.view').then((m) => ({ default: m.MapPage })));
const TrendsPage = lazy(() => import('../features/trends/trends.view').then((m) => ({ default: m.TrendsPage })));
const PresentationPage = lazy(() => import('../features/lagesbild/presentation.view').then((m) => ({ default: m.PresentationPage })));
const LagesbildPage = lazy(() => import('../features/lagesbild/lagesbild.view').then((m) => ({ default: m.LagesbildPage })));
import { DatasetBanner } from './dataset-banner';
import { useFilterUrlSync } from './filter-url';
import { Layout } from './layout';

function ViewError({ error }: { error: Error }) {
  const { t } = useTranslation();
  return <div role="alert" className="error"><p>{t('errors.viewFailed')}</p><pre>{error.message}</pre></div>;
}

export function App() {
  const { t } = useTranslation();
  const start = useDatabaseStart();
  useFilterUrlSync();
  const withData = (node: React.ReactNode) => (
    <DatabaseGate start={start}>
      <DatasetBanner />
      <ErrorBoundary fallback={(error) => <ViewError error={error} />}>{node}</ErrorBoundary>
    </DatabaseGate>
  );
  return (
    // Hash routing: dist/ works from any static server or file share, with no server-side rewrites.
    <Router hook={useHashLocation}>
      <Layout>
        <Switch>
          <Route path="/">{withData(<OverviewPage />)}</Route>
          <Route path="/lagesbild">{withData(<Suspense fallback={<p className="hint">{t('app.loading')}</p>}><LagesbildPage /></Suspense>)}</Route>
          <Route path="/karta">{withData(<Suspense fallback={<p className="hint">{t('app.loading')}</p>}><MapPage /></Suspense>)}</Route>
          <Route path="/trender">{withData(<Suspense fallback={<p className="hint">{t('app.loading')}</p>}><TrendsPage /></Suspense>)}</Route>
          <Route path="/mal">{withData(<GoalsPage />)}</Route>
          <Route path="/importera">{withData(<ImporterPage />)}</Route>
          <Route path="/presentation">{withData(<Suspense fallback={<p className="hint">{t('app.loading')}</p>}><PresentationPage /></Suspense>)}</Route>
          <Route path="/installningar">{withData(<SettingsPage />)}</Route>
          <Route path="/hjalp"><HelpPage /></Route>
          <Route path="/tillganglighet"><AccessibilityPage /></Route>
          <Route><Page title={t('pages.notFound')}>{null}</Page></Route>
        </Switch>
      </Layout>
    </Router>
  );
}

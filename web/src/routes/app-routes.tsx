import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { Loading } from '../components/state-views.tsx';

// Each screen is its own chunk, so the overview loads only what it draws (the weight budget).
const loadOverview = () => import('./overview-page.tsx');
const OverviewPage = lazy(() => loadOverview().then((m) => ({ default: m.OverviewPage })));
const ProvincePage = lazy(() => import('./province-page.tsx').then((m) => ({ default: m.ProvincePage })));
const UnitListPage = lazy(() => import('./unit-list-page.tsx').then((m) => ({ default: m.UnitListPage })));
const FactoryPage = lazy(() => import('./factory-page.tsx').then((m) => ({ default: m.FactoryPage })));
const ParkPage = lazy(() => import('./park-page.tsx').then((m) => ({ default: m.ParkPage })));
const ProductPage = lazy(() => import('./product-page.tsx').then((m) => ({ default: m.ProductPage })));
const SupplyChainPage = lazy(() =>
  import('./supply-chain-page.tsx').then((m) => ({ default: m.SupplyChainPage })),
);
const PoliciesPage = lazy(() => import('./policies-page.tsx').then((m) => ({ default: m.PoliciesPage })));
const PolicyPage = lazy(() => import('./policy-page.tsx').then((m) => ({ default: m.PolicyPage })));
const LoginPage = lazy(() => import('./login-page.tsx').then((m) => ({ default: m.LoginPage })));
const WorkspacePage = lazy(() => import('./workspace-page.tsx').then((m) => ({ default: m.WorkspacePage })));
const DeclarationsPage = lazy(() =>
  import('./declarations-page.tsx').then((m) => ({ default: m.DeclarationsPage })),
);
const DeclarationPage = lazy(() =>
  import('./declaration-page.tsx').then((m) => ({ default: m.DeclarationPage })),
);
const NotFoundPage = lazy(() => import('./not-found-page.tsx').then((m) => ({ default: m.NotFoundPage })));

// wouter decodes paths with decodeURI, which leaves reserved characters such as "@" (%40) encoded.
const decodeKey = (key: string): string => {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
};

/** Starts loading the code of the screen a page opens on, before React renders. */
export function preloadRoute(pathname: string): void {
  if (pathname === '/') loadOverview().catch(() => undefined);
}

/** The console's screens by path. */
export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/">
          <OverviewPage />
        </Route>
        <Route path="/provinces/:code">{(p) => <ProvincePage code={p.code} />}</Route>
        <Route path="/factories">
          <UnitListPage kind="factory" />
        </Route>
        <Route path="/factories/:id">{(p) => <FactoryPage id={p.id} />}</Route>
        <Route path="/supply-chain-enterprises">
          <UnitListPage kind="supply_chain" />
        </Route>
        <Route path="/supply-chain-enterprises/:id">{(p) => <SupplyChainPage id={p.id} />}</Route>
        <Route path="/parks">
          <UnitListPage kind="park" />
        </Route>
        <Route path="/parks/:id">{(p) => <ParkPage id={p.id} />}</Route>
        <Route path="/products">
          <UnitListPage kind="product" />
        </Route>
        <Route path="/products/:id">{(p) => <ProductPage id={p.id} />}</Route>
        <Route path="/policies">
          <PoliciesPage />
        </Route>
        <Route path="/policies/:key">{(p) => <PolicyPage policyKey={decodeKey(p.key)} />}</Route>
        <Route path="/login">
          <LoginPage />
        </Route>
        <Route path="/workspace">
          <WorkspacePage />
        </Route>
        <Route path="/declarations">
          <DeclarationsPage />
        </Route>
        <Route path="/declarations/:id">{(p) => <DeclarationPage id={p.id} />}</Route>
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </Suspense>
  );
}

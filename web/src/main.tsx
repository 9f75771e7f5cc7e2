import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Layout } from './components/layout.tsx';
import { prefetch } from './api/use-api.ts';
import { setupI18n } from './i18n/setup.ts';
import { AppRoutes, preloadRoute } from './routes/app-routes.tsx';
import './styles.css';

// The overview's code and data are fetched in parallel with start-up instead of one after another.
preloadRoute(window.location.pathname);
prefetch([
  '/api/v1/regions?level=province',
  ...(window.location.pathname === '/' ? ['/api/v1/stats', '/geo/china-paths.json'] : []),
]);

const root = document.getElementById('root');
if (root) {
  void setupI18n().then(() => {
    createRoot(root).render(
      <StrictMode>
        <Layout>
          <AppRoutes />
        </Layout>
      </StrictMode>,
    );
  });
}

// Vite build of the web console. The province geometry is read from datasets/geo at build time and
// emitted as SVG paths, /geo/china-paths.json, so the map data lives once in git and stays out of
// the JS bundles.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chinaPaths } from './src/features/geo/china-paths.ts';
import { defineConfig, type Plugin, type Rollup } from 'vite';

const webDir = import.meta.dirname;
const chinaGeo = resolve(webDir, '../datasets/geo/echarts-4.9.0-china.json');

/** The province outlines as SVG paths (web/src/features/geo/china-paths.ts), from the shipped geometry. */
const chinaPathsJson = () =>
  JSON.stringify(chinaPaths(JSON.parse(readFileSync(chinaGeo, 'utf8')) as Parameters<typeof chinaPaths>[0]));

/** Serves (dev) and emits (build) the province outlines as /geo/china-paths.json. */
function chinaGeometry(): Plugin {
  return {
    name: 'greenmfg-china-geometry',
    configureServer(server) {
      server.middlewares.use('/geo/china-paths.json', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(chinaPathsJson());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'geo/china-paths.json', source: chinaPathsJson() });
    },
  };
}

/**
 * Writes .br and .gz beside each text asset, so that the server (@fastify/static, preCompressed)
 * sends compressed files without compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'greenmfg-precompress',
    apply: 'build',
    closeBundle() {
      const visit = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) visit(path);
          else if (/\.(js|css|json|html|svg)$/.test(entry.name) && !path.includes('.vite')) {
            const raw = readFileSync(path);
            if (raw.length < 1024) continue;
            writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
            writeFileSync(
              `${path}.br`,
              brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
            );
          }
        }
      };
      visit(resolve(webDir, 'dist'));
    },
  };
}

/**
 * Starts the overview's work while index.html is still being read: on "/" an inline script adds
 * modulepreload links for the overview's chunk (figures and ranking), preload links for the
 * statistics and the province geometry, and prefetch links for the map's chunks (ECharts), so that
 * none of them waits for the entry chunk to run first (they used to start one after another).
 * The map's chunks are fetched, not compiled, early: compiling ECharts beside the entry chunk
 * delayed the figures by about 300 ms on this machine (web/e2e/measure-overview.ts). Other pages
 * load nothing extra.
 */
function overviewEarlyStart(): Plugin {
  const overview = 'src/routes/overview-page.tsx';
  const map = 'src/features/overview/province-map.tsx';
  return {
    name: 'greenmfg-overview-early-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (facade: string) => {
          const files = new Set<string>();
          const visit = (c: Rollup.OutputChunk) => {
            if (c.isEntry || files.has(c.fileName)) return;
            files.add(c.fileName);
            for (const f of c.imports) {
              const next = byFile.get(f);
              if (next) visit(next);
            }
          };
          for (const c of chunks) if (c.facadeModuleId?.replace(/\\/g, '/').endsWith(facade)) visit(c);
          return files;
        };
        const now = closure(overview);
        const soon = [...closure(map)].filter((f) => !now.has(f));
        const links = [
          ...[...now].map((f) => ['modulepreload', `/${f}`, '']),
          ...soon.map((f) => ['prefetch', `/${f}`, '']),
          ['preload', '/api/v1/stats', 'fetch'],
          ['preload', '/geo/china-paths.json', 'fetch'],
        ];
        const script =
          `if(location.pathname==='/'){for(const[r,h,a]of ${JSON.stringify(links)}){` +
          `const l=document.createElement('link');l.rel=r;l.href=h;if(a){l.as=a;l.crossOrigin='anonymous'}` +
          `document.head.appendChild(l)}}`;
        return html.replace('</title>', `</title>\n    <script>${script}</script>`);
      },
    },
  };
}

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react(), chinaGeometry(), overviewEarlyStart(), precompress()],
  build: {
    outDir: resolve(webDir, 'dist'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npm run dev:web` talks to a running `npm start` (PORT 8080 unless GREENMFG_API says otherwise).
    proxy: { '/api': process.env.GREENMFG_API ?? 'http://127.0.0.1:8080' },
  },
});

// Vite build of the web console. The province geometry is read from datasets/geo at build time and
// emitted as /geo/china.json, so the map data lives once in git and stays out of the JS bundles.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webDir = import.meta.dirname;
const chinaGeo = resolve(webDir, '../datasets/geo/echarts-4.9.0-china.json');

/** Serves (dev) and emits (build) the shipped province geometry as /geo/china.json. */
function chinaGeometry(): Plugin {
  return {
    name: 'greenmfg-china-geometry',
    configureServer(server) {
      server.middlewares.use('/geo/china.json', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(readFileSync(chinaGeo));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'geo/china.json', source: readFileSync(chinaGeo) });
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

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react(), chinaGeometry(), precompress()],
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

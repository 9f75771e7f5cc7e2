#!/usr/bin/env node
// Builds the web console into web/dist. With --if-stale (what `npm start` runs) it builds only
// when web/dist is missing or older than the sources it is made from, so a fresh clone gets a
// console on its first `npm start` and later starts cost a few milliseconds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(webDir, '..');
const stamp = join(webDir, 'dist', 'index.html');

/** Newest modification time under the given files and folders (0 when none exists). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') visit(join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  paths.forEach(visit);
  return newest;
}

// What the build reads: the console's sources, the pure core it imports, the map geometry, the
// dependency pins.
const inputs = [
  join(webDir, 'src'),
  join(webDir, 'index.html'),
  join(webDir, 'vite.config.ts'),
  join(repoRoot, 'src', 'core'),
  join(repoRoot, 'datasets', 'geo', 'echarts-4.9.0-china.json'),
  join(repoRoot, 'package.json'),
];

const ifStale = process.argv.includes('--if-stale');
if (ifStale && existsSync(stamp)) {
  const built = statSync(stamp).mtimeMs;
  if (newestMtime(inputs) <= built) process.exit(0);
}

const started = Date.now();
const why = existsSync(stamp) ? 'sources changed since the last build' : 'web/dist is missing';
console.log(`greenmfg: building the web console (${why})…`);
// A production build even when run from a test runner (vitest sets NODE_ENV=test, which would
// make Vite bundle React's development build).
process.env.NODE_ENV = 'production';
let vite;
try {
  vite = await import('vite');
} catch {
  // A production install without dev dependencies: serve what is there, say what is missing.
  console.error(
    existsSync(stamp)
      ? 'greenmfg: vite is not installed (npm install without --omit=dev); serving the existing web/dist'
      : 'greenmfg: vite is not installed, so the web console cannot be built; the API still runs. Run `npm install` and `npm run build:web`.',
  );
  process.exit(0);
}
await vite.build({
  configFile: join(webDir, 'vite.config.ts'),
  mode: 'production',
  logLevel: ifStale ? 'warn' : 'info',
});
console.log(`greenmfg: web console built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// Weight of the web console's overview: the JavaScript a browser loads to show the national
// overview (the entry chunk, the overview route's chunk, its chart chunks and everything they
// import statically), gzipped at level 9 and brotli-compressed (what the server sends,
// web/dist/**/*.{gz,br}).
// Issue 7 sets a budget of 400 KB gzipped. Run after `npm run build:web`:
//   npx tsx bench/web-weight.ts [web/dist]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The budget of issue 7, in bytes of gzipped JavaScript. */
export const overviewBudgetBytes = 400 * 1024;

/** The overview's lazily loaded charts (web/src/routes/overview-page.tsx). */
const overviewCharts = [
  'src/features/overview/province-map.tsx',
  'src/features/overview/batch-trend-chart.tsx',
];

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}

export interface OverviewWeight {
  readonly files: readonly {
    readonly file: string;
    readonly raw: number;
    readonly gzip: number;
    readonly brotli: number;
  }[];
  readonly jsGzip: number;
  readonly jsBrotli: number;
  readonly jsRaw: number;
  readonly cssGzip: number;
}

/** Measures the overview's JavaScript and CSS in a Vite build (reads its .vite/manifest.json). */
export function measureOverviewWeight(distDir: string): OverviewWeight {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no chunk "${key}"; is web/dist a current build?`);
    if (seen.has(chunk.file)) return;
    seen.add(chunk.file);
    chunk.css?.forEach((c) => css.add(c));
    chunk.imports?.forEach(visit);
  };
  visit('index.html');
  visit('src/routes/overview-page.tsx');
  // The overview loads its charts as chunks of their own (the map at once, the trend when scrolled
  // near): they are part of what the overview costs, so they count.
  for (const chart of overviewCharts) if (manifest[chart]) visit(chart);
  const files = [...seen].map((file) => {
    const raw = readFileSync(join(distDir, file));
    return {
      file,
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const sum = (k: 'raw' | 'gzip' | 'brotli') => files.reduce((n, f) => n + f[k], 0);
  const cssGzip = [...css].reduce(
    (n, c) => n + gzipSync(readFileSync(join(distDir, c)), { level: 9 }).length,
    0,
  );
  return { files, jsGzip: sum('gzip'), jsBrotli: sum('brotli'), jsRaw: sum('raw'), cssGzip };
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const dist = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'web', 'dist'));
  const w = measureOverviewWeight(dist);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const f of [...w.files].sort((a, b) => b.gzip - a.gzip)) {
    console.log(
      `${f.file.padEnd(44)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(9)} gzip ${kb(f.brotli).padStart(9)} br`,
    );
  }
  console.log(
    `overview JavaScript: ${kb(w.jsGzip)} gzipped (budget ${kb(overviewBudgetBytes)}, ratio ${(w.jsGzip / overviewBudgetBytes).toFixed(2)}), ${kb(w.jsBrotli)} brotli, ${kb(w.jsRaw)} raw; CSS ${kb(w.cssGzip)} gzipped`,
  );
  if (w.jsGzip > overviewBudgetBytes) process.exitCode = 1;
}

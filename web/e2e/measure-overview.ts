// Times the national overview in Debian's chromium, cold (a new browser context per load, so no
// HTTP cache), against a running server, and prints the waterfall of one load: which chunks and
// API calls run before the first figures. A script run before the page's own marks the moment the
// headline figures are in the document (gm:figures) and the map has drawn its first frame (gm:map,
// the chart's data-rendered), so any build of the console can be timed. The machine is shared, so
// the load average is printed beside every figure.
//   npx tsx web/e2e/measure-overview.ts http://127.0.0.1:8080 [runs]
import { execFileSync } from 'node:child_process';
import { launchChromium } from './harness.ts';

const url = process.argv[2] ?? 'http://127.0.0.1:8080';
const runs = Number(process.argv[3] ?? 7);
const loadAverage = () =>
  execFileSync('uptime', { encoding: 'utf8' })
    .trim()
    .replace(/^.*load average: /, '');

const observer = `(() => {
  const marks = [
    ['gm:figures', '[data-testid="figure-factories"]'],
    ['gm:map', '[data-testid="province-map"][data-rendered="true"]'],
  ];
  const check = () => {
    for (const [name, selector] of marks)
      if (performance.getEntriesByName(name).length === 0 && document.querySelector(selector))
        performance.mark(name);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

interface Load {
  readonly figures: number;
  readonly map: number;
  readonly resources: readonly { name: string; start: number; end: number; size: number }[];
}

const browser = await launchChromium();
const loads: Load[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    // A string, not a function: tsx would add helpers to a function that do not exist in the page.
    await page.addInitScript(observer);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('gm:map').length > 0, undefined, {
      timeout: 30_000,
    });
    loads.push(
      await page.evaluate(() => ({
        figures: performance.getEntriesByName('gm:figures')[0]?.startTime ?? Number.NaN,
        map: performance.getEntriesByName('gm:map')[0]?.startTime ?? Number.NaN,
        resources: performance.getEntriesByType('resource').map((e) => {
          const r = e as PerformanceResourceTiming;
          return {
            name: r.name.replace(location.origin, ''),
            start: r.startTime,
            end: r.responseEnd,
            size: r.encodedBodySize,
          };
        }),
      })),
    );
    const last = loads[loads.length - 1];
    console.log(
      `run ${i + 1}: figures ${Math.round(last?.figures ?? 0)} ms, map ${Math.round(last?.map ?? 0)} ms (load average ${loadAverage()})`,
    );
    await ctx.close();
  }
} finally {
  await browser.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
console.log(
  `median of ${runs}: figures ${Math.round(median(loads.map((l) => l.figures)))} ms, map ${Math.round(median(loads.map((l) => l.map)))} ms (load average ${loadAverage()})`,
);
const sample = loads[loads.length - 1];
if (sample) {
  console.log('waterfall of the last load (start → end ms, encoded bytes):');
  for (const r of [...sample.resources].sort((a, b) => a.start - b.start))
    console.log(
      `  ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)}  ${String(r.size).padStart(7)}  ${r.name}`,
    );
}

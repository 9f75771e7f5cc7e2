// Matches every listed unit against every policy instrument, on a fresh embedded database loaded
// with the shipped lists and their simulated operating data. Prints milliseconds for the whole
// match (building each unit's facts from the store, then matching); --json ends with one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bootstrapOperatingData, bootstrapRegistry } from '../src/services/bootstrap.ts';
import { matchAll } from '../src/services/policy/match-service.ts';
import { datasetFiles } from '../src/store/dataset-files.ts';
import { openStore } from '../src/store/open-store.ts';

const json = process.argv.includes('--json');
const dir = mkdtempSync(join(tmpdir(), 'greenmfg-bench-policy-'));
const store = await openStore(join(dir, 'bench.sqlite'));
try {
  await bootstrapRegistry({ source: datasetFiles(resolve(import.meta.dirname, '../datasets')), ...store });
  await bootstrapOperatingData(store, 'bench');
  const ports = { ...store, clock: { now: () => new Date() } };
  await matchAll(ports); // warm-up: compile, JIT, page cache
  const runs: number[] = [];
  let last = await matchAll(ports);
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    last = await matchAll(ports);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  const median = runs[Math.floor(runs.length / 2)] ?? Number.NaN;
  console.log(
    `units: ${last.units}, instruments: ${last.instruments}, matches: ${last.units * last.instruments}`,
  );
  console.log(
    `whole match (facts from the store + matching), median of 5: ${median.toFixed(1)} ms (min ${runs[0]?.toFixed(1)}, max ${runs.at(-1)?.toFixed(1)}); goal < 1000 ms`,
  );
  for (const s of last.summaries)
    console.log(
      `  ${s.instrument}: ${s.qualifies} qualify, ${s.nearly} nearly${s.totalAmount === null ? '' : `, ${s.totalAmount.toFixed(0)} x 10^4 yuan`}`,
    );
  if (json)
    console.log(
      JSON.stringify({ value: Number(median.toFixed(1)), units: last.units, instruments: last.instruments }),
    );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

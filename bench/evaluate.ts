// Benchmark of issue 3, item 8: 30,000 factories against the full GB/T 36132-2025 indicator system
// (6 basic requirements, 14 indicators, all weighted and all scored), by greenmfg's batch engine and
// by json-rules-engine running the same rules in the same process.
// Run: npm run bench:evaluate [-- --n 30000 --repeats 15 --json]
//
// The general 2025 standard leaves most reference values to industry standards, so every indicator
// is scored here under the illustrative industry edition of the engine tests (src/core/evaluation/
// fixtures/cement-plant.ts: lead/baseline values and pass mark made up, tagged U; GB 16780-2021
// cement grades for EN1a). The factories are cement plants simulated by src/core/simulation (seeded,
// simulation assumptions), accounted with accountOperatingYear and turned into facts as the
// population service does.
//
// What is timed:
//   ours     evaluateBatch over facts already packed into one Float64Array (the population service
//            packs once and evaluates), median of --repeats runs after warm-up: validation of every
//            fact, 14 indicator values and scores, gates, total, pass outcome and the facts hash.
//   packing  packFacts from the fact objects, reported separately (value + packing also printed).
//   object   evaluate() per factory from fact objects, with its full object result.
//   jre      json-rules-engine 7: engine.run(facts) per factory, sequentially; the indicator values
//            are dynamic facts computed from the raw facts, one rule per gate and two per indicator
//            (at or better than the lead; between baseline and lead), the linear interpolation and
//            the total computed from the events as a jre user would. It does not hash the facts.
// Totals and pass outcomes of both engines are compared for every factory.
// With --json the last line is {value, baselineValue, ratio, ...}: value = our entities/s,
// baselineValue = json-rules-engine entities/s, ratio = value / baselineValue.
import { loadavg } from 'node:os';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { accountOperatingYear } from '../src/core/accounting/operating-year-accounts.ts';
import { evaluate, type Facts } from '../src/core/evaluation/evaluate.ts';
import { createBatchBuffers, evaluateBatch, packFacts } from '../src/core/evaluation/evaluate-batch.ts';
import { kernelOf } from '../src/core/evaluation/evaluation-kernel.ts';
import { cementPlant, testIndustryStandard } from '../src/core/evaluation/fixtures/cement-plant.ts';
import { plan } from '../src/core/evaluation/plan.ts';
import { factsOfOperatingYear } from '../src/core/simulation/evaluation-facts.ts';
import { simulateFactoryYear } from '../src/core/simulation/operating-data.ts';
import { formulaCatalog } from '../src/core/evaluation/formula-catalog.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const json = args.includes('--json');
const n = flag('n', 30_000);
const repeats = flag('repeats', 31);

const p = plan(testIndustryStandard, cementPlant);
const nf = p.facts.length;

// --- population: n simulated cement plants (a few hundred per seed year, so values vary) ---
const t0 = performance.now();
const facts: Facts[] = [];
for (let i = 0; i < n; i++) {
  const year = simulateFactoryYear(
    { id: `bench_${i}`, name: '某某水泥有限公司', industryCode: null },
    2023,
    'bench',
  );
  const accounts = accountOperatingYear(
    { year: 2023, production: year.production, productUnit: year.product.unit, energy: year.energy },
    '110000',
  );
  facts.push(factsOfOperatingYear(year, accounts));
}
const setupMs = performance.now() - t0;

// --- ours ---
const slots = new Float64Array(n * nf);
const tp = performance.now();
for (let i = 0; i < n; i++) {
  const issues = packFacts(p, facts[i] as Facts, slots, i);
  if (issues.length > 0) throw new Error(`factory ${i}: ${JSON.stringify(issues)}`);
}
const packMs = performance.now() - tp;
const buffers = createBatchBuffers(p, n);
for (let w = 0; w < 3; w++) evaluateBatch(p, slots, n, buffers);
const times: number[] = [];
for (let r = 0; r < repeats; r++) {
  const t = performance.now();
  evaluateBatch(p, slots, n, buffers);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const medianMs = times[Math.floor(times.length / 2)] as number;
const bestMs = times[0] as number;
const ours = (n / medianMs) * 1000;
const batch = evaluateBatch(p, slots, n, buffers);

// evaluate() with full object results, for comparison (a third of the population is enough).
const objectN = Math.min(n, 10_000);
for (let i = 0; i < 2000; i++) evaluate(p, facts[i % n] as Facts);
const to = performance.now();
for (let i = 0; i < objectN; i++) evaluate(p, facts[i] as Facts);
const objectRate = (objectN / (performance.now() - to)) * 1000;

// --- json-rules-engine: the same gates, indicators, references and weights as rules ---
const engine = new Engine([], { allowUndefinedFacts: false });
for (const ind of p.indicators) {
  const m = ind.def.measure;
  const name = `ind.${ind.code}`;
  if (m.kind === 'formula') {
    const fn = formulaCatalog[m.formula].fn;
    const inputs = m.inputs.map((x) => x.fact);
    engine.addFact(name, async (_params, almanac) => {
      const values = await Promise.all(inputs.map((k) => almanac.factValue<number>(k)));
      return fn(...values);
    });
  } else {
    const key = m.fact;
    engine.addFact(name, async (_params, almanac) => {
      const v = await almanac.factValue<number | boolean>(key);
      return typeof v === 'boolean' ? (v ? 1 : 0) : v;
    });
  }
}
const rules: RuleProperties[] = [];
for (const g of p.gates) {
  const c = g.def.check;
  if (c.kind !== 'fact-true') throw new Error('bench expects fact-true gates');
  rules.push({
    name: `gate.${g.code}`,
    conditions: { all: [{ fact: c.fact, operator: 'equal', value: true }] },
    event: { type: 'gate', params: { code: g.code } },
  });
}
for (const ind of p.indicators) {
  const fact = `ind.${ind.code}`;
  if (ind.scoring.method === 'assessment') {
    // A qualitative indicator is scored from the assessed fraction: one rule that reports it.
    rules.push({
      name: `${ind.code}.assessed`,
      conditions: { all: [{ fact, operator: 'greaterThanInclusive', value: 0 }] },
      event: { type: 'assessed', params: { code: ind.code } },
    });
    continue;
  }
  const lead = ind.lead?.value;
  const baseline = ind.baseline?.value;
  if (lead === undefined || baseline === undefined) throw new Error(`${ind.code} has no reference value`);
  const fwd = ind.def.direction === 'forward';
  rules.push({
    name: `${ind.code}.lead`,
    conditions: {
      all: [{ fact, operator: fwd ? 'greaterThanInclusive' : 'lessThanInclusive', value: lead }],
    },
    event: { type: 'lead', params: { code: ind.code } },
  });
  rules.push({
    name: `${ind.code}.between`,
    conditions: {
      all: [
        { fact, operator: fwd ? 'lessThan' : 'greaterThan', value: lead },
        { fact, operator: fwd ? 'greaterThan' : 'lessThan', value: baseline },
      ],
    },
    event: { type: 'between', params: { code: ind.code } },
  });
}
for (const r of rules) engine.addRule(r);
const byCode = new Map(p.indicators.map((i) => [i.code, i]));
const passMark = p.passMark?.value ?? NaN;

/** Runs one factory through json-rules-engine and turns its events into a total and a pass outcome. */
async function jre(f: Facts): Promise<{ total: number; pass: boolean }> {
  const almanacFacts: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) almanacFacts[k] = v;
  const { events, almanac } = await engine.run(almanacFacts);
  let gates = 0;
  let total = 0;
  for (const e of events) {
    const code = e.params?.['code'] as string;
    if (e.type === 'gate') {
      gates++;
      continue;
    }
    const ind = byCode.get(code);
    if (!ind) continue;
    const w = ind.weight ?? 0;
    if (e.type === 'lead') total += (w * 100) / 100;
    else {
      const v = await almanac.factValue<number>(`ind.${code}`);
      if (e.type === 'assessed') total += (w * (v >= 1 ? 1 : v) * 100) / 100;
      else {
        const lead = ind.lead?.value ?? 0;
        const base = ind.baseline?.value ?? 0;
        total += (w * ((v - base) / (lead - base)) * 100) / 100;
      }
    }
  }
  return { total, pass: gates === p.gates.length && total >= passMark };
}

for (let i = 0; i < 500; i++) await jre(facts[i % n] as Facts);
const tj = performance.now();
let maxDiff = 0;
let disagree = 0;
for (let i = 0; i < n; i++) {
  const r = await jre(facts[i] as Facts);
  maxDiff = Math.max(maxDiff, Math.abs(r.total - (batch.totals[i] as number)));
  if (r.pass !== (batch.status[i] === 0)) disagree++;
}
const jreRate = (n / (performance.now() - tj)) * 1000;
const ratio = ours / jreRate;
const passes = batch.status.subarray(0, n).reduce((s, x) => s + (x === 0 ? 1 : 0), 0);

console.log(
  `bench:evaluate — ${n} simulated cement plants, ${testIndustryStandard.key} (GB/T 36132-2025 structure, illustrative references): ${p.gates.length} gates, ${p.indicators.length} indicators, ${nf} facts; ${kernelOf(p).generated ? 'generated' : 'closure'} batch loop`,
);
console.log(
  `  population set-up (simulate + account + facts) ${setupMs.toFixed(0)} ms; ${passes} of ${n} pass the illustrative mark`,
);
console.log(
  `  ours     evaluateBatch ${Math.round(ours).toLocaleString('en')} evaluations/s (median of ${repeats}: ${medianMs.toFixed(2)} ms; best ${bestMs.toFixed(2)} ms = ${Math.round((n / bestMs) * 1000).toLocaleString('en')}/s)`,
);
console.log(
  `  packing  packFacts from fact objects ${packMs.toFixed(1)} ms (${Math.round((n / (packMs + medianMs)) * 1000).toLocaleString('en')}/s packing + evaluating)`,
);
console.log(
  `  object   evaluate() with full object results ${Math.round(objectRate).toLocaleString('en')}/s`,
);
console.log(`  jre      json-rules-engine ${Math.round(jreRate).toLocaleString('en')} evaluations/s`);
console.log(`  ratio    ours / json-rules-engine = ${ratio.toFixed(0)}x`);
console.log(
  `  agree    max |total difference| ${maxDiff.toExponential(2)} points; pass outcomes differing: ${disagree}; load average ${loadavg()[0]?.toFixed(2)}`,
);
if (maxDiff > 1e-9 || disagree > 0) process.exitCode = 1;
if (json)
  console.log(
    JSON.stringify({
      value: Math.round(ours),
      baselineValue: Math.round(jreRate),
      ratio: Number(ratio.toFixed(1)),
      bestValue: Math.round((n / bestMs) * 1000),
      withPacking: Math.round((n / (packMs + medianMs)) * 1000),
      objectEvaluate: Math.round(objectRate),
      n,
      indicators: p.indicators.length,
      gates: p.gates.length,
      maxTotalDifference: maxDiff,
      loadAverage: loadavg()[0],
    }),
  );

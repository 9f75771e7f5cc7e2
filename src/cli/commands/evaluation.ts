import { readFile, writeFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { FieldIssue } from '../../core/errors.ts';
import { parseFactsFile } from '../../core/evaluation/facts-file.ts';
import {
  evaluatePopulation,
  impactReport,
  type ImpactReport,
  type PopulationEntry,
  type PopulationEvaluation,
} from '../../core/evaluation/population.ts';
import { standardRegistry } from '../../core/standards/standard-registry.ts';
import {
  defaultEvaluationYear,
  loadFactoryPopulation,
} from '../../services/evaluation/factory-population.ts';
import { openConfiguredStore } from '../with-store.ts';
import { CliExit, exitCodeOf, type CliIo } from '../io.ts';

/** Populations at least this large get a progress bar on an interactive terminal. */
const PROGRESS_FROM = 1000;

interface SourceFlags {
  readonly facts?: string;
  readonly population?: boolean;
  readonly year?: string;
  readonly saveFacts?: string;
  readonly json?: boolean;
}

const invalidInput = (message: string): CliExit =>
  new CliExit(`GM_VALIDATION: ${message}`, exitCodeOf('GM_VALIDATION'));

const formatIssue = (i: FieldIssue): string =>
  `  ${i.field}: ${i.message}${i.value === undefined ? '' : ` (got ${JSON.stringify(i.value)})`}`;

/** Reads the population from a facts file, or builds it from the listed factories' operating years. */
async function loadEntries(flags: SourceFlags): Promise<{ entries: PopulationEntry[]; label: string }> {
  if ((flags.facts === undefined) === (flags.population !== true))
    throw invalidInput('give exactly one of --facts FILE.json and --population');
  if (flags.facts !== undefined) {
    let text: string;
    try {
      text = await readFile(flags.facts, 'utf8');
    } catch (error) {
      throw invalidInput(`cannot read the facts file ${flags.facts}: ${(error as Error).message}`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw invalidInput(`${flags.facts} is not JSON: ${(error as Error).message}`);
    }
    const { entries, issues } = parseFactsFile(value, (k) => standardRegistry.quotaRow(k));
    if (issues.length > 0)
      throw invalidInput(
        `${flags.facts}: ${issues.length} problem(s), nothing evaluated:\n${issues.map(formatIssue).join('\n')}`,
      );
    return { entries, label: flags.facts };
  }
  const year = flags.year === undefined ? defaultEvaluationYear : Number(flags.year);
  if (!Number.isInteger(year)) throw invalidInput(`--year: expected a year, got "${flags.year ?? ''}"`);
  const store = await openConfiguredStore();
  try {
    if ((await store.operatingYears.count()) === 0)
      throw new CliExit(
        'GM_NOT_FOUND: the database holds no operating data; run `greenmfg start` once (it imports the lists and simulates operating data)',
        exitCodeOf('GM_NOT_FOUND'),
      );
    const cases = await loadFactoryPopulation(store, year);
    const simulated = cases.some((c) => c.simulated);
    const entries = cases.map((c) => ({
      id: c.factory.id,
      name: c.factory.name,
      group: c.year.profile,
      subject: c.subject,
      facts: c.facts,
    }));
    if (flags.saveFacts !== undefined) {
      const file = {
        note: simulated
          ? `SIMULATED operating data (${year}), greenmfg simulation assumptions`
          : `operating data ${year}`,
        subjects: entries.map((e) => ({
          id: e.id,
          name: e.name,
          group: e.group,
          kind: e.subject.kind,
          ...(e.subject.energyQuota ? { energyQuota: e.subject.energyQuota.row.key } : {}),
          facts: e.facts,
        })),
      };
      await writeFile(flags.saveFacts, `${JSON.stringify(file, null, 1)}\n`);
    }
    return {
      entries,
      label: `${entries.length} listed factories, ${year}${simulated ? ' (SIMULATED operating data: greenmfg simulation assumptions, not reported figures)' : ''}`,
    };
  } finally {
    await store.close();
  }
}

function withProgress<T>(
  io: CliIo,
  flags: SourceFlags,
  total: number,
  what: string,
  run: (tick: (done: number) => void) => T,
): T {
  const bar =
    io.interactive && !flags.json && total >= PROGRESS_FROM
      ? new SingleBar({ format: `${what} [{bar}] {value}/{total}`, hideCursor: true })
      : null;
  bar?.start(total, 0);
  try {
    return run((done) => bar?.update(done));
  } finally {
    bar?.stop();
  }
}

const pct = (x: number | null): string => (x === null ? '—' : x.toFixed(1));

function summaryOf(e: PopulationEvaluation) {
  const byStatus: Record<string, number> = {};
  let sum = 0;
  let n = 0;
  for (const o of e.outcomes) {
    byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    if (o.normalised !== null) {
      sum += o.normalised;
      n++;
    }
  }
  return { members: e.outcomes.length, byStatus, meanNormalised: n > 0 ? sum / n : null };
}

function invalidLines(e: PopulationEvaluation): string[] {
  return e.outcomes.flatMap((o) =>
    o.status === 'invalid' ? o.issues.map((i) => formatIssue({ ...i, field: `${o.id}: ${i.field}` })) : [],
  );
}

function formatImpact(r: ImpactReport, label: string): string {
  const lines = [
    `impact of moving ${label} from ${r.from} to ${r.to}: ${r.members} members`,
    `  status under ${r.from}: ${JSON.stringify(r.statusFrom)}`,
    `  status under ${r.to}: ${JSON.stringify(r.statusTo)}`,
    `  newly pass ${r.newlyPasses}, newly fail ${r.newlyFails}; rise ${r.rises}, fall ${r.falls}, unchanged ${r.unchanged}, not comparable ${r.notComparable}`,
    ...Object.entries(r.transitions).map(([t, n]) => `  ${t}: ${n}`),
  ];
  const movers = [...r.rows].filter((x) => x.delta !== null).sort((a, b) => (a.delta ?? 0) - (b.delta ?? 0));
  const show = (x: (typeof movers)[number]) =>
    `    ${x.id}: ${pct(x.from.normalised)} -> ${pct(x.to.normalised)} (${x.from.status} -> ${x.to.status})`;
  if (movers.length > 0) {
    lines.push(
      '  largest falls (normalised score, % of attainable points):',
      ...movers.slice(0, 5).map(show),
    );
    lines.push('  largest rises:', ...movers.slice(-5).reverse().map(show));
  }
  lines.push(`  ${r.method}`);
  return `${lines.join('\n')}\n`;
}

/** `evaluate` and `impact`: a population (facts file or the loaded factories) under standard editions. */
export function registerEvaluationCommands(program: Command, io: CliIo): void {
  program
    .command('evaluate')
    .description(
      'evaluate a population under a standard edition (facts file, or the listed factories with --population)',
    )
    .requiredOption('--standard <key>', 'standard edition, e.g. "GB/T 36132@2025"')
    .option('--facts <file>', 'facts file (JSON; format in docs/standards.md, "Facts file")')
    .option('--population', 'the listed factories, from their operating years in the database')
    .option('--year <year>', `operating year for --population (default ${defaultEvaluationYear})`)
    .option('--save-facts <file>', 'with --population: also write the facts used, as a facts file')
    .option('--json', 'print one JSON object')
    .action(async (flags: SourceFlags & { standard: string }) => {
      const standard = standardRegistry.indicatorSystem(flags.standard);
      const { entries, label } = await loadEntries(flags);
      const evaluation = withProgress(io, flags, entries.length, 'evaluating', (tick) =>
        evaluatePopulation(standard, entries, (done) => tick(done)),
      );
      const summary = summaryOf(evaluation);
      const invalid = invalidLines(evaluation);
      if (flags.json) {
        io.stdout(
          `${JSON.stringify({ standard: standard.key, source: label, summary, outcomes: evaluation.outcomes })}\n`,
        );
      } else {
        const lines = [
          `${standard.key}: ${label}`,
          `  ${Object.entries(summary.byStatus)
            .map(([s, n]) => `${s} ${n}`)
            .join(', ')}; mean normalised score ${pct(summary.meanNormalised)} % of attainable points`,
        ];
        if (entries.length <= 50)
          for (const o of evaluation.outcomes)
            lines.push(
              `  ${o.id}: ${o.status}${o.total === null ? '' : `, total ${o.total.toFixed(2)}`}, scored ${o.scoredPoints.toFixed(2)} of ${o.attainable} attainable${o.factsHash ? `, facts ${o.factsHash}` : ''}`,
            );
        io.stdout(`${lines.join('\n')}\n`);
      }
      if (invalid.length > 0)
        throw invalidInput(
          `${summary.byStatus['invalid'] ?? 0} member(s) have malformed facts:\n${invalid.join('\n')}`,
        );
    });

  program
    .command('impact')
    .description(
      'evaluate a population under two standard editions and report who passes, fails, rises or falls',
    )
    .requiredOption('--from <key>', 'the edition now in force, e.g. "GB/T 36132@2018"')
    .requiredOption('--to <key>', 'the new edition, e.g. "GB/T 36132@2025"')
    .option('--facts <file>', 'facts file (JSON; format in docs/standards.md, "Facts file")')
    .option('--population', 'the listed factories, from their operating years in the database')
    .option('--year <year>', `operating year for --population (default ${defaultEvaluationYear})`)
    .option('--json', 'print one JSON object')
    .action(async (flags: SourceFlags & { from: string; to: string }) => {
      const from = standardRegistry.indicatorSystem(flags.from);
      const to = standardRegistry.indicatorSystem(flags.to);
      const { entries, label } = await loadEntries(flags);
      const [a, b] = withProgress(io, flags, entries.length * 2, 'evaluating', (tick) => [
        evaluatePopulation(from, entries, (done) => tick(done)),
        evaluatePopulation(to, entries, (done) => tick(entries.length + done)),
      ]);
      const report = impactReport(a, b);
      if (flags.json) io.stdout(`${JSON.stringify({ source: label, ...report })}\n`);
      else io.stdout(formatImpact(report, label));
      const invalid = [...invalidLines(a), ...invalidLines(b)];
      if (invalid.length > 0) throw invalidInput(`malformed facts:\n${[...new Set(invalid)].join('\n')}`);
    });
}

import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import type { UnitKind } from '../../core/registry/types.ts';
import { loadCodeTables } from '../../services/code-tables.ts';
import { formatImportIssues, importLists, shippedListPaths } from '../../services/import-lists.ts';
import { getStats, type ProgrammeStats } from '../../services/stats.ts';
import { datasetFiles } from '../../store/dataset-files.ts';
import { startServer } from '../../server/main.ts';
import { CliExit, type CliIo } from '../io.ts';
import { withStore } from '../with-store.ts';

/** Columns a string takes in a terminal: CJK ideographs and full-width forms take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/** A plain-text table of the headline statistics, for people at a terminal. */
export function formatStats(s: ProgrammeStats): string {
  const cols = ['factories', 'supplyChainEnterprises', 'parks', 'products'] as const;
  const head = ['', 'factories', 'supply chain', 'parks', 'products'];
  const rows: string[][] = [
    ['total', ...cols.map((c) => String(s[c]))],
    ...s.byBatch.map((b) => [`${b.labelEn} (${b.published ?? '?'})`, ...cols.map((c) => String(b[c]))]),
    ...s.byProvince.map((p) => [
      `${p.name ?? 'no region'} ${p.provinceCode ?? ''}`.trim(),
      ...cols.map((c) => String(p[c])),
    ]),
  ];
  const width = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (c: string, w: number, left: boolean) => {
    const fill = ' '.repeat(Math.max(0, w - displayWidth(c)));
    return left ? c + fill : fill + c;
  };
  const line = (r: string[]) => r.map((c, i) => pad(c, width[i] ?? 0, i === 0)).join('  ');
  return (
    [line(head), ...rows.map(line)].join('\n') +
    `\n${s.enterprises} enterprises behind the listed units.\n` +
    formatClaims(s)
  );
}

/** The programme's claims (issue 3 item 7) in two lines, with the label saying where the data came from. */
export function formatClaims(s: ProgrammeStats): string {
  const c = s.claims;
  if (!c) return 'Programme claims: no operating data in the database (run `greenmfg start` once).\n';
  const a = c.advancedValue;
  const share = a.share === null ? '—' : `${(100 * a.share).toFixed(1)} %`;
  const rate = c.parkSolidWaste.utilisationRatePct;
  return (
    `Programme claims, ${c.label}:\n` +
    `  green factories at or better than the advanced value (grade 1) of their energy quota standard: ${share} (${a.atOrBetterThanAdvanced} of ${a.covered} covered by an encoded quota standard; ${a.notCovered} not covered)\n` +
    `  green parks' general industrial solid-waste utilisation rate: ${rate === null ? '—' : `${rate.toFixed(1)} %`} over ${c.parkSolidWaste.parks} parks\n`
  );
}

/** `start`, `import-lists` and `stats`: the registry's commands. */
export function registerRegistryCommands(program: Command, io: CliIo): void {
  program
    .command('start')
    .description(
      'create the data directory, migrate, import the published lists on the first start, and serve HTTP on PORT (default 8080)',
    )
    .action(async () => {
      await startServer(loadConfig(), (line) => io.stderr(`${line}\n`));
    });

  program
    .command('import-lists')
    .description(
      'import the MIIT green manufacturing lists (the shipped ones unless files are given); all or nothing',
    )
    .option('--factories <csv>', 'green factory list (columns 序号,地区,工厂名称,行业,第三方评价机构,批次)')
    .option('--supply-chain <csv>', 'green supply chain management enterprise list')
    .option('--parks <csv>', 'green industrial park list')
    .option('--products <csv>', 'green-design product list')
    .option('--json', 'print the import report as JSON')
    .action(
      async (opts: {
        factories?: string;
        supplyChain?: string;
        parks?: string;
        products?: string;
        json?: boolean;
      }) => {
        const config = loadConfig();
        const given: Partial<Record<UnitKind, string | undefined>> = {
          factory: opts.factories,
          supply_chain: opts.supplyChain,
          park: opts.parks,
          product: opts.products,
        };
        const anyGiven = Object.values(given).some(Boolean);
        const paths = Object.fromEntries(
          (Object.keys(shippedListPaths) as UnitKind[]).flatMap((k) =>
            anyGiven ? (given[k] ? [[k, given[k]]] : []) : [[k, shippedListPaths[k]]],
          ),
        ) as Record<UnitKind, string>;
        const report = await withStore(async (store) => {
          const source = datasetFiles(config.datasetsDir);
          if ((await store.codeTables.countRegions()) === 0)
            await loadCodeTables({ source, codeTables: store.codeTables });
          const bar =
            io.interactive && !opts.json
              ? new SingleBar({ format: 'importing lists [{bar}] {value}/{total} steps', hideCursor: true })
              : null;
          bar?.start(Object.keys(paths).length + 1, 0);
          try {
            return await importLists({ source, ...store }, paths, (done) => bar?.update(done));
          } finally {
            bar?.stop();
          }
        });
        if (opts.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        if (!report.ok) {
          const issues = formatImportIssues(report);
          throw new CliExit(
            `Nothing was imported: ${issues.length} row(s) could not be mapped.\n${issues.join('\n')}`,
            2,
          );
        }
        if (!opts.json) {
          for (const l of report.lists)
            io.stdout(
              `${l.file}: ${l.rows} rows, ${l.units} units${l.skipped.length ? `, ${l.skipped.length} heading rows used as context` : ''}\n`,
            );
          const o = report.outcome;
          if (o) io.stdout(`inserted ${o.inserted}, updated ${o.updated}, unchanged ${o.unchanged}\n`);
        }
      },
    );

  program
    .command('stats')
    .description('headline statistics of the programme, computed from the database')
    .option('--json', 'print one JSON object')
    .action(async (opts: { json?: boolean }) => {
      const stats = await withStore((store) => getStats(store));
      io.stdout(opts.json ? `${JSON.stringify(stats)}\n` : formatStats(stats));
    });
}

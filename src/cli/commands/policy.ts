import type { Command } from 'commander';
import { GmError } from '../../core/errors.ts';
import { policyCatalog } from '../../core/policy/policy-catalog.ts';
import { instrumentKey } from '../../core/policy/policy-instrument.ts';
import type { UnitKind } from '../../core/registry/types.ts';
import { beneficiaries, matchUnit } from '../../services/policy/match-service.ts';
import type { CliIo } from '../io.ts';
import { withStore } from '../with-store.ts';

const systemClock = { now: () => new Date() };

/** The kind of unit an id names, from its prefix (fac_, park_, sc_, prd_). */
export function kindOfUnitId(id: string): UnitKind {
  const kinds: Record<string, UnitKind> = {
    fac: 'factory',
    park: 'park',
    sc: 'supply_chain',
    prd: 'product',
  };
  const kind = kinds[id.split('_')[0] ?? ''];
  if (!kind)
    throw new GmError('GM_VALIDATION', `--unit "${id}" is not a unit id (fac_…, park_…, sc_… or prd_…)`, {
      field: 'unit',
      value: id,
    });
  return kind;
}

const statusWord = {
  qualifies: 'QUALIFIES',
  nearly: 'NEARLY',
  'not-eligible': 'no',
  'not-in-force': 'not in force',
} as const;

/** `policies list`, `policies match` and `policies beneficiaries`. */
export function registerPolicyCommands(program: Command, io: CliIo): void {
  const policies = program
    .command('policies')
    .description('fiscal, tax and green-finance support instruments matched to units');

  policies
    .command('list')
    .description('the catalog of instruments (illustrative ones marked)')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      if (opts.json) return void io.stdout(`${JSON.stringify(policyCatalog, null, 2)}\n`);
      for (const i of policyCatalog) {
        io.stdout(
          `${instrumentKey(i)}  [${i.level}, ${i.kind}, tag ${i.tag}${i.illustrative ? ', ILLUSTRATIVE' : ''}]  ${i.nameEn}\n`,
        );
      }
    });

  policies
    .command('match')
    .description('what a unit qualifies for, what it nearly qualifies for and what is missing')
    .requiredOption('--unit <id>', 'a unit id (fac_…, park_…, sc_…, prd_…)')
    .option('--json', 'print JSON')
    .action(async (opts: { unit: string; json?: boolean }) => {
      const kind = kindOfUnitId(opts.unit);
      const result = await withStore((store) => matchUnit({ ...store, clock: systemClock }, kind, opts.unit));
      if (opts.json) return void io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      io.stdout(`${result.unit.name} (${kind}) on ${result.onDate}\n`);
      for (const m of result.matches) {
        const extra =
          m.status === 'nearly' || m.status === 'not-eligible'
            ? `; missing: ${m.missing.map((x) => x.en).join('; ')}`
            : '';
        const amount = m.amount === null ? '' : `; estimated ${m.amount.toFixed(1)} x 10^4 yuan`;
        io.stdout(
          `  ${statusWord[m.status].padEnd(12)} ${m.instrument}${m.illustrative ? ' (illustrative)' : ''}${amount}${extra}\n`,
        );
      }
    });

  policies
    .command('beneficiaries')
    .description('who qualifies for an instrument, and the total estimated support')
    .requiredOption('--instrument <key>', 'id@version, see `policies list`')
    .option('--nearly', 'list the units that nearly qualify instead')
    .option('--json', 'print JSON')
    .action(async (opts: { instrument: string; nearly?: boolean; json?: boolean }) => {
      const result = await withStore((store) =>
        beneficiaries({ ...store, clock: systemClock }, opts.instrument, {
          status: opts.nearly ? 'nearly' : 'qualifies',
          page: 1,
          pageSize: 100_000,
        }),
      );
      if (opts.json) return void io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      io.stdout(
        `${result.instrument}: ${result.total} unit(s) ${result.status === 'nearly' ? 'nearly qualify' : 'qualify'} on ${result.onDate}${result.totalAmount === null ? '' : `; total estimated support ${result.totalAmount.toFixed(1)} x 10^4 yuan`}\n`,
      );
      for (const u of result.items.slice(0, 50))
        io.stdout(`  ${u.id}  ${u.name}${u.amount === null ? '' : `  ${u.amount.toFixed(1)}`}\n`);
      if (result.items.length > 50)
        io.stdout(`  … and ${result.items.length - 50} more (use --json for all)\n`);
    });
}

import type { Command } from 'commander';
import { verifyAudit } from '../../services/workflow/audit.ts';
import { CliExit, type CliIo } from '../io.ts';
import { withStore } from '../with-store.ts';

/** `audit verify`: walks the hash-chained audit log and reports any edited or deleted entry. */
export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description(
      'check every entry of the hash-chained audit log and its head; exits 1 on any edited or deleted entry',
    )
    .option('--json', 'print the verification as JSON')
    .action(async (opts: { json?: boolean }) => {
      const result = await withStore((store) => verifyAudit({ auditLog: store.workflow.auditLog }));
      if (opts.json) io.stdout(`${JSON.stringify(result)}\n`);
      else if (result.ok)
        io.stdout(
          `audit log intact: ${result.checked} entries, head ${result.head?.seq ?? 0} ${result.head?.hash ?? ''}\n`,
        );
      if (!result.ok)
        throw new CliExit(
          `audit log TAMPERED: ${result.problems.length} problem(s)\n${result.problems.map((p) => `  entry ${p.seq}: ${p.kind}: ${p.message}`).join('\n')}`,
          1,
        );
    });
}

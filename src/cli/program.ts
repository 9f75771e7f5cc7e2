import { Command } from 'commander';
import { registerAdminCommands } from './commands/admin.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerEvaluationCommands } from './commands/evaluation.ts';
import { registerFootprintCommand } from './commands/footprint.ts';
import { registerMeteringCommands } from './commands/metering.ts';
import { registerPactCommands } from './commands/pact.ts';
import { registerPolicyCommands } from './commands/policy.ts';
import { registerRegistryCommands } from './commands/registry.ts';
import type { CliIo } from './io.ts';

/** Builds the `greenmfg` program with every command; main() and tests share it. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('greenmfg')
    .description('greenmfg: run a green manufacturing programme (registry, accounting, evaluation)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError();
  registerRegistryCommands(program, io);
  registerAdminCommands(program, io);
  registerAuditCommands(program, io);
  registerMeteringCommands(program, io);
  registerFootprintCommand(program, io);
  registerPactCommands(program, io);
  registerEvaluationCommands(program, io);
  registerPolicyCommands(program, io);
  return program;
}

import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isGmError } from '../../core/errors.ts';
import type { FieldIssue } from '../../core/errors.ts';
import { formatVectorText } from '../../core/footprint/vector-text.ts';
import { solveDemandFromText } from '../../services/footprint/solve-demand.ts';

/** Where the command writes: results and help to stdout, diagnostics to stderr. */
export interface FootprintCommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes of `footprint solve`: malformed input or unreadable file, and singular I - A. */
export const footprintExitCodes = { invalidInput: 2, singular: 3, internal: 1 } as const;

interface SolveFlags {
  readonly technosphere: string;
  readonly demand: string;
  readonly out?: string;
}

/** A failure already phrased for the terminal, with its exit code. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliFailure(`cannot read the ${what} file ${path}: ${reason}`, footprintExitCodes.invalidInput);
  }
}

/** Turns a domain error into one line naming the file, line and field, plus an exit code. */
function describe(error: unknown, flags: SolveFlags): CliFailure {
  if (error instanceof CliFailure) return error;
  if (!isGmError(error)) {
    return new CliFailure(
      `internal error: ${error instanceof Error ? error.message : String(error)}`,
      footprintExitCodes.internal,
    );
  }
  if (error.code === 'GM_VALIDATION') {
    const path = error.details['input'] === 'demand' ? flags.demand : flags.technosphere;
    const issues = error.details['issues'] as readonly FieldIssue[] | undefined;
    const first = issues?.[0];
    if (first === undefined)
      return new CliFailure(`${path}: ${error.message}`, footprintExitCodes.invalidInput);
    const where = first.row === undefined ? path : `${path}:${first.row}`;
    const got = first.value === undefined ? '' : ` (got ${JSON.stringify(first.value)})`;
    return new CliFailure(
      `${where}: ${first.field}: ${first.message}${got} [GM_VALIDATION]`,
      footprintExitCodes.invalidInput,
    );
  }
  if (error.code === 'GM_SINGULAR') {
    const processes = error.details['processes'] as readonly number[] | undefined;
    const oneBased =
      processes === undefined
        ? ''
        : `; rows/columns in ${flags.technosphere}: ${processes.map((p) => p + 1).join(', ')}`;
    return new CliFailure(`${error.message}${oneBased} [GM_SINGULAR]`, footprintExitCodes.singular);
  }
  return new CliFailure(`${error.message} [${error.code}]`, footprintExitCodes.internal);
}

/**
 * Registers `footprint solve --technosphere A.mtx --demand d.txt [--out x.txt]`, which writes
 * x = (I - A)^-1 d one value per line in shortest round-trip form. Failures go through
 * commander's `error()`, so a caller's `exitOverride()` sees them as a CommanderError.
 */
export function registerFootprintCommand(program: Command, io: FootprintCommandIo): Command {
  const footprint = program
    .command('footprint')
    .description('Product footprints through supply networks')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  footprint
    .command('solve')
    .description(
      'Solve x = (I - A)^-1 d for a technosphere A (Matrix Market coordinate real general; A[i][j] is the amount of ' +
        'product i consumed per unit output of process j) and a demand d (one value per line). ' +
        `Exit codes: ${footprintExitCodes.invalidInput} malformed input, ${footprintExitCodes.singular} singular I - A.`,
    )
    .requiredOption('--technosphere <file>', 'technosphere matrix A, Matrix Market format')
    .requiredOption('--demand <file>', 'final demand d, one value per line')
    .option('--out <file>', 'write x here instead of stdout')
    .action(async (flags: SolveFlags, command: Command) => {
      try {
        const [technosphere, demand] = await Promise.all([
          readText(flags.technosphere, 'technosphere'),
          readText(flags.demand, 'demand'),
        ]);
        const { outputs } = solveDemandFromText({ technosphere, demand });
        const text = formatVectorText(outputs);
        if (flags.out === undefined) io.stdout(text);
        else await writeFile(flags.out, text, 'utf8');
      } catch (error) {
        const failure = describe(error, flags);
        command.error(`error: ${failure.message}`, {
          exitCode: failure.exitCode,
          code: 'greenmfg.footprint',
        });
      }
    });
  return footprint;
}

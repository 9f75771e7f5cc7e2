import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isGmError } from '../../core/errors.ts';
import type { FieldIssue } from '../../core/errors.ts';
import { CliExit, exitCodeOf } from '../io.ts';
import { formatVectorText } from '../../core/footprint/vector-text.ts';
import { solveDemandFromText } from '../../services/footprint/solve-demand.ts';

/** Where the command writes: results and help to stdout, diagnostics to stderr. */
export interface FootprintCommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

interface SolveFlags {
  readonly technosphere: string;
  readonly demand: string;
  readonly out?: string;
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliExit(
      `GM_VALIDATION: cannot read the ${what} file ${path}: ${reason}`,
      exitCodeOf('GM_VALIDATION'),
    );
  }
}

/**
 * Rephrases a domain error as one line naming the file, line and field (1-based, as an editor
 * shows them); exit codes follow the CLI's shared table (exitCodeOf in ../io.ts).
 */
function describe(error: unknown, flags: SolveFlags): unknown {
  if (!isGmError(error)) return error;
  if (error.code === 'GM_VALIDATION') {
    const path = error.details['input'] === 'demand' ? flags.demand : flags.technosphere;
    const issues = error.details['issues'] as readonly FieldIssue[] | undefined;
    const first = issues?.[0];
    if (first === undefined)
      return new CliExit(`GM_VALIDATION: ${path}: ${error.message}`, exitCodeOf(error.code));
    const where = first.row === undefined ? path : `${path}:${first.row}`;
    const got = first.value === undefined ? '' : ` (got ${JSON.stringify(first.value)})`;
    return new CliExit(
      `GM_VALIDATION: ${where}: ${first.field}: ${first.message}${got}`,
      exitCodeOf(error.code),
    );
  }
  if (error.code === 'GM_SINGULAR') {
    const processes = error.details['processes'] as readonly number[] | undefined;
    const oneBased =
      processes === undefined
        ? ''
        : `; rows/columns in ${flags.technosphere}: ${processes.map((p) => p + 1).join(', ')}`;
    return new CliExit(`GM_SINGULAR: ${error.message}${oneBased}`, exitCodeOf(error.code));
  }
  return error;
}

/**
 * Registers `footprint solve --technosphere A.mtx --demand d.txt [--out x.txt]`, which writes
 * x = (I - A)^-1 d one value per line in shortest round-trip form. Failures are thrown as
 * CliExit (message naming file, line and field; exit code by error code) for main to report.
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
        `Exits ${exitCodeOf('GM_VALIDATION')} on malformed input, ${exitCodeOf('GM_SINGULAR')} when I - A is singular.`,
    )
    .requiredOption('--technosphere <file>', 'technosphere matrix A, Matrix Market format')
    .requiredOption('--demand <file>', 'final demand d, one value per line')
    .option('--out <file>', 'write x here instead of stdout')
    .action(async (flags: SolveFlags) => {
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
        throw describe(error, flags);
      }
    });
  return footprint;
}

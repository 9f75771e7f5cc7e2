import { isGmError, type ErrorCode } from '../core/errors.ts';

/** Where a command writes: injected so that tests capture output without touching process streams. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly interactive: boolean;
}

export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  interactive: Boolean(process.stderr.isTTY),
};

/** Exit code for each domain error: 2 for bad input, 1 for everything else. */
export function exitCodeOf(code: ErrorCode): number {
  return code === 'GM_VALIDATION' || code === 'GM_CONFIG' ? 2 : 1;
}

/** Raised by a command to end with a message and an exit code, without a stack trace. */
export class CliExit extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Turns any error into a message and an exit code for the shell. */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliExit) return { message: error.message, exitCode: error.exitCode };
  if (isGmError(error))
    return { message: `${error.code}: ${error.message}`, exitCode: exitCodeOf(error.code) };
  return { message: error instanceof Error ? (error.stack ?? error.message) : String(error), exitCode: 1 };
}

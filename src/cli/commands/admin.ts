import type { Command } from 'commander';
import type { AdminLevel } from '../../core/auth/principal.ts';
import { GmError } from '../../core/errors.ts';
import { createAccount } from '../../services/auth/accounts.ts';
import { programmeDeps } from '../../server/programme-deps.ts';
import { CliExit, type CliIo } from '../io.ts';
import { withStore } from '../with-store.ts';

/** Reads all of standard input as text (for --password-stdin), without the final newline. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const levels: readonly AdminLevel[] = ['national', 'province', 'city'];

/** `admin create`: makes an administrator (the first one, or more) without prompting. */
export function registerAdminCommands(program: Command, io: CliIo): void {
  const admin = program.command('admin').description('programme administrators');
  admin
    .command('create')
    .description('create an administrator account (national, province or city); prompt-free')
    .requiredOption('--email <email>', 'e-mail address to sign in with')
    .option('--password <password>', 'the password (visible in the process list: prefer --password-stdin)')
    .option('--password-stdin', 'read the password from standard input')
    .option('--level <level>', 'national, province or city', 'national')
    .option('--region <code>', 'six-digit GB/T 2260 code of the province or city (not for national)')
    .option('--name <name>', 'display name')
    .option('--json', 'print the account as JSON')
    .action(
      async (opts: {
        email: string;
        password?: string;
        passwordStdin?: boolean;
        level: string;
        region?: string;
        name?: string;
        json?: boolean;
      }) => {
        if (!levels.includes(opts.level as AdminLevel))
          throw new GmError('GM_VALIDATION', `--level must be one of ${levels.join(', ')}`, {
            issues: [{ field: 'level', message: 'must be national, province or city', value: opts.level }],
          });
        if (opts.password !== undefined && opts.passwordStdin)
          throw new CliExit('Give either --password or --password-stdin, not both', 2);
        const password = opts.passwordStdin ? await readStdin() : opts.password;
        if (password === undefined) throw new CliExit('Give --password or --password-stdin', 2);
        const account = await withStore((store) =>
          createAccount(
            programmeDeps(store),
            { kind: 'cli' },
            {
              email: opts.email,
              password,
              role: 'admin',
              level: opts.level as AdminLevel,
              ...(opts.region !== undefined ? { regionCode: opts.region } : {}),
              ...(opts.name !== undefined ? { displayName: opts.name } : {}),
            },
          ),
        );
        io.stdout(
          opts.json
            ? `${JSON.stringify(account)}\n`
            : `created ${account.adminLevel ?? ''} administrator ${account.email} (${account.id})${account.regionCode ? ` for region ${account.regionCode}` : ''}\n`,
        );
      },
    );
}

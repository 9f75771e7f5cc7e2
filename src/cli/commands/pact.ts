import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { bootstrapRegistry } from '../../services/bootstrap.ts';
import { pullSupplierFootprints } from '../../services/pact/pull-supplier-footprints.ts';
import { createPactHttpTransport } from '../../server/plugins/pact/pact-http-transport.ts';
import {
  bootstrapFootprints,
  startPactHost,
  writeDevCertificate,
} from '../../server/plugins/pact/start-pact.ts';
import { datasetFiles } from '../../store/dataset-files.ts';
import { CliExit, type CliIo } from '../io.ts';
import { openConfiguredStore, withStore } from '../with-store.ts';

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliExit(`GM_VALIDATION: --port must be an integer from 0 to 65535, got "${text}"`, 2);
  return port;
}

/** `pact cert`, `pact serve` and `pact pull`: the PACT v3 host and client from the command line. */
export function registerPactCommands(program: Command, io: CliIo): void {
  const pact = program.command('pact').description('PACT v3 data exchange: host API over HTTPS, client');

  pact
    .command('cert')
    .description(
      'make a throwaway development CA and a certificate for localhost/127.0.0.1/::1 (ca.pem, cert.pem, key.pem)',
    )
    .option(
      '--cert <file>',
      'server certificate to write (default: GREENMFG_PACT_CERT or data/pact/cert.pem)',
    )
    .option(
      '--key <file>',
      'private key to write, mode 0600 (default: GREENMFG_PACT_KEY or data/pact/key.pem)',
    )
    .action(async (flags: { cert?: string; key?: string }) => {
      const config = loadConfig().pact;
      const certFile = flags.cert ?? config.certFile;
      const keyFile = flags.key ?? config.keyFile;
      const { caFile } = await writeDevCertificate(certFile, keyFile);
      io.stdout(
        `wrote ${certFile}, ${keyFile} and the CA ${caFile}; clients trust the CA, e.g. NODE_EXTRA_CA_CERTS=${caFile}\n`,
      );
    });

  pact
    .command('serve')
    .description(
      'serve the PACT v3 host over HTTPS (footprints of the stored network; seeds the demo network on a first start)',
    )
    .option('--port <port>', 'HTTPS port (default GREENMFG_PACT_PORT or 8443)')
    .action(async (flags: { port?: string }) => {
      const config = loadConfig();
      const port = flags.port === undefined ? (config.pact.port ?? 8443) : parsePort(flags.port);
      const log = (line: string) => io.stderr(`${line}\n`);
      const store = await openConfiguredStore(config);
      const source = datasetFiles(config.datasetsDir);
      await bootstrapRegistry({ source, ...store });
      await bootstrapFootprints(store, source, log);
      const { pact: host } = await startPactHost(config.pact, store, log, port);
      await new Promise<void>((resolve) => {
        const stop = () =>
          void host.app.close().then(async () => {
            await store.close();
            resolve();
          });
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  pact
    .command('pull')
    .description("pull a supplier's Active PACT footprints and store them as primary data of an enterprise")
    .requiredOption('--from <url>', "the supplier's PACT base URL, e.g. https://supplier.example:8443")
    .requiredOption('--client-id <id>', 'client id at the supplier')
    .requiredOption('--enterprise <id>', 'the enterprise (customer) that owns the pulled data')
    .option(
      '--client-secret-file <file>',
      'file holding the client secret (default: env GREENMFG_PACT_PULL_SECRET)',
    )
    .option('--ca <file>', "PEM CA to trust for the supplier's certificate")
    .option('--json', 'print the outcome as JSON')
    .action(
      async (flags: {
        from: string;
        clientId: string;
        enterprise: string;
        clientSecretFile?: string;
        ca?: string;
        json?: boolean;
      }) => {
        const secret =
          flags.clientSecretFile === undefined
            ? process.env.GREENMFG_PACT_PULL_SECRET
            : readFileSync(flags.clientSecretFile, 'utf8').trim();
        if (!secret)
          throw new CliExit(
            'GM_VALIDATION: give the client secret in --client-secret-file or GREENMFG_PACT_PULL_SECRET',
            2,
          );
        const transport = createPactHttpTransport(
          flags.ca === undefined ? {} : { ca: readFileSync(flags.ca, 'utf8') },
        );
        const outcome = await withStore((store) =>
          pullSupplierFootprints({ transport, footprintNetwork: store.footprintNetwork }, flags.enterprise, {
            baseUrl: flags.from,
            clientId: flags.clientId,
            clientSecret: secret,
          }),
        );
        if (flags.json) io.stdout(`${JSON.stringify(outcome)}\n`);
        else {
          for (const d of outcome.datasets) io.stdout(`${d.id}\t${d.factor} kgCO2e/${d.unit}\t${d.name}\n`);
          io.stdout(
            `${outcome.datasets.length} footprints stored as primary data, ${outcome.skipped.length} skipped\n`,
          );
        }
      },
    );
}

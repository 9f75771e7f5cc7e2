import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { describeDatabase, type Config } from '../config/config.ts';
import { bootstrapOperatingData, bootstrapRegistry } from '../services/bootstrap.ts';
import { datasetFiles } from '../store/dataset-files.ts';
import { openStore } from '../store/open-store.ts';
import { buildServer } from './build-server.ts';
import { programmeDeps } from './programme-deps.ts';
import { startMetering } from './mqtt/start-metering.ts';
import { bootstrapFootprints, startPactHost } from './plugins/pact/start-pact.ts';

/**
 * The main job: create the data directory, migrate, load the code tables and the published lists
 * on the first start, then serve HTTP. Returns the listening app so that callers can close it.
 */
export async function startServer(
  config: Config,
  log: (line: string) => void,
): Promise<{ app: FastifyInstance; url: string }> {
  const started = Date.now();
  mkdirSync(config.dataDir, { recursive: true });
  const store = await openStore(config.databaseUrl, { poolSize: config.databasePoolSize });
  log(`greenmfg: ${store.kind} database at ${describeDatabase(config.databaseUrl)}`);
  // Servers started at once on one fresh database: one does the first-start work, the others
  // wait for it and then find it done (migrations take their own lock in openStore).
  const metering = await store.exclusively('first-start', async () => {
    const boot = await bootstrapRegistry({ source: datasetFiles(config.datasetsDir), ...store });
    if (boot.imported?.outcome) {
      const skipped = boot.imported.lists.reduce((n, l) => n + l.skipped.length, 0);
      log(
        `greenmfg: first start: imported the published lists (${boot.imported.outcome.inserted} rows; ${skipped} extraction artefacts used as context, not units)`,
      );
    }
    const simulated = await bootstrapOperatingData(store, config.simulationSeed);
    if (simulated) {
      log(
        `greenmfg: first start: simulated ${simulated.records} operating years (seed "${config.simulationSeed}"), labelled simulated`,
      );
    }
    await bootstrapFootprints(store, datasetFiles(config.datasetsDir), log);
    return startMetering(config, store, log);
  });
  const app = await buildServer({
    registry: store.registry,
    codeTables: store.codeTables,
    operatingYears: store.operatingYears,
    databaseKind: store.kind,
    metering: metering.service,
    programme: programmeDeps(store),
    security: { cookieSecure: config.cookieSecure },
    footprintNetwork: store.footprintNetwork,
    pactFootprints: store.pactFootprints,
  });
  app.addHook('onClose', () => store.close());
  app.addHook('onClose', () => metering.close());
  if (config.pact.port !== null) {
    const { pact } = await startPactHost(config.pact, store, log);
    app.addHook('onClose', () => pact.app.close());
  }
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('0.0.0.0', '127.0.0.1');
  log(
    `greenmfg: serving on ${url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s); try ${url}/api/v1/stats`,
  );
  return { app, url };
}

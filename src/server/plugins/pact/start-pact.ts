import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PactConfig } from '../../../config/pact-config.ts';
import type { TextSource } from '../../../core/ports.ts';
import { seedDemoNetwork } from '../../../services/footprint/demo-network.ts';
import { publishFootprints } from '../../../services/footprint/publish-footprints.ts';
import type { Store } from '../../../store/open-store.ts';
import { buildPactServer, type PactServer } from './build-pact-server.ts';
import { generateDevCertificate } from './dev-certificate.ts';
import { createPactHttpTransport } from './pact-http-transport.ts';
import { createPactTokens } from './pact-tokens.ts';

const clock = { now: () => new Date() };

/** Writes a development CA and server certificate into `dir` (ca.pem, cert.pem, key.pem with mode 0600). */
export async function writeDevCertificate(certFile: string, keyFile: string): Promise<{ caFile: string }> {
  const cert = await generateDevCertificate(new Date());
  mkdirSync(dirname(certFile), { recursive: true });
  mkdirSync(dirname(keyFile), { recursive: true });
  const caFile = join(dirname(certFile), 'ca.pem');
  writeFileSync(caFile, cert.caCert);
  writeFileSync(certFile, cert.cert);
  writeFileSync(keyFile, cert.key, { mode: 0o600 });
  return { caFile };
}

/**
 * Footprints on start-up: seeds the demo supply network on the first start (simulated, around
 * real listed enterprises) and publishes the solved footprints of products whose enterprise
 * publishes them; a later start republishes only what changed.
 */
export async function bootstrapFootprints(
  store: Store,
  source: TextSource,
  log: (line: string) => void,
): Promise<void> {
  const seeded = await seedDemoNetwork({ ...store, source });
  if (seeded.seeded)
    log(`greenmfg: first start: demo supply network of ${seeded.products} products, labelled simulated`);
  const outcome = await publishFootprints({ ...store, clock, ids: { uuid: randomUUID } });
  if (outcome.published > 0)
    log(`greenmfg: published ${outcome.published} PACT footprints (${outcome.deprecated} superseded)`);
}

/**
 * Starts the PACT v3 host over HTTPS: makes a development certificate and a client secret when
 * none exist (the secret goes to a 0600 file, never to the log), then listens.
 */
export async function startPactHost(
  config: PactConfig,
  store: Store,
  log: (line: string) => void,
  port: number = config.port ?? 8443,
): Promise<{ pact: PactServer; url: string }> {
  if (!existsSync(config.certFile) && !existsSync(config.keyFile)) {
    const { caFile } = await writeDevCertificate(config.certFile, config.keyFile);
    log(`greenmfg: made a development certificate for localhost; trust ${caFile} in clients`);
  }
  let secret = config.clientSecret;
  if (secret === null) {
    if (!existsSync(config.secretFile)) {
      mkdirSync(dirname(config.secretFile), { recursive: true });
      writeFileSync(config.secretFile, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
    }
    secret = readFileSync(config.secretFile, 'utf8').trim();
  }
  const pact = await buildPactServer({
    pactFootprints: store.pactFootprints,
    tokens: createPactTokens([{ clientId: config.clientId, clientSecret: secret }], 'greenmfg-pact', clock),
    transport: createPactHttpTransport(
      config.caFile === null ? {} : { ca: readFileSync(config.caFile, 'utf8') },
    ),
    partners: config.partners,
    clock,
    ids: { uuid: randomUUID },
    https: { key: readFileSync(config.keyFile, 'utf8'), cert: readFileSync(config.certFile, 'utf8') },
  });
  const address = await pact.app.listen({ port, host: config.host });
  const url = address.replace('127.0.0.1', 'localhost');
  log(
    `greenmfg: PACT v3 host on ${url} (client id "${config.clientId}", secret ${config.clientSecret === null ? `in ${config.secretFile}` : 'from GREENMFG_PACT_CLIENT_SECRET'})`,
  );
  return { pact, url };
}

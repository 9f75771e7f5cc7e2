import { resolve } from 'node:path';
import { GmError } from '../core/errors.ts';
import type { PactPartner } from '../core/ports.ts';

/** The PACT host's part of the configuration (GREENMFG_PACT_*). */
export interface PactConfig {
  /** HTTPS port of the PACT host (GREENMFG_PACT_PORT); null: the host is off in `greenmfg start`. */
  readonly port: number | null;
  /** Interface to listen on (GREENMFG_PACT_HOST), loopback by default. */
  readonly host: string;
  /** PEM files (GREENMFG_PACT_CERT, GREENMFG_PACT_KEY); a development pair is made there when both are missing. */
  readonly certFile: string;
  readonly keyFile: string;
  /** The OAuth2 client allowed to call this host (GREENMFG_PACT_CLIENT_ID / _SECRET); no secret: one is generated into `secretFile`. */
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly secretFile: string;
  /** Partners whose events are answered and whose footprints can be pulled (GREENMFG_PACT_PARTNERS, JSON). */
  readonly partners: readonly PactPartner[];
  /** Extra CA certificates (PEM file) trusted for outbound PACT calls (GREENMFG_PACT_CA). */
  readonly caFile: string | null;
}

/** Reads the PACT host settings from the environment; the defaults leave the host off. */
export function loadPactConfig(env: NodeJS.ProcessEnv, dataDir: string): PactConfig {
  const portText = env.GREENMFG_PACT_PORT;
  const port = portText === undefined || portText === '' ? null : Number(portText);
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new GmError(
      'GM_CONFIG',
      `GREENMFG_PACT_PORT must be an integer from 0 to 65535, got "${portText}"`,
      {
        field: 'GREENMFG_PACT_PORT',
        value: portText,
      },
    );
  }
  let partners: PactPartner[] = [];
  if (env.GREENMFG_PACT_PARTNERS) {
    try {
      const parsed = JSON.parse(env.GREENMFG_PACT_PARTNERS) as unknown;
      if (
        !Array.isArray(parsed) ||
        !parsed.every(
          (p: Record<string, unknown>) =>
            typeof p.baseUrl === 'string' &&
            typeof p.clientId === 'string' &&
            typeof p.clientSecret === 'string',
        )
      )
        throw new Error('expected [{"baseUrl", "clientId", "clientSecret"}]');
      partners = parsed as PactPartner[];
    } catch (error) {
      // The message names the variable, never its value: it holds secrets.
      throw new GmError(
        'GM_CONFIG',
        `GREENMFG_PACT_PARTNERS must be a JSON array of {baseUrl, clientId, clientSecret}: ${error instanceof Error ? error.message : String(error)}`,
        { field: 'GREENMFG_PACT_PARTNERS' },
      );
    }
  }
  const dir = resolve(dataDir, 'pact');
  return {
    port,
    host: env.GREENMFG_PACT_HOST || '127.0.0.1',
    certFile: resolve(env.GREENMFG_PACT_CERT || resolve(dir, 'cert.pem')),
    keyFile: resolve(env.GREENMFG_PACT_KEY || resolve(dir, 'key.pem')),
    clientId: env.GREENMFG_PACT_CLIENT_ID || 'greenmfg-pact',
    clientSecret: env.GREENMFG_PACT_CLIENT_SECRET || null,
    secretFile: resolve(dir, 'client-secret.txt'),
    partners,
    caFile: env.GREENMFG_PACT_CA ? resolve(env.GREENMFG_PACT_CA) : null,
  };
}

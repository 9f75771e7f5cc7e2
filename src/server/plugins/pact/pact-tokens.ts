import {
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';
import type { Clock } from '../../../core/ports.ts';

/** A client allowed to get PACT access tokens (OAuth2 client credentials). */
export interface PactClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Issues and verifies the PACT host's access tokens: ES256 JWTs, key published as a JWKS. */
export interface PactTokens {
  /** Returns a token for valid client credentials, else undefined. */
  readonly issue: (
    clientId: string,
    clientSecret: string,
  ) => { token: string; expiresIn: number } | undefined;
  /** Returns the client id of a valid, unexpired token, else undefined. */
  readonly verify: (token: string) => string | undefined;
  readonly jwks: () => { keys: Record<string, unknown>[] };
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Creates the token issuer with a fresh P-256 key (tokens do not survive a restart: clients just
 * ask again, as OAuth2 client credentials expects). Secrets are compared in constant time.
 */
export function createPactTokens(
  clients: readonly PactClient[],
  issuer: string,
  clock: Clock,
  lifetimeSeconds = 3600,
): PactTokens {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomUUID();
  const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }));
  const now = () => Math.floor(clock.now().getTime() / 1000);
  return {
    issue(clientId, clientSecret) {
      const client = clients.find((c) => sameText(c.clientId, clientId));
      if (client === undefined || !sameText(client.clientSecret, clientSecret)) return undefined;
      const iat = now();
      const payload = b64url(
        JSON.stringify({ iss: issuer, sub: clientId, iat, exp: iat + lifetimeSeconds, jti: randomUUID() }),
      );
      const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
        key: privateKey,
        dsaEncoding: 'ieee-p1363',
      });
      return { token: `${header}.${payload}.${b64url(signature)}`, expiresIn: lifetimeSeconds };
    },
    verify(token) {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== header) return undefined;
      const ok = verifySignature(publicKey, `${parts[0]}.${parts[1]}`, parts[2]!);
      if (!ok) return undefined;
      try {
        const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as {
          sub?: unknown;
          exp?: unknown;
          iss?: unknown;
        };
        if (
          claims.iss !== issuer ||
          typeof claims.sub !== 'string' ||
          typeof claims.exp !== 'number' ||
          claims.exp <= now()
        )
          return undefined;
        return claims.sub;
      } catch {
        return undefined;
      }
    },
    jwks() {
      const jwk = createPublicKey(publicKey).export({ format: 'jwk' });
      return { keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] };
    },
  };
}

function verifySignature(publicKey: KeyObject, signed: string, signature: string): boolean {
  try {
    return verify(
      'sha256',
      Buffer.from(signed),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    return false;
  }
}

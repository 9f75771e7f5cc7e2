import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { PasswordHasher, RandomSource } from '../core/ports.ts';

/**
 * argon2id parameters. The defaults follow OWASP's password storage cheat sheet (m = 19 MiB, t = 2,
 * p = 1); tests pass cheaper ones because argon2 is slow on purpose.
 */
export interface Argon2Cost {
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

export const defaultArgon2Cost: Argon2Cost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The password hasher: argon2id through the `argon2` package (prebuilt native binding). */
export function createArgon2Hasher(cost: Argon2Cost = defaultArgon2Cost): PasswordHasher {
  return {
    hash: (password) => argon2.hash(password, { type: argon2.argon2id, ...cost }),
    async verify(hash, password) {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    },
  };
}

/** Randomness from the operating system's CSPRNG: 32-byte secrets and 128-bit ids. */
export function createCryptoRandom(): RandomSource {
  return {
    bytes: (n) => new Uint8Array(randomBytes(n)),
    id: (prefix) => `${prefix}_${randomBytes(16).toString('hex')}`,
  };
}

/**
 * A small deterministic PRNG (mulberry32) seeded from a string, so that simulated operating data
 * is the same on every machine for the same seed and unit.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Log-uniform in [min, max): sizes of plants spread over orders of magnitude. */
  logBetween(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** Hashes a string to a 32-bit seed (FNV-1a). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A PRNG whose sequence depends only on the seed text. */
export function seededRandom(seedText: string): SeededRandom {
  let state = seedOf(seedText);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    logBetween: (min, max) => Math.exp(Math.log(min) + (Math.log(max) - Math.log(min)) * next()),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
  };
}

/**
 * Deterministic ids from natural keys, so that importing the same list twice yields the same ids
 * and changes nothing. FNV-1a over UTF-16 code units, 64 bits via two 32-bit lanes (no BigInt on
 * the hot path); collisions are caught by the store's unique keys, never silently merged.
 */
export function stableId(prefix: string, ...keyParts: readonly string[]): string {
  const key = keyParts.join('\u241f');
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x01000193) >>> 0;
  }
  return `${prefix}_${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

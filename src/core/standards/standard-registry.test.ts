import { describe, expect, it } from 'vitest';
import { isGmError } from '../errors.ts';
import { builtinStandards, createStandardRegistry, standardRegistry } from './standard-registry.ts';
import { deriveStandard } from './derive-standard.ts';
import { parseStandardKey, standardKey } from './standard-key.ts';
import { sourced } from './sourced.ts';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return isGmError(e) ? e.code : 'not a GmError';
  }
  return undefined;
};

/** Every object in a value graph that looks like a Sourced value. */
function sourcedValues(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (value === null || typeof value !== 'object') return out;
  const o = value as Record<string, unknown>;
  if ('tag' in o && 'verified' in o && 'value' in o) out.push(o);
  for (const v of Object.values(o)) sourcedValues(v, out);
  return out;
}

describe('standard keys and the registry', () => {
  it('keys standards as id@version', () => {
    expect(standardKey('GB/T 36132', '2025')).toBe('GB/T 36132@2025');
    expect(parseStandardKey('GB/T 36132@2025')).toEqual({ id: 'GB/T 36132', version: '2025' });
    expect(codeOf(() => parseStandardKey('GB/T 36132'))).toBe('GM_VALIDATION');
  });

  it('holds the encoded editions', () => {
    const keys = standardRegistry.keys();
    for (const k of [
      'GB/T 36132@2025',
      'GB/T 36132@2018',
      'MIIT-green-factory@2016',
      'MIIT-green-park@2016',
      'MIIT-green-supply-chain@2016',
      'GB/T 32161@2015',
      'GB 16780@2021',
      'GB 21256@2025',
      'NDRC-benchmark@2021',
      'NDRC-benchmark@2023',
    ]) {
      expect(keys).toContain(k);
    }
    expect(standardRegistry.indicatorSystem('GB/T 36132@2025').title).toMatch(/green factory/);
  });

  it('reports an unknown key or a key of the wrong kind as GM_STANDARD_NOT_FOUND', () => {
    expect(codeOf(() => standardRegistry.get('GB/T 36132@2099'))).toBe('GM_STANDARD_NOT_FOUND');
    expect(codeOf(() => standardRegistry.indicatorSystem('GB 16780@2021'))).toBe('GM_STANDARD_NOT_FOUND');
    expect(codeOf(() => standardRegistry.quotaRow('GB 16780@2021#nothing'))).toBe('GM_STANDARD_NOT_FOUND');
  });

  it('refuses the same key twice', () => {
    const first = builtinStandards[0];
    expect(first).toBeDefined();
    if (first) expect(codeOf(() => createStandardRegistry([first, first]))).toBe('GM_CONFLICT');
  });

  it('deep-freezes every edition', () => {
    const s = standardRegistry.indicatorSystem('GB/T 36132@2025');
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.indicators[0]?.weight)).toBe(true);
    expect(() => {
      (s.groups as unknown as { code: string }[]).push({ code: 'X' });
    }).toThrow(TypeError);
    const row = standardRegistry.quotaRow('GB 16780@2021#clinker-comprehensive');
    expect(() => {
      (row.grade1 as { value: number }).value = 1;
    }).toThrow(TypeError);
  });

  it('sets verified: false exactly on values tagged U, in every edition', () => {
    const all = builtinStandards.flatMap((s) => sourcedValues(s));
    expect(all.length).toBeGreaterThan(300);
    for (const v of all) expect(v['verified']).toBe(v['tag'] !== 'U');
    expect(all.some((v) => v['tag'] === 'U')).toBe(true);
    expect(sourced(1, 'U', 'x').verified).toBe(false);
    expect(sourced(1, 'S', 'x').verified).toBe(true);
  });
});

describe('deriveStandard', () => {
  const base = standardRegistry.indicatorSystem('GB/T 36132@2025');
  it('builds a new immutable edition with its own key and values', () => {
    const d = deriveStandard(base, {
      id: 'T/TEST',
      version: '1',
      title: 'test',
      source: 'test',
      tag: 'U',
      references: { EN2: { lead: sourced(50, 'U', 'test'), baseline: sourced(150, 'U', 'test') } },
    });
    expect(d.key).toBe('T/TEST@1');
    const en2 = d.indicators.find((i) => i.code === 'EN2');
    expect(en2?.reference).toMatchObject({ kind: 'fixed', lead: { value: 50 } });
    expect(base.indicators.find((i) => i.code === 'EN2')?.reference).toMatchObject({ lead: null });
    expect(Object.isFrozen(d)).toBe(true);
  });
  it('rejects codes the base does not have', () => {
    expect(
      codeOf(() =>
        deriveStandard(base, {
          id: 'x',
          version: '1',
          title: 'x',
          source: 'x',
          tag: 'U',
          weights: { NOPE: null },
        }),
      ),
    ).toBe('GM_VALIDATION');
  });
});

import { describe, expect, it } from 'vitest';
import { isGmError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';
import { standardRegistry } from '../standards/standard-registry.ts';
import { evaluate, checkFacts } from './evaluate.ts';
import { canonicalJson } from './facts-hash.ts';
import { plan } from './plan.ts';
import {
  cementPlant,
  cementPlantFacts,
  cementPlantTotal,
  testIndustryStandard,
} from './fixtures/cement-plant.ts';

const issuesOf = (f: () => unknown): readonly FieldIssue[] => {
  try {
    f();
  } catch (e) {
    if (isGmError(e) && e.code === 'GM_VALIDATION') return e.details['issues'] as FieldIssue[];
    throw e;
  }
  throw new Error('expected a validation error');
};

describe('plan', () => {
  it('chooses per-product energy when a quota applies, per-output-value otherwise', () => {
    const withQuota = plan(testIndustryStandard, cementPlant);
    expect(withQuota.indicators.map((i) => i.code)).toContain('EN1a');
    expect(withQuota.notApplicable.map((n) => n.code)).toEqual(['EN1b', 'RE2a']);
    expect(withQuota.totalWeight).toBe(100);
    const without = plan(testIndustryStandard, { kind: 'factory' });
    expect(without.indicators.map((i) => i.code)).toContain('EN1b');
    expect(without.totalWeight).toBe(100);
  });
  it('lists the facts needed, with units resolved from the quota row', () => {
    const p = plan(testIndustryStandard, cementPlant);
    const units = Object.fromEntries(p.facts.map((f) => [f.key, f.unit]));
    expect(units['energy.product']).toBe('kgce');
    expect(units['output.productQuantity']).toBe('t');
    expect(p.facts.map((f) => f.key)).toEqual([...p.facts.map((f) => f.key)].sort());
    expect(Object.keys(cementPlantFacts).sort()).toEqual(p.facts.map((f) => f.key));
  });
  it('takes lead = grade 1 and baseline = grade 2 of the quota row, after corrections', () => {
    const p = plan(testIndustryStandard, cementPlant);
    const en1a = p.indicators.find((i) => i.code === 'EN1a');
    expect([en1a?.lead?.value, en1a?.baseline?.value]).toEqual([100, 107]);
    const cement = plan(testIndustryStandard, {
      kind: 'factory',
      energyQuota: {
        row: standardRegistry.quotaRow('GB 16780@2021#cement-comprehensive'),
        corrections: { clinkerRatioPct: 80 },
      },
    });
    const c = cement.indicators.find((i) => i.code === 'EN1a');
    // 80 + 1.10 × 5 = 85.5 and 87 + 1.15 × 5 = 92.75
    expect(c?.lead?.value).toBeCloseTo(85.5, 10);
    expect(c?.baseline?.value).toBeCloseTo(92.75, 10);
  });
  it('refuses a subject of the wrong kind', () => {
    expect(issuesOf(() => plan(testIndustryStandard, { kind: 'park' }))[0]?.field).toBe('subject.kind');
  });
});

describe('evaluate: worked example (see fixtures/cement-plant.ts)', () => {
  const p = plan(testIndustryStandard, cementPlant);
  const r = evaluate(p, cementPlantFacts);
  const by = Object.fromEntries(r.indicators.map((i) => [i.code, i]));

  it('computes each value and score', () => {
    expect(by['EN1a']?.value).toBe(104);
    expect(by['EN1a']?.score).toBeCloseTo(300 / 7, 10);
    expect(by['RE3']?.value).toBe(90);
    expect(by['RE3']?.score).toBeCloseTo(200 / 3, 10);
    expect(by['RE4']?.value).toBe(85);
    expect(by['EN4']?.score).toBe(75);
    expect(by['PG1']?.score).toBe(100);
  });
  it('sums the weighted total and fails against the fixture pass mark of 60', () => {
    expect(r.total).toBeCloseTo(cementPlantTotal, 10);
    expect(r.gatesPassed).toBe(true);
    expect(r.pass.status).toBe('fail');
    expect(r.pass.passMark).toBe(60);
    expect(r.groups.map((g) => g.weight)).toEqual([30, 30, 16, 16, 8]);
  });
  it('gives the gap to the lead value in the improving direction', () => {
    expect(by['EN1a']?.gapToLead).toBe(4); // 104 − 100, reverse
    expect(by['RE3']?.gapToLead).toBe(5); // 95 − 90, forward
  });
  it('records the standard version, a hash of the facts and the use of unverified values', () => {
    expect(r.standard).toBe('T/TEST-cement@1');
    expect(r.usesUnverified).toBe(true);
    expect(r.unverified.some((u) => u.startsWith('EN2 lead'))).toBe(true);
    expect(r.factsHash).toMatch(/^[0-9a-f]{16}$/);
  });
  it('hashes the canonical JSON of the fact keys and subject, then each value used as its binary64 bits in 32-bit words', () => {
    const values = p.facts.map((f) => {
      const v = cementPlantFacts[f.key];
      return typeof v === 'boolean' ? (v ? 1 : 0) : (v as number);
    });
    const subject = JSON.parse(p.subjectCanonical) as unknown;
    const text = `${canonicalJson({ facts: p.facts.map((f) => f.key), subject })}\n`;
    // BigInt reference: FNV-1a 64 over the text's bytes, then over each value's words (low word first).
    const prime = 0x100000001b3n;
    const mask = 0xffffffffffffffffn;
    let h = 0xcbf29ce484222325n;
    for (const b of new TextEncoder().encode(text)) h = ((h ^ BigInt(b)) * prime) & mask;
    const view = new DataView(new ArrayBuffer(8));
    for (const v of values) {
      view.setFloat64(0, v, true);
      for (const w of [view.getUint32(0, true), view.getUint32(4, true)])
        h = ((h ^ BigInt(w)) * prime) & mask;
    }
    expect(r.factsHash).toBe(h.toString(16).padStart(16, '0'));
  });
  it('gives the same hash whatever the key order or unused extra facts, and a new hash when a fact changes', () => {
    const reordered = Object.fromEntries(Object.entries(cementPlantFacts).reverse());
    expect(evaluate(p, { ...reordered, 'unused.fact': 5 }).factsHash).toBe(r.factsHash);
    expect(evaluate(p, { ...cementPlantFacts, 'water.reused': 360_001 }).factsHash).not.toBe(r.factsHash);
  });
  it('fails on a failed basic requirement whatever the score', () => {
    const failed = evaluate(p, { ...cementPlantFacts, 'gate.ems': false });
    expect(failed.gatesPassed).toBe(false);
    expect(failed.pass).toMatchObject({ status: 'fail' });
    expect(failed.pass.reason).toContain('ems');
  });
});

describe('evaluate: malformed facts give an error per field, never a silent zero', () => {
  const p = plan(testIndustryStandard, cementPlant);
  it('reports every missing fact, a wrong unit and NaN at once', () => {
    const facts: Record<string, unknown> = { ...cementPlantFacts };
    delete facts['water.reused'];
    delete facts['land.area'];
    facts['energy.product'] = { value: 1040, unit: 'tce' };
    facts['carbon.emissions'] = NaN;
    facts['assess.CP1'] = 1.5;
    const issues = issuesOf(() => evaluate(p, facts as never));
    expect(Object.fromEntries(issues.map((i) => [i.field, i.message]))).toMatchObject({
      'water.reused': expect.stringContaining('missing') as unknown,
      'land.area': expect.stringContaining('missing') as unknown,
      'energy.product': 'wrong unit: expected kgce, got tce',
      'carbon.emissions': 'not a finite number',
      'assess.CP1': expect.stringContaining('[0, 1]') as unknown,
    });
    expect(checkFacts(p, facts as never)).toHaveLength(5);
  });
  it('accepts a fact with the right unit attached', () => {
    expect(() =>
      evaluate(p, { ...cementPlantFacts, 'energy.product': { value: 1_040_000, unit: 'kgce' } }),
    ).not.toThrow();
  });
  it('reports a zero denominator on each indicator it breaks (LU1 has output value as numerator: 0 is a real value)', () => {
    const issues = issuesOf(() => evaluate(p, { ...cementPlantFacts, 'output.value': 0 }));
    expect(issues.map((i) => i.field).sort()).toEqual([
      'indicator.CP3',
      'indicator.EN2',
      'indicator.RE1',
      'indicator.RE2b',
    ]);
  });
});

describe('evaluate: the general GB/T 36132-2025 without an industry edition', () => {
  const p = plan(standardRegistry.indicatorSystem('GB/T 36132@2025'), cementPlant);
  const r = evaluate(p, cementPlantFacts);
  it('says "no reference value" instead of guessing, and gives bounds for the total', () => {
    const en2 = r.indicators.find((i) => i.code === 'EN2');
    expect(en2?.status).toBe('no-reference-value');
    expect(en2?.reason).toContain('no reference value');
    expect(r.total).toBeNull();
    // Scored: EN1a 24/7, EN4 4.5, CP1 3, PG1 8 (qualitative and quota-backed indicators only).
    expect(r.scoredPoints).toBeCloseTo(24 / 7 + 4.5 + 3 + 8, 10);
    expect(r.unscoredWeight).toBe(100 - 8 - 6 - 6 - 8);
  });
  it('says that the standard defines no pass mark', () => {
    expect(r.pass.status).toBe('no-pass-mark');
    expect(r.usesUnverified).toBe(false);
  });
  it('warns when the quota row has corrections that are not encoded', () => {
    const eaf = plan(standardRegistry.indicatorSystem('GB/T 36132@2025'), {
      kind: 'factory',
      energyQuota: { row: standardRegistry.quotaRow('GB 21256@2025#eaf-lt-50') },
    });
    expect(eaf.warnings[0]).toContain('raw materials and steel grade');
    // grade 2 is "—" for EAF < 50 t: no baseline, so no score.
    expect(eaf.indicators.find((i) => i.code === 'EN1a')?.noScoreReason).toContain('baseline');
  });
});

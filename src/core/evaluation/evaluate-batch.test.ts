import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardRegistry } from '../standards/standard-registry.ts';
import { evaluate, type Facts } from './evaluate.ts';
import { BATCH_INVALID, createBatchBuffers, evaluateBatch, packFacts } from './evaluate-batch.ts';
import { inlineFormulas, kernelOf, setKernelGeneration } from './evaluation-kernel.ts';
import { formulaCatalog } from './formula-catalog.ts';
import { fnv1a64Digest, fnv1a64Start, fnv1a64UpdateNumbers } from './facts-hash.ts';
import {
  cementPlant,
  cementPlantFacts,
  cementPlantTotal,
  testIndustryStandard,
} from './fixtures/cement-plant.ts';
import { plan } from './plan.ts';

const variant = (i: number, scale: number): Facts => ({
  ...cementPlantFacts,
  'energy.product': 950_000 + i * 1_000 * scale,
  'water.reused': 300_000 + i * 5_000,
  'assess.CP1': (i % 11) / 10,
  'platform.functionCount': i % 13,
  'gate.enms': i % 7 !== 0,
});

function runBoth(facts: readonly Facts[], generated: boolean) {
  setKernelGeneration(generated);
  try {
    const p = plan(testIndustryStandard, cementPlant);
    const slots = new Float64Array(facts.length * p.facts.length);
    facts.forEach((f, i) => packFacts(p, f, slots, i));
    return { p, batch: evaluateBatch(p, slots, facts.length, createBatchBuffers(p, facts.length)) };
  } finally {
    setKernelGeneration(true);
  }
}

describe('evaluateBatch', () => {
  const population = Array.from({ length: 40 }, (_, i) => variant(i, 3));
  const { p, batch } = runBoth(population, true);

  it('compiles a generated loop for the plan', () => {
    expect(kernelOf(p).generated).toBe(true);
  });
  it('gives every subject exactly the result evaluate() gives, hash included', () => {
    population.forEach((f, i) => expect(batch.result(i)).toEqual(evaluate(p, f)));
  });
  it('gives the hand-worked total of the fixture plant', () => {
    const one = runBoth([cementPlantFacts], true).batch;
    expect(one.totals[0]).toBeCloseTo(cementPlantTotal, 10);
    expect(one.statusOf(0)).toBe('fail');
  });
  it('writes the same numbers from the generated loop and the closure loop', () => {
    const generic = runBoth(population, false);
    expect(kernelOf(generic.p).generated).toBe(false);
    expect(Array.from(generic.batch.totals)).toEqual(Array.from(batch.totals));
    expect(Array.from(generic.batch.scores)).toEqual(Array.from(batch.scores));
    expect(Array.from(generic.batch.status)).toEqual(Array.from(batch.status));
    expect(Array.from(generic.batch.hashLo)).toEqual(Array.from(batch.hashLo));
    expect(Array.from(generic.batch.gateBits)).toEqual(Array.from(batch.gateBits));
  });
  it('marks a subject with malformed facts invalid, names the field, and leaves the others alone', () => {
    const bad = [
      cementPlantFacts,
      { ...cementPlantFacts, 'land.area': Number.NaN },
      { ...cementPlantFacts, 'output.value': 0 },
    ];
    for (const generated of [true, false]) {
      const r = runBoth(bad, generated).batch;
      expect(r.invalid).toBe(2);
      expect(r.status[1]).toBe(BATCH_INVALID);
      expect(r.issues(1).map((i) => i.field)).toEqual(['land.area']);
      expect(
        r
          .issues(2)
          .map((i) => i.field)
          .sort(),
      ).toEqual(['indicator.CP3', 'indicator.EN2', 'indicator.RE1', 'indicator.RE2b']);
      expect(() => r.result(1)).toThrow(/land\.area/);
      expect(r.result(0).total).toBeCloseTo(cementPlantTotal, 10);
    }
  });
  it('agrees with evaluate() on random facts under the general 2025 standard (no pass mark, unscored indicators)', () => {
    const p25 = plan(standardRegistry.indicatorSystem('GB/T 36132@2025'), cementPlant);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            energy: fc.double({ min: 1, max: 5e6, noNaN: true }),
            cp1: fc.double({ min: 0, max: 1, noNaN: true }),
            fn: fc.integer({ min: 0, max: 12 }),
            gate: fc.boolean(),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (rows) => {
          const facts = rows.map((r) => ({
            ...cementPlantFacts,
            'energy.product': r.energy,
            'assess.CP1': r.cp1,
            'platform.functionCount': r.fn,
            'gate.qms': r.gate,
          }));
          const slots = new Float64Array(facts.length * p25.facts.length);
          facts.forEach((f, i) => packFacts(p25, f, slots, i));
          const b = evaluateBatch(p25, slots, facts.length);
          facts.forEach((f, i) => {
            const e = evaluate(p25, f);
            expect(b.scoredPoints[i]).toBe(e.scoredPoints);
            expect(b.statusOf(i)).toBe(e.pass.status);
            expect(b.factsHash(i)).toBe(e.factsHash);
          });
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('inline formulas of the generated loop', () => {
  it('compute bit for bit what the formula functions compute', () => {
    for (const [id, inline] of Object.entries(inlineFormulas)) {
      const fn = formulaCatalog[id as keyof typeof formulaCatalog].fn;
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the test compiles the generator's own text
      const compiled = new Function('a', 'b', 'c', `return ${inline('a', 'b', 'c')};`) as (
        ...x: number[]
      ) => number;
      fc.assert(
        fc.property(fc.double(), fc.double(), fc.double(), (a, b, c) => {
          expect(Object.is(compiled(a, b, c), fn(a, b, c))).toBe(true);
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe('fnv1a64UpdateNumbers', () => {
  it('is FNV-1a 64 over the binary64 words, low word first (BigInt reference), with -0 as 0', () => {
    const reference = (values: number[]): string => {
      let h = 0xcbf29ce484222325n;
      const view = new DataView(new ArrayBuffer(8));
      for (const v of values) {
        view.setFloat64(0, v === 0 ? 0 : v, true);
        for (const w of [view.getUint32(0, true), view.getUint32(4, true)])
          h = ((h ^ BigInt(w)) * 0x100000001b3n) & 0xffffffffffffffffn;
      }
      return h.toString(16).padStart(16, '0');
    };
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true })), (values) => {
        expect(fnv1a64Digest(fnv1a64UpdateNumbers(fnv1a64Start(), values))).toBe(reference(values));
      }),
    );
    expect(fnv1a64Digest(fnv1a64UpdateNumbers(fnv1a64Start(), [-0]))).toBe(
      fnv1a64Digest(fnv1a64UpdateNumbers(fnv1a64Start(), [0])),
    );
  });
});

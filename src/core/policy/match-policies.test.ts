import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicyCondition, describePolicyCondition } from './compile-policy-condition.ts';
import { amountFor, compileCatalog, inForce } from './match-policies.ts';
import { policyCatalog } from './policy-catalog.ts';
import { instrumentKey, type PolicyInstrument } from './policy-instrument.ts';

const instrument = (over: Partial<PolicyInstrument>): PolicyInstrument => ({
  id: 'test',
  version: '1',
  nameZh: '测试',
  nameEn: 'test',
  issuer: 'test',
  documentNumber: null,
  level: 'provincial',
  regionCode: '330000',
  kind: 'award-or-subsidy',
  eligibility: [],
  amount: null,
  validFrom: '2024-01-01',
  validTo: '2025-12-31',
  source: 'test',
  tag: 'U',
  verified: false,
  illustrative: true,
  ...over,
});

describe('policy conditions', () => {
  it('compiles each kind of rule', () => {
    const facts = {
      tier: 'national',
      provinceCode: '330000',
      quotaGrade: 1,
      retrofitSavingsTce: 500,
      greenCode: 'A',
    };
    const cases: [Parameters<typeof compilePolicyCondition>[0], boolean][] = [
      [{ op: 'eq', attr: 'tier', value: 'national' }, true],
      [{ op: 'eq', attr: 'tier', value: 'provincial' }, false],
      [{ op: 'in', attr: 'greenCode', values: ['A+', 'A'] }, true],
      [{ op: 'in', attr: 'greenCode', values: ['A+'] }, false],
      [{ op: 'gte', attr: 'retrofitSavingsTce', value: 500 }, true],
      [{ op: 'gte', attr: 'retrofitSavingsTce', value: 501 }, false],
      [{ op: 'lte', attr: 'quotaGrade', value: 1 }, true],
      [{ op: 'lte', attr: 'quotaGrade', value: 0 }, false],
      [{ op: 'gte', attr: 'missingFigure', value: 0 }, false],
      [{ op: 'lte', attr: 'tier', value: 10 }, false],
      [{ op: 'not', of: { op: 'eq', attr: 'tier', value: 'national' } }, false],
      [
        {
          op: 'all',
          of: [
            { op: 'eq', attr: 'tier', value: 'national' },
            { op: 'lte', attr: 'quotaGrade', value: 1 },
          ],
        },
        true,
      ],
      [
        {
          op: 'all',
          of: [
            { op: 'eq', attr: 'tier', value: 'national' },
            { op: 'lte', attr: 'quotaGrade', value: 0 },
          ],
        },
        false,
      ],
      [
        {
          op: 'any',
          of: [
            { op: 'eq', attr: 'tier', value: 'x' },
            { op: 'gte', attr: 'quotaGrade', value: 1 },
          ],
        },
        true,
      ],
      [{ op: 'any', of: [] }, false],
      [{ op: 'all', of: [] }, true],
    ];
    for (const [condition, expected] of cases) {
      expect([describePolicyCondition(condition), compilePolicyCondition(condition)(facts)]).toEqual([
        describePolicyCondition(condition),
        expected,
      ]);
    }
  });

  it('keeps thresholds monotone: a larger saving never loses a gte rule', () => {
    const test = compilePolicyCondition({ op: 'gte', attr: 's', value: 1000 });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          if (test({ s: lo })) expect(test({ s: hi })).toBe(true);
        },
      ),
    );
  });
});

describe('validity and amounts', () => {
  it('is in force inclusively between its dates; a month-only date covers the month', () => {
    const i = instrument({ validFrom: '2024-01', validTo: '2025-06' });
    expect(inForce(i, '2023-12-31')).toBe(false);
    expect(inForce(i, '2024-01-01')).toBe(true);
    expect(inForce(i, '2025-06-30')).toBe(true);
    expect(inForce(i, '2025-07-01')).toBe(false);
    expect(inForce(instrument({ validFrom: '2024-01-01', validTo: null }), '2099-01-01')).toBe(true);
    expect(inForce(instrument({ validFrom: '2024-03-15', validTo: '2024-03-15' }), '2024-03-15')).toBe(true);
    expect(inForce(instrument({ validFrom: '2024-03-15', validTo: '2024-03-15' }), '2024-03-16')).toBe(false);
  });

  it('computes fixed and per-unit amounts with their cap, and none without the figure', () => {
    expect(amountFor({ kind: 'fixed', value: 100 }, {})).toBe(100);
    expect(amountFor({ kind: 'per-unit', attr: 's', rate: 0.05, cap: 200 }, { s: 2000 })).toBeCloseTo(
      100,
      12,
    );
    expect(amountFor({ kind: 'per-unit', attr: 's', rate: 0.05, cap: 200 }, { s: 10_000 })).toBe(200);
    expect(amountFor({ kind: 'per-unit', attr: 's', rate: 0.05 }, {})).toBeNull();
    expect(amountFor(null, { s: 1 })).toBeNull();
  });
});

describe('matching', () => {
  const catalog = compileCatalog([
    instrument({
      eligibility: [
        {
          id: 'zj',
          zh: '浙江',
          en: 'Zhejiang',
          condition: { op: 'eq', attr: 'provinceCode', value: '330000' },
          actionable: false,
        },
        {
          id: 'listed',
          zh: '入选',
          en: 'listed',
          condition: { op: 'eq', attr: 'tier', value: 'national' },
          actionable: true,
        },
        {
          id: 'saving',
          zh: '节能',
          en: 'saving',
          condition: { op: 'gte', attr: 'saving', value: 1000 },
          actionable: true,
        },
      ],
      amount: { kind: 'per-unit', attr: 'saving', rate: 0.1, cap: 150 },
    }),
  ]);

  it('qualifies with the amount, nearly with the actionable requirements missing, or not', () => {
    const yes = catalog.match({ provinceCode: '330000', tier: 'national', saving: 1200 }, '2024-06-01')[0];
    expect(yes).toMatchObject({ status: 'qualifies', missing: [], illustrative: true });
    expect(yes?.amount).toBeCloseTo(120, 12);
    const nearly = catalog.match({ provinceCode: '330000', tier: 'provincial', saving: 10 }, '2024-06-01')[0];
    expect(nearly?.status).toBe('nearly');
    expect(nearly?.missing.map((m) => m.id)).toEqual(['listed', 'saving']);
    expect(nearly?.amount).toBeNull();
    const elsewhere = catalog.match(
      { provinceCode: '440000', tier: 'national', saving: 5000 },
      '2024-06-01',
    )[0];
    expect(elsewhere?.status).toBe('not-eligible');
    expect(elsewhere?.missing.map((m) => m.id)).toEqual(['zj']);
    const expired = catalog.match(
      { provinceCode: '330000', tier: 'national', saving: 1200 },
      '2026-01-01',
    )[0];
    expect(expired?.status).toBe('not-in-force');
  });
});

describe('the shipped catalog', () => {
  it('keys are unique, illustrative entries are unverified [U], national entries are real and set no amount', () => {
    expect(new Set(policyCatalog.map(instrumentKey)).size).toBe(policyCatalog.length);
    for (const i of policyCatalog) {
      expect(new Set(i.eligibility.map((r) => r.id)).size).toBe(i.eligibility.length);
      expect(i.verified).toBe(i.tag !== 'U');
      if (i.illustrative) expect([i.tag, i.verified, i.level === 'national']).toEqual(['U', false, false]);
      if (i.level === 'national') expect([i.illustrative, i.amount]).toEqual([false, null]);
    }
    expect(policyCatalog.filter((i) => i.level === 'national').length).toBeGreaterThanOrEqual(5);
    expect(policyCatalog.filter((i) => i.illustrative).length).toBeGreaterThanOrEqual(3);
  });

  it('matches a national green factory in Guangdong to procurement support and the illustrative award', () => {
    const matches = compileCatalog(policyCatalog).match(
      {
        unitKind: 'factory',
        tier: 'national',
        provinceCode: '440000',
        regionCode: '440000',
        industryDivision: '39',
      },
      '2026-11-28',
    );
    const status = Object.fromEntries(matches.map((m) => [m.instrument, m.status]));
    expect(status['cn-gf-government-procurement@2024']).toBe('qualifies');
    expect(status['cn-gf-green-finance@2024']).toBe('qualifies');
    expect(status['cn-zero-carbon-interest-subsidy@2025']).toBe('qualifies');
    expect(status['cn-gf-retrofit-funds@2024']).toBe('nearly');
    expect(status['example-gd-national-green-factory-award@example']).toBe('qualifies');
    expect(
      matches.find((m) => m.instrument === 'example-gd-national-green-factory-award@example')?.amount,
    ).toBe(100);
    expect(status['example-js-retrofit-tax-deduction@example']).toBe('not-eligible');
  });
});

describe('the population path', () => {
  it('gives the same statuses and amounts as the full match, for any facts and date', () => {
    const catalog = compileCatalog(policyCatalog);
    const facts = fc.record({
      unitKind: fc.constantFrom('factory', 'park', 'product'),
      tier: fc.constantFrom('national', 'provincial', 'municipal', 'pool'),
      provinceCode: fc.constantFrom('440000', '320000', '330000', '110000'),
      regionCode: fc.constantFrom('440300', '440000', '320500'),
      industryDivision: fc.constantFrom('36', '39', '26', 'C'),
      retrofitSavingsTce: fc.double({ min: 0, max: 5000, noNaN: true }),
      quotaGrade: fc.integer({ min: 1, max: 4 }),
      greenCode: fc.constantFrom('A+', 'A', 'B'),
    });
    const date = fc.constantFrom('2023-06-01', '2024-01-15', '2025-12-12', '2026-11-28', '2028-01-01');
    fc.assert(
      fc.property(facts, date, (f, d) => {
        const full = catalog.match(f, d).map((m) => ({ status: m.status, amount: m.amount }));
        expect(catalog.statusesOn(d)(f)).toEqual(full);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  enterCultivationPool,
  removalTriggersOf,
  tierStates,
  tierTransitions,
  transitionTier,
  type TierEvent,
  type TierRecord,
} from './tiers.ts';

const pooled = (): TierRecord => {
  const r = enterCultivationPool('fac_1', '2024-03-01', []);
  if (!r.ok) throw new Error('setup');
  return r.record;
};
const promote = (
  to: 'municipal' | 'provincial' | 'national',
  on: string,
  extra: Partial<TierEvent> = {},
): TierEvent =>
  ({ kind: 'promote', to, on, evaluationPassed: true, negativeList: [], ...extra }) as TierEvent;

describe('tiered cultivation', () => {
  it('takes a unit from the pool to the national list and removes it after a major accident (worked example)', () => {
    let r = pooled();
    const steps: TierEvent[] = [
      promote('municipal', '2024-09-01'),
      promote('provincial', '2025-06-01'),
      promote('national', '2025-12-20', { recommendedByProvince: true, publicNoticeDays: 15 }),
      { kind: 'remove', trigger: 'major_accident', on: '2026-05-04' },
    ];
    for (const e of steps) {
      const o = transitionTier(r, e);
      expect(o.ok).toBe(true);
      r = o.record;
    }
    expect(r.state).toBe('removed');
    expect(r.history.map((h) => h.to)).toEqual([
      'cultivation-pool',
      'municipal',
      'provincial',
      'national',
      'removed',
    ]);
    expect(r.removal).toEqual({ trigger: 'major_accident', on: '2026-05-04' });
  });
  it('refuses transitions whose guards do not hold, saying why', () => {
    const r = pooled();
    expect(enterCultivationPool('x', '2024-01-01', ['tax_violation'])).toMatchObject({ ok: false });
    const skip = transitionTier(r, promote('national', '2024-05-01'));
    expect(skip).toMatchObject({ ok: false });
    expect(!skip.ok && skip.refused[0]).toContain('no promote from cultivation-pool to national');
    const failed = transitionTier(r, promote('municipal', '2024-05-01', { evaluationPassed: false }));
    expect(!failed.ok && failed.refused.join()).toContain('did not pass');
    expect(transitionTier(r, promote('provincial', '2024-05-01')).ok).toBe(false);
    expect(
      transitionTier(r, promote('provincial', '2024-05-01', { provinceHasMunicipalTier: false })).ok,
    ).toBe(true);
    const early = transitionTier(r, { kind: 'remove', trigger: 'pool_expired', on: '2026-01-01' });
    expect(!early.ok && early.refused.join()).toContain('has not ended');
    expect(transitionTier(r, { kind: 'remove', trigger: 'pool_expired', on: '2027-03-01' }).ok).toBe(true);
    expect(transitionTier(r, promote('municipal', '2023-01-01')).ok).toBe(false);
    let p = transitionTier(r, promote('municipal', '2024-05-01')).record;
    p = transitionTier(p, promote('provincial', '2024-06-01')).record;
    const notice = transitionTier(
      p,
      promote('national', '2024-12-01', { recommendedByProvince: true, publicNoticeDays: 10 }),
    );
    expect(!notice.ok && notice.refused.join()).toContain('10 of 15 days');
  });
  it('bars a removed unit for 3 years, then readmits it to the pool', () => {
    const removed = transitionTier(pooled(), {
      kind: 'remove',
      trigger: 'falsified_data',
      on: '2024-06-30',
    }).record;
    expect(transitionTier(removed, { kind: 'readmit', on: '2027-06-29', negativeList: [] }).ok).toBe(false);
    const back = transitionTier(removed, { kind: 'readmit', on: '2027-06-30', negativeList: [] });
    expect(back.ok && back.record).toMatchObject({
      state: 'cultivation-pool',
      removal: null,
      pooledOn: '2027-06-30',
    });
  });
  it('raises removal triggers from an annual check', () => {
    expect(
      removalTriggersOf({
        dynamicTableFiled: false,
        falsifiedData: false,
        majorAccident: true,
        recheckPassed: false,
        spotCheckPassed: null,
        negativeList: [],
      }),
    ).toEqual(['major_accident', 'refused_dynamic_table', 'failed_recheck']);
  });
  it('never reaches an invalid state, whatever events arrive', () => {
    const date = fc
      .tuple(
        fc.integer({ min: 2020, max: 2035 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const event: fc.Arbitrary<TierEvent> = fc.oneof(
      fc.record({
        kind: fc.constant('promote' as const),
        to: fc.constantFrom('municipal' as const, 'provincial' as const, 'national' as const),
        on: date,
        evaluationPassed: fc.boolean(),
        negativeList: fc.constantFrom([], ['tax_violation' as const]),
        provinceHasMunicipalTier: fc.boolean(),
        recommendedByProvince: fc.boolean(),
        publicNoticeDays: fc.integer({ min: 0, max: 20 }),
        objectionUpheld: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('remove' as const),
        trigger: fc.constantFrom(
          'negative_list' as const,
          'major_accident' as const,
          'pool_expired' as const,
          'failed_recheck' as const,
        ),
        on: date,
      }),
      fc.record({
        kind: fc.constant('readmit' as const),
        on: date,
        negativeList: fc.constantFrom([], ['safety_accident' as const]),
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let r = pooled();
        for (const e of events) {
          const o = transitionTier(r, e);
          if (!o.ok) {
            expect(o.record).toBe(r);
            continue;
          }
          const prev = r;
          r = o.record;
          expect(tierStates).toContain(r.state);
          expect(tierTransitions.some((t) => t.from === prev.state && t.to === r.state)).toBe(true);
          expect(r.since >= prev.since).toBe(true);
          expect(r.removal !== null).toBe(r.state === 'removed');
          if (r.state === 'national') expect(prev.state).toBe('provincial');
          expect(r.history.length).toBe(prev.history.length + 1);
        }
      }),
    );
  });
});

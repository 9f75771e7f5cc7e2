import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.ts';
import { regionCovers } from '../auth/principal.ts';
import { isGmError } from '../errors.ts';
import type { Declaration, DeclarationState } from './declaration.ts';
import { checkAgencyQuota, checkReportingPeriod, parseReportingPeriod } from './dynamic-management.ts';
import { authorizeAction, canSeeDeclaration } from './permissions.ts';
import { programmeRules, recommendationDeadline } from './programme-rules.ts';
import { actionsFrom, transitions, workflowActions } from './transitions.ts';

const decl = (state: DeclarationState, over: Partial<Declaration> = {}): Declaration => ({
  id: 'dcl_1',
  enterpriseId: 'ent_a',
  parkId: null,
  unitKind: 'factory',
  unitId: null,
  unitName: 'F',
  regionCode: '440305',
  provinceCode: '440000',
  roundYear: 2025,
  state,
  agencyId: 'agy_a',
  selfEvaluation: null,
  agencyEvaluation: null,
  noticeStartsOn: null,
  noticeEndsOn: null,
  recheckRequired: false,
  removalTrigger: null,
  createdAt: '',
  updatedAt: '',
  version: 1,
  ...over,
});

const national: Principal = { kind: 'admin', accountId: 'n', level: 'national', regionCode: null };
const gd: Principal = { kind: 'admin', accountId: 'g', level: 'province', regionCode: '440000' };
const sz: Principal = { kind: 'admin', accountId: 's', level: 'city', regionCode: '440300' };
const gz: Principal = { kind: 'admin', accountId: 'z', level: 'city', regionCode: '440100' };
const entA: Principal = { kind: 'enterprise', accountId: 'a', enterpriseId: 'ent_a' };
const entB: Principal = { kind: 'enterprise', accountId: 'b', enterpriseId: 'ent_b' };
const agency: Principal = { kind: 'agency', accountId: 'y', agencyId: 'agy_a' };

const codeOf = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return isGmError(e) ? e.code : 'other';
  }
};

describe('workflow rules', () => {
  it('covers regions by GB/T 2260 digit pairs', () => {
    expect(regionCovers('province', '440000', '440305')).toBe(true);
    expect(regionCovers('city', '440300', '440305')).toBe(true);
    expect(regionCovers('city', '440100', '440305')).toBe(false);
    expect(regionCovers('province', '330000', '440305')).toBe(false);
    expect(regionCovers('national', null, null)).toBe(true);
  });

  it('lets each role take only its own steps, in its own region, from the right states', () => {
    expect(codeOf(() => authorizeAction(entA, 'self_evaluate', decl('pool')))).toBeNull();
    expect(codeOf(() => authorizeAction(entB, 'self_evaluate', decl('pool')))).toBe('GM_NOT_FOUND');
    expect(codeOf(() => authorizeAction(entA, 'recommend_municipal', decl('self_evaluated')))).toBe(
      'GM_FORBIDDEN',
    );
    expect(codeOf(() => authorizeAction(sz, 'recommend_municipal', decl('self_evaluated')))).toBeNull();
    expect(codeOf(() => authorizeAction(gz, 'recommend_municipal', decl('self_evaluated')))).toBe(
      'GM_NOT_FOUND',
    );
    expect(codeOf(() => authorizeAction(sz, 'recommend_provincial', decl('municipal_recommended')))).toBe(
      'GM_FORBIDDEN',
    );
    expect(codeOf(() => authorizeAction(gd, 'recommend_provincial', decl('pool')))).toBe(
      'GM_INVALID_TRANSITION',
    );
    expect(codeOf(() => authorizeAction(agency, 'agency_evaluate', decl('self_evaluated')))).toBeNull();
    expect(
      codeOf(() => authorizeAction(agency, 'agency_evaluate', decl('self_evaluated', { agencyId: 'agy_b' }))),
    ).toBe('GM_NOT_FOUND');
    // A city may reject only at its own stage; a province above it.
    expect(codeOf(() => authorizeAction(sz, 'reject', decl('provincial_recommended')))).toBe('GM_FORBIDDEN');
    expect(codeOf(() => authorizeAction(gd, 'reject', decl('municipal_recommended')))).toBeNull();
    expect(codeOf(() => authorizeAction(national, 'list', decl('public_notice')))).toBeNull();
  });

  it('shows published declarations to everyone and the rest only within reach', () => {
    expect(canSeeDeclaration({ kind: 'public' }, decl('pool'))).toBe(false);
    expect(canSeeDeclaration({ kind: 'public' }, decl('public_notice'))).toBe(true);
    expect(canSeeDeclaration(entB, decl('listed'))).toBe(true);
    expect(canSeeDeclaration(entB, decl('pool'))).toBe(false);
  });

  it('has a transition for every action, and every non-final state has a way forward or out', () => {
    expect(workflowActions.sort()).toEqual(Object.keys(transitions).sort());
    for (const s of [
      'applied',
      'pool',
      'self_evaluated',
      'agency_evaluated',
      'municipal_recommended',
      'provincial_recommended',
      'public_notice',
      'listed',
    ] as const)
      expect(actionsFrom(s).length, s).toBeGreaterThan(0);
    for (const s of ['rejected', 'withdrawn', 'removed'] as const) expect(actionsFrom(s)).toEqual([]);
  });

  it('applies the dates and the agency cap as sourced data', () => {
    expect(recommendationDeadline(2025)).toBe('2025-07-31');
    expect(programmeRules.agencyNationalEvaluationsPerYear).toMatchObject({ value: 15, tag: 'C' });
    expect(parseReportingPeriod('2024')).toMatchObject({ kind: 'full_year', dueOn: '2025-01-15' });
    expect(parseReportingPeriod('2024-H1')).toMatchObject({ kind: 'half_year', dueOn: '2024-07-15' });
    expect(parseReportingPeriod('2024-dynamic')).toMatchObject({
      kind: 'dynamic_table',
      dueOn: '2025-04-15',
    });
    expect(parseReportingPeriod('2024-H3')).toBeNull();
    expect(checkReportingPeriod('2024', '2025-01-10')).toMatchObject({ ok: true, late: false });
    expect(checkReportingPeriod('2024', '2025-01-16')).toMatchObject({ ok: true, late: true });
    expect(checkReportingPeriod('2025', '2025-06-01')).toMatchObject({ ok: false });
    const q = { agencyId: 'a', legalRepresentative: 'Li', year: 2025 };
    expect(codeOf(() => checkAgencyQuota({ ...q, used: 14 }))).toBeNull();
    expect(codeOf(() => checkAgencyQuota({ ...q, used: 15 }))).toBe('GM_QUOTA_EXCEEDED');
  });
});

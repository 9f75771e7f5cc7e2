import { levelAtLeast, regionCovers, type Principal } from '../../core/auth/principal.ts';
import { canonicalJson } from '../../core/evaluation/facts-hash.ts';
import { GmError, validationError } from '../../core/errors.ts';
import type { NegativeListEntry, Page } from '../../core/ports.ts';
import type { DeclarationEvent } from '../../core/workflow/declaration.ts';
import { isCalendarDate } from '../../core/workflow/civil-date.ts';
import { checkReportingPeriod } from '../../core/workflow/dynamic-management.ts';
import { canSeeDetails, declarationNotFound, isOwner } from '../../core/workflow/permissions.ts';
import {
  negativeListReasons,
  type DeclarableChange,
  type NegativeListReason,
} from '../../core/workflow/programme-rules.ts';
import { sha256Text } from '../../core/workflow/sha256.ts';
import { requireAdmin } from '../auth/accounts.ts';
import { auditedWrite } from './audit.ts';
import { loadVisible, saveChange, todayOf, type WorkflowPorts } from './declaration-context.ts';
import { viewOf, type DeclarationView } from './declarations.ts';

const requireListed = (state: string, what: string): void => {
  if (state !== 'listed')
    throw new GmError('GM_INVALID_TRANSITION', `${what} applies to listed units only`, {
      field: 'id',
      state,
    });
};

async function loadOwned(ports: WorkflowPorts, principal: Principal, id: string) {
  const d = await loadVisible(ports, principal, id);
  if (!isOwner(principal, d)) {
    if (!canSeeDetails(principal, d)) throw declarationNotFound(id);
    throw new GmError('GM_FORBIDDEN', 'Only the listed unit itself files this', {
      field: 'id',
      role: principal.kind,
    });
  }
  return d;
}

/**
 * Files the self-declared data of a listed unit for a period: "2024" (due 15 January 2025),
 * "2024-H1" (due 15 July 2024) or "2024-dynamic" (the dynamic-management table, due 15 April
 * 2025). A late report is accepted and marked late.
 */
export async function submitAnnualReport(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
  input: { readonly period: string; readonly facts: Readonly<Record<string, unknown>> },
): Promise<DeclarationView> {
  const d = await loadOwned(ports, principal, id);
  requireListed(d.state, 'Self-declared data');
  const check = checkReportingPeriod(input.period, todayOf(ports.clock));
  if (!check.ok) throw validationError([check.issue], 'report');
  const after = await saveChange(
    ports,
    principal,
    d,
    {},
    {
      kind: 'annual_report',
      details: {
        period: input.period,
        reportKind: check.period.kind,
        dueOn: check.period.dueOn,
        late: check.late,
        source: check.period.source,
        factsHash: sha256Text(canonicalJson(input.facts)),
        facts: input.facts,
      },
    },
  );
  return viewOf(principal, after);
}

/** A listed unit declares a change of name, scope, address or boundary; it is then re-checked. */
export async function reportChange(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
  input: { readonly change: DeclarableChange; readonly description: string },
): Promise<DeclarationView> {
  const d = await loadOwned(ports, principal, id);
  requireListed(d.state, 'A change report');
  if (!input.description.trim())
    throw validationError([{ field: 'description', message: 'must not be blank' }], 'change');
  const after = await saveChange(
    ports,
    principal,
    d,
    { recheckRequired: true },
    {
      kind: 'change_reported',
      details: { change: input.change, description: input.description.trim() },
    },
  );
  return viewOf(principal, after);
}

/**
 * A province or national administrator records a spot check or a re-check of a listed unit (art.
 * 17). A pass clears a pending re-check; a failure records the removal trigger for the national
 * level to act on.
 */
export async function recordCheck(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
  input: {
    readonly kind: 'spot_check' | 'recheck';
    readonly outcome: 'pass' | 'fail';
    readonly note: string;
  },
): Promise<DeclarationView> {
  const d = await loadVisible(ports, principal, id);
  if (
    principal.kind !== 'admin' ||
    !levelAtLeast(principal.level, 'province') ||
    !regionCovers(principal.level, principal.regionCode, d.regionCode)
  ) {
    if (!canSeeDetails(principal, d)) throw declarationNotFound(id);
    throw new GmError(
      'GM_FORBIDDEN',
      'Spot checks and re-checks are made by province or national administrators',
      {
        field: 'id',
        role: principal.kind,
      },
    );
  }
  requireListed(d.state, 'A check');
  const trigger =
    input.outcome === 'fail' ? (input.kind === 'recheck' ? 'failed_recheck' : 'failed_spot_check') : null;
  const after = await saveChange(
    ports,
    principal,
    d,
    {
      recheckRequired: input.kind === 'recheck' ? false : d.recheckRequired,
      removalTrigger: trigger ?? d.removalTrigger,
    },
    { kind: input.kind, details: { outcome: input.outcome, note: input.note } },
  );
  return viewOf(principal, after);
}

/** A declaration's history, for those who may see its details. */
export async function listEvents(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
  page: number,
  pageSize: number,
): Promise<Page<DeclarationEvent>> {
  const d = await loadVisible(ports, principal, id);
  if (!canSeeDetails(principal, d)) throw declarationNotFound(id);
  return ports.declarations.events(id, page, pageSize);
}

/** A province or national administrator enters an art. 15 situation on the negative list. */
export async function addNegativeListEntry(
  ports: WorkflowPorts,
  principal: Principal,
  input: {
    readonly enterpriseId: string;
    readonly reason: NegativeListReason;
    readonly since: string;
    readonly note?: string;
  },
): Promise<NegativeListEntry> {
  requireAdmin(principal, 'keep the negative list');
  if (!levelAtLeast(principal.level, 'province'))
    throw new GmError('GM_FORBIDDEN', 'Province or national administrators keep the negative list', {
      field: 'enterpriseId',
      role: 'admin',
    });
  const region = await ports.accounts.enterpriseRegion(input.enterpriseId);
  if (!region)
    throw validationError(
      [{ field: 'enterpriseId', message: 'names no registered enterprise', value: input.enterpriseId }],
      'entry',
    );
  if (!regionCovers(principal.level, principal.regionCode, region.regionCode ?? region.provinceCode))
    throw new GmError('GM_FORBIDDEN', 'The enterprise lies outside your region', {
      field: 'enterpriseId',
      role: 'admin',
    });
  if (!(input.reason in negativeListReasons))
    throw validationError([{ field: 'reason', message: 'is not an art. 15 situation' }], 'entry');
  if (!isCalendarDate(input.since) || input.since > todayOf(ports.clock))
    throw validationError(
      [{ field: 'since', message: 'must be a past calendar date (YYYY-MM-DD)' }],
      'entry',
    );
  const entry: NegativeListEntry = {
    id: ports.random.id('neg'),
    enterpriseId: input.enterpriseId,
    reason: input.reason,
    note: input.note?.trim() || null,
    since: input.since,
    addedBy: principal.accountId,
    addedAt: ports.clock.now().toISOString(),
  };
  await auditedWrite(ports, principal, (tx) => tx.negativeList.add(entry), {
    action: 'negative_list.add',
    targetKind: 'enterprise',
    targetId: input.enterpriseId,
    enterpriseId: input.enterpriseId,
    before: null,
    after: entry,
  });
  return entry;
}

/** Lists negative-list entries: the nation's for national administrators, one enterprise of their region for others, their own for enterprise users. */
export async function listNegativeList(
  ports: WorkflowPorts,
  principal: Principal,
  query: {
    readonly enterpriseId?: string;
    readonly order?: 'asc' | 'desc';
    readonly page: number;
    readonly pageSize: number;
  },
): Promise<Page<NegativeListEntry>> {
  if (principal.kind === 'enterprise') {
    if (query.enterpriseId !== undefined && query.enterpriseId !== principal.enterpriseId)
      throw new GmError('GM_FORBIDDEN', 'An enterprise user reads only its own entries', {
        field: 'enterpriseId',
        role: principal.kind,
      });
    return ports.negativeList.list({ ...query, enterpriseId: principal.enterpriseId });
  }
  requireAdmin(principal, 'read the negative list');
  if (principal.level !== 'national') {
    // Below the national level the list is read one enterprise of one's own region at a time.
    const region = query.enterpriseId ? await ports.accounts.enterpriseRegion(query.enterpriseId) : undefined;
    if (
      !region ||
      !regionCovers(principal.level, principal.regionCode, region.regionCode ?? region.provinceCode)
    )
      throw new GmError('GM_FORBIDDEN', 'Give the id of an enterprise in your region', {
        field: 'enterpriseId',
        role: 'admin',
      });
  }
  return ports.negativeList.list(query);
}

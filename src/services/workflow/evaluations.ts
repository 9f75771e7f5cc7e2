import type { Principal } from '../../core/auth/principal.ts';
import { canonicalJson } from '../../core/evaluation/facts-hash.ts';
import { GmError, validationError } from '../../core/errors.ts';
import type { EvidenceFile, Page } from '../../core/ports.ts';
import type { EvaluationRecord } from '../../core/workflow/declaration.ts';
import { checkAgencyQuota, decodeBase64 } from '../../core/workflow/dynamic-management.ts';
import {
  authorizeAction,
  canSeeDetails,
  declarationNotFound,
  isOwner,
} from '../../core/workflow/permissions.ts';
import { sha256Hex, sha256Text } from '../../core/workflow/sha256.ts';
import { requireAccount } from '../auth/accounts.ts';
import { recordAudit } from './audit.ts';
import { loadVisible, saveChange, todayOf, writeChange, type WorkflowPorts } from './declaration-context.ts';
import { viewOf, type DeclarationView } from './declarations.ts';

/** Facts submitted for an evaluation, optionally run through the engine under a named standard version. */
export interface EvaluationInput {
  readonly standard?: string;
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly conclusion?: 'pass' | 'fail';
  readonly note?: string;
}

function evaluationRecord(
  ports: Pick<WorkflowPorts, 'evaluator' | 'clock'>,
  principal: Principal & { accountId: string },
  unitKind: 'factory' | 'park' | 'supply_chain',
  input: EvaluationInput,
): EvaluationRecord {
  const at = ports.clock.now().toISOString();
  const base = {
    facts: input.facts,
    conclusion: input.conclusion ?? null,
    note: input.note ?? null,
    by: principal.accountId,
    at,
  };
  if (!input.standard)
    return {
      ...base,
      standard: null,
      factsHash: sha256Text(canonicalJson(input.facts)),
      total: null,
      pass: null,
      rating: null,
    };
  const summary = ports.evaluator.evaluate({
    standard: input.standard,
    unitKind,
    attributes: input.attributes ?? {},
    facts: input.facts,
  });
  return { ...base, ...summary };
}

/** Records the unit's self-evaluation (art. 10): its facts and, with a standard named, the engine's result. */
export async function selfEvaluate(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
  input: EvaluationInput,
): Promise<DeclarationView> {
  const d = await loadVisible(ports, principal, id);
  authorizeAction(principal, 'self_evaluate', d);
  requireAccount(principal, 'self-evaluate');
  const record = evaluationRecord(ports, principal, d.unitKind, input);
  const after = await saveChange(
    ports,
    principal,
    d,
    { state: 'self_evaluated', selfEvaluation: record },
    {
      kind: 'self_evaluate',
      details: {
        standard: record.standard,
        factsHash: record.factsHash,
        total: record.total,
        pass: record.pass,
      },
    },
  );
  return viewOf(principal, after);
}

/** The unit engages a registered third-party agency for its declaration. */
export async function assignAgency(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
  agencyId: string,
): Promise<DeclarationView> {
  const d = await loadVisible(ports, principal, id);
  authorizeAction(principal, 'assign_agency', d);
  if (!(await ports.accounts.getAgency(agencyId)))
    throw validationError(
      [{ field: 'agencyId', message: 'names no registered agency', value: agencyId }],
      'assignment',
    );
  const after = await saveChange(
    ports,
    principal,
    d,
    { agencyId },
    { kind: 'assign_agency', details: { agencyId } },
  );
  return viewOf(principal, after);
}

/**
 * The assigned agency signs its evaluation. Agencies under one legal representative take at most
 * 15 national evaluations a calendar year (art. 20): the count and the write share one transaction
 * that holds the representative's agencies, so two signing at the same instant at the cap boundary
 * cannot both pass.
 */
export async function agencyEvaluate(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
  input: EvaluationInput,
): Promise<DeclarationView> {
  const d = await loadVisible(ports, principal, id);
  authorizeAction(principal, 'agency_evaluate', d);
  if (principal.kind !== 'agency') throw declarationNotFound(id);
  if (!input.conclusion)
    throw validationError(
      [{ field: 'conclusion', message: 'is required: pass or fail' }],
      'agency evaluation',
    );
  const agency = await ports.accounts.getAgency(principal.agencyId);
  if (!agency)
    throw new GmError('GM_FORBIDDEN', 'Your agency is not registered', { field: 'agencyId', role: 'agency' });
  const year = Number(todayOf(ports.clock).slice(0, 4));
  const record: EvaluationRecord = {
    ...evaluationRecord(ports, principal, d.unitKind, input),
    agencyId: agency.id,
  };
  const rep = agency.legalRepresentative;
  const after = await ports.transaction(async (tx) => {
    await tx.declarations.lockAgencyCap(rep);
    const used = await tx.declarations.countAgencyEvaluations(rep, year);
    checkAgencyQuota({ agencyId: agency.id, legalRepresentative: rep, year, used });
    return writeChange(
      tx,
      ports,
      principal,
      d,
      { state: 'agency_evaluated', agencyEvaluation: record },
      {
        kind: 'agency_evaluate',
        details: {
          agencyId: agency.id,
          conclusion: record.conclusion,
          factsHash: record.factsHash,
          quotaUsed: used + 1,
        },
      },
    );
  });
  return viewOf(principal, after);
}

/** Largest evidence file accepted through the JSON API (decoded bytes). */
export const maxEvidenceBytes = 4 * 1024 * 1024;

/** Attaches an evidence file to a declaration; its SHA-256 is computed and stored with it. */
export async function addEvidence(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
  input: { readonly name: string; readonly mediaType: string; readonly contentBase64: string },
): Promise<EvidenceFile> {
  const d = await loadVisible(ports, principal, id);
  const mayAttach =
    isOwner(principal, d) || (principal.kind === 'agency' && d.agencyId === principal.agencyId);
  if (!mayAttach) {
    if (!canSeeDetails(principal, d)) throw declarationNotFound(id);
    throw new GmError('GM_FORBIDDEN', 'Only the unit or its agency attaches evidence', {
      field: 'id',
      role: principal.kind,
    });
  }
  requireAccount(principal, 'attach evidence');
  if (
    d.state === 'listed' ||
    d.state === 'rejected' ||
    d.state === 'withdrawn' ||
    d.state === 'removed' ||
    d.state === 'public_notice'
  )
    throw new GmError('GM_INVALID_TRANSITION', `Evidence cannot be attached in state "${d.state}"`, {
      field: 'id',
      state: d.state,
    });
  const bytes = decodeBase64(input.contentBase64);
  if (!bytes) throw validationError([{ field: 'contentBase64', message: 'is not base64' }], 'evidence');
  if (bytes.length > maxEvidenceBytes)
    throw validationError(
      [{ field: 'contentBase64', message: `exceeds ${maxEvidenceBytes} bytes` }],
      'evidence',
    );
  if (!input.name.trim())
    throw validationError([{ field: 'name', message: 'must not be blank' }], 'evidence');
  const file: EvidenceFile = {
    id: ports.random.id('evd'),
    declarationId: d.id,
    enterpriseId: d.enterpriseId,
    name: input.name.trim(),
    mediaType: input.mediaType,
    size: bytes.length,
    sha256: sha256Hex(bytes),
    uploadedBy: principal.accountId,
    uploadedAt: ports.clock.now().toISOString(),
  };
  // The file, its history event and its audit entry: one transaction.
  await ports.transaction(async (tx) => {
    await tx.declarations.addEvidence({ ...file, contentBase64: input.contentBase64.replace(/\s+/g, '') });
    await tx.declarations.addEvent({
      id: ports.random.id('dev'),
      declarationId: d.id,
      enterpriseId: d.enterpriseId,
      kind: 'evidence',
      actorId: principal.accountId,
      at: file.uploadedAt,
      details: { evidenceId: file.id, name: file.name, sha256: file.sha256, size: file.size },
    });
    await recordAudit({ auditLog: tx.auditLog, clock: ports.clock }, principal, {
      action: 'declaration.evidence',
      targetKind: 'declaration',
      targetId: d.id,
      enterpriseId: d.enterpriseId,
      before: null,
      after: file,
    });
  });
  return file;
}

/** Lists a declaration's evidence files (metadata and hashes) for those who may see its details. */
export async function listEvidence(
  ports: WorkflowPorts,
  principal: Principal,
  id: string,
  page: number,
  pageSize: number,
): Promise<Page<EvidenceFile>> {
  const d = await loadVisible(ports, principal, id);
  if (!canSeeDetails(principal, d)) throw declarationNotFound(id);
  return ports.declarations.listEvidence(id, page, pageSize);
}

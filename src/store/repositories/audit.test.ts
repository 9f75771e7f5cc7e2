import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealAuditEntry, verifyAuditChain } from '../../core/workflow/audit-chain.ts';
import { testBackends } from '../contract/test-backends.ts';
import type { Store } from '../open-store.ts';

describe.each(testBackends)('audit log repository on $name', (backend) => {
  let store: Store;
  beforeEach(async () => {
    store = await backend.open();
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps one unbroken chain under concurrent appends, and its head', async () => {
    const log = store.workflow.auditLog;
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        log.append((head) =>
          sealAuditEntry(head, {
            at: '2025-01-01T00:00:00.000Z',
            actorId: `acc_${i}`,
            actorRole: 'enterprise',
            action: 'test',
            targetKind: null,
            targetId: null,
            enterpriseId: null,
            beforeHash: null,
            afterHash: null,
            details: { i },
          }),
        ),
      ),
    );
    const entries = await log.after(0, 100);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(verifyAuditChain(entries, await log.head())).toMatchObject({ ok: true, checked: 25 });
    expect((await log.list({ page: 1, pageSize: 10, actorId: 'acc_3' })).total).toBe(1);
  });
});

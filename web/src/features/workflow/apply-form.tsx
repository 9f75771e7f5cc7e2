import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { DeclarableKind, DeclarationView, Park, Principal } from '../../api/contract.ts';
import { send } from '../../api/session.ts';
import { useApi } from '../../api/use-api.ts';
import { ErrorState, Loading } from '../../components/state-views.tsx';
import { enterpriseUrl, type EnterpriseUnitsResponse } from './enterprise-contract.ts';
import { writeErrorText } from './write-error-text.ts';

interface Candidate {
  readonly key: string;
  readonly kind: DeclarableKind;
  readonly id: string;
  readonly name: string;
}

/**
 * Applies for the province's cultivation pool (docs/workflow.md): an enterprise user for one of its
 * listed factories or supply chain listings, a park operator for its park; the round is this year
 * or next (the server holds the same rule).
 */
export function ApplyForm(props: {
  readonly principal: Extract<Principal, { kind: 'enterprise' | 'park_operator' }>;
  readonly onApplied: (d: DeclarationView) => void;
}) {
  const p = props.principal;
  const units = useApi<EnterpriseUnitsResponse>(
    p.kind === 'enterprise' ? enterpriseUrl(p.enterpriseId) : null,
  );
  const park = useApi<Park>(
    p.kind === 'park_operator' ? `/api/v1/parks/${encodeURIComponent(p.parkId)}` : null,
  );
  const state = p.kind === 'enterprise' ? units : park;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  const candidates: Candidate[] =
    units.status === 'ok'
      ? [
          ...units.data.factories.map((f) => ({
            key: `f:${f.id}`,
            kind: 'factory' as const,
            id: f.id,
            name: f.name,
          })),
          ...units.data.supplyChainEnterprises.map((s) => ({
            key: `s:${s.id}`,
            kind: 'supply_chain' as const,
            id: s.id,
            name: s.name,
          })),
        ]
      : park.status === 'ok'
        ? [{ key: `p:${park.data.id}`, kind: 'park', id: park.data.id, name: park.data.name }]
        : [];
  return <ApplyFields candidates={candidates} onApplied={props.onApplied} />;
}

function ApplyFields(props: {
  readonly candidates: readonly Candidate[];
  readonly onApplied: (d: DeclarationView) => void;
}) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const [key, setKey] = useState(props.candidates[0]?.key ?? '');
  const [roundYear, setRoundYear] = useState(year + 1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<DeclarationView | null>(null);
  if (props.candidates.length === 0) return <p className="muted">{t('apply.noUnits')}</p>;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const unit = props.candidates.find((c) => c.key === key);
    if (!unit) return;
    setBusy(true);
    setError(null);
    send<DeclarationView>('/api/v1/declarations', {
      unitKind: unit.kind,
      unitName: unit.name,
      unitId: unit.id,
      roundYear,
    }).then(
      (d) => {
        setBusy(false);
        setDone(d);
        props.onApplied(d);
      },
      (err: unknown) => {
        setBusy(false);
        setError(writeErrorText(t, err));
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} data-testid="apply-form">
      <p className="muted small">{t('apply.hint')}</p>
      <label>
        {t('apply.unit')}
        <select value={key} onChange={(e) => setKey(e.target.value)} data-testid="apply-unit">
          {props.candidates.map((c) => (
            <option key={c.key} value={c.key}>
              {c.name} ({t(`declaration.kinds.${c.kind}`)})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('apply.round')}
        <select
          value={roundYear}
          onChange={(e) => setRoundYear(Number(e.target.value))}
          data-testid="apply-round"
        >
          {[year, year + 1].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="form-ok" role="status" data-testid="apply-done">
          {t('apply.done')} <Link href={`/declarations/${done.id}`}>{t('apply.open')}</Link>
        </p>
      ) : null}
      <button type="submit" disabled={busy} data-testid="apply-submit">
        {t('apply.submit')}
      </button>
    </form>
  );
}

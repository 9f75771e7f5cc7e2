import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field.tsx';
import { useWrite, WriteError } from './use-write.tsx';

/** Reads the facts box: a JSON object, or the reason it is not one, in plain words. */
function parseFacts(
  text: string,
): { facts: Record<string, unknown> } | { problem: 'empty' | 'json' | 'object' } {
  if (!text.trim()) return { problem: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'object' };
  return { facts: value as Record<string, unknown> };
}

/**
 * The unit's self-evaluation (art. 10) or the assigned agency's signed evaluation: the facts, an
 * optional standard version to run them through the evaluation engine, the agency's conclusion,
 * and a note.
 */
export function EvaluationForm(props: {
  readonly declarationId: string;
  readonly mode: 'self' | 'agency';
  readonly initialFacts: Readonly<Record<string, unknown>> | null;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  const [facts, setFacts] = useState(JSON.stringify(props.initialFacts ?? {}, null, 2));
  const [standard, setStandard] = useState('');
  const [conclusion, setConclusion] = useState<'pass' | 'fail'>('pass');
  const [note, setNote] = useState('');
  const write = useWrite(props.onDone);
  const agency = props.mode === 'agency';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseFacts(facts);
    if ('problem' in parsed) {
      write.setError(t(`evaluationForm.problem.${parsed.problem}`));
      return;
    }
    write.run(
      `/api/v1/declarations/${props.declarationId}/${agency ? 'agency-evaluation' : 'self-evaluation'}`,
      {
        facts: parsed.facts,
        ...(standard.trim() ? { standard: standard.trim() } : {}),
        ...(agency ? { conclusion } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    );
  };

  return (
    <form
      className="form"
      onSubmit={submit}
      data-testid={agency ? 'agency-evaluation-form' : 'self-evaluation-form'}
    >
      <h3>{agency ? t('evaluationForm.agencyTitle') : t('evaluationForm.selfTitle')}</h3>
      <p className="muted small">{agency ? t('evaluationForm.agencyHint') : t('evaluationForm.selfHint')}</p>
      <Field
        label={t('evaluationForm.facts')}
        rows={6}
        value={facts}
        spellCheck={false}
        testId="evaluation-facts"
        onChange={setFacts}
      />
      <p className="muted small">{t('evaluationForm.factsHint')}</p>
      <Field
        label={t('evaluationForm.standard')}
        value={standard}
        placeholder="GB/T 36132@2025"
        onChange={setStandard}
      />
      {agency ? (
        <fieldset className="inline-choices">
          <legend>{t('evaluationForm.conclusion')}</legend>
          {(['pass', 'fail'] as const).map((c) => (
            <label key={c}>
              <input
                type="radio"
                name="conclusion"
                value={c}
                checked={conclusion === c}
                data-testid={`conclusion-${c}`}
                onChange={() => setConclusion(c)}
              />
              {t(`evaluationForm.${c}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <Field
        label={t('evaluationForm.note')}
        rows={2}
        value={note}
        testId="evaluation-note"
        onChange={setNote}
      />
      <WriteError error={write.error} />
      <button
        type="submit"
        disabled={write.busy}
        data-testid={agency ? 'agency-evaluation-submit' : 'self-evaluation-submit'}
      >
        {agency ? t('evaluationForm.sign') : t('evaluationForm.submit')}
      </button>
    </form>
  );
}

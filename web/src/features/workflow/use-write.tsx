import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { send } from '../../api/session.ts';
import { forgetAnswers } from '../../api/use-api.ts';
import { writeErrorText } from './write-error-text.ts';

/**
 * One write of the workflow from a form: busy while it runs, the refusal in plain words when the
 * server says no, and on success the declarations read so far are forgotten (their state changed)
 * and `onDone` runs.
 */
export function useWrite(onDone: () => void): {
  readonly busy: boolean;
  readonly error: string | null;
  readonly setError: (message: string | null) => void;
  readonly run: (url: string, body: unknown, method?: 'POST' | 'PATCH') => void;
} {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (url: string, body: unknown, method: 'POST' | 'PATCH' = 'POST') => {
    setBusy(true);
    setError(null);
    send(url, body, method).then(
      () => {
        setBusy(false);
        forgetAnswers('/api/v1/declarations');
        onDone();
      },
      (e: unknown) => {
        setBusy(false);
        setError(writeErrorText(t, e));
      },
    );
  };
  return { busy, error, setError, run };
}

/** The refusal of a write, when there is one. */
export function WriteError(props: { readonly error: string | null }) {
  return props.error ? (
    <p className="form-error" role="alert">
      {props.error}
    </p>
  ) : null;
}

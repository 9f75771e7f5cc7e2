import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading, NotYetAvailable } from '../../components/state-views.tsx';
import { isMissingRoute } from './contract.ts';
import { useFactoryEvaluation } from './evaluation-panel.tsx';
import { parseValue, rescore, type ValueProblem, type WhatIfResult } from './what-if.ts';

/**
 * Self-evaluation (what-if): the factory's indicator values, prefilled from its stored evaluation,
 * can be edited and evaluated again in the browser; nothing is posted. See what-if.ts for how the
 * scores are computed (core scoring functions over the API's lead and baseline values).
 */
export function SelfEvaluationPanel(props: { readonly factoryId: string }) {
  const { t, i18n } = useTranslation();
  const state = useFactoryEvaluation(props.factoryId);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, ValueProblem>>({});
  const [outcome, setOutcome] = useState<WhatIfResult | null>(null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    if (isMissingRoute(state.error)) return <NotYetAvailable what={t('selfEval.what')} />;
    return <ErrorState error={state.error} />;
  }
  const r = state.data.result;
  const editable = r.indicators.filter((ind) => ind.status === 'scored');
  const n = (x: number | null, d = 2) =>
    x === null ? '—' : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: d }).format(x);
  const signed = (x: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(x);
  const textOf = (code: string, value: number) => texts[code] ?? String(value);

  const onEvaluate = () => {
    const found: Record<string, ValueProblem> = {};
    const values: Record<string, number> = {};
    for (const ind of editable) {
      const v = parseValue(textOf(ind.code, ind.value));
      if (typeof v === 'number') values[ind.code] = v;
      else found[ind.code] = v;
    }
    setProblems(found);
    setOutcome(Object.keys(found).length > 0 ? null : rescore(r, values));
  };
  const onReset = () => {
    setTexts({});
    setProblems({});
    setOutcome(null);
  };
  const byCode = new Map((outcome?.indicators ?? []).map((x) => [x.code, x]));
  const problemCount = Object.keys(problems).length;

  return (
    <div data-testid="self-evaluation">
      <p className="muted small">{t('selfEval.intro', { standard: r.standard })}</p>
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          onEvaluate();
        }}
        noValidate
      >
        <div className="table-scroll">
          <table className="units figures-table" data-testid="self-eval-table">
            <thead>
              <tr>
                <th scope="col">{t('evaluation.indicator')}</th>
                <th scope="col">{t('selfEval.value')}</th>
                <th scope="col" className="num">
                  {t('evaluation.lead')}
                </th>
                <th scope="col" className="num">
                  {t('selfEval.storedPoints')}
                </th>
                <th scope="col" className="num">
                  {t('selfEval.newPoints')}
                </th>
              </tr>
            </thead>
            <tbody>
              {editable.map((ind) => {
                const id = `self-eval-${ind.code}`;
                const problem = problems[ind.code];
                const w = byCode.get(ind.code);
                return (
                  <tr
                    key={ind.code}
                    data-code={ind.code}
                    data-lead={ind.lead ?? ''}
                    data-full={String(ind.points !== null && ind.points === ind.weight)}
                  >
                    <th scope="row" className="wrap">
                      <label htmlFor={id}>
                        <code>{ind.code}</code> {ind.nameEn}
                      </label>
                    </th>
                    <td>
                      <input
                        id={id}
                        type="text"
                        inputMode="decimal"
                        size={10}
                        value={textOf(ind.code, ind.value)}
                        aria-invalid={problem !== undefined}
                        aria-describedby={problem ? `${id}-error` : undefined}
                        onChange={(ev) => setTexts({ ...texts, [ind.code]: ev.target.value })}
                      />{' '}
                      <span className="muted small">{ind.unit}</span>
                      {problem ? (
                        <div id={`${id}-error`} className="error small" role="alert">
                          {t(`selfEval.problem.${problem}`)}
                        </div>
                      ) : null}
                    </td>
                    <td className="num">{n(ind.lead)}</td>
                    <td className="num">{`${n(ind.points)} / ${n(ind.weight, 0)}`}</td>
                    <td className="num">
                      {w && w.points !== null
                        ? `${n(w.points)} (${signed(w.points - (ind.points ?? 0))})`
                        : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p>
          <button type="submit" data-testid="self-eval-submit">
            {t('selfEval.evaluate')}
          </button>{' '}
          <button type="button" onClick={onReset}>
            {t('selfEval.reset')}
          </button>
        </p>
      </form>
      {problemCount > 0 ? (
        <p className="error" role="alert" data-testid="self-eval-errors">
          {t('selfEval.fix', { count: problemCount })}
        </p>
      ) : null}
      {outcome ? (
        <ul className="facts" data-testid="self-eval-result">
          <li>
            {r.total === null ? t('selfEval.storedScored') : t('selfEval.storedTotal')}:{' '}
            <strong data-testid="self-eval-stored-total" data-value={r.total ?? r.scoredPoints}>
              {n(r.total ?? r.scoredPoints)}
            </strong>
          </li>
          <li>
            {outcome.total === null ? t('selfEval.newScored') : t('selfEval.newTotal')}:{' '}
            <strong data-testid="self-eval-total" data-value={outcome.total ?? outcome.scoredPoints}>
              {n(outcome.total ?? outcome.scoredPoints)} / {n(r.totalWeight, 0)}
            </strong>{' '}
            (
            <span data-testid="self-eval-change">
              {signed((outcome.total ?? outcome.scoredPoints) - (r.total ?? r.scoredPoints))}
            </span>
            )
          </li>
          {outcome.pass ? (
            <li>
              {t('evaluation.outcome')}: <strong>{t(`evaluation.pass.${outcome.pass}`)}</strong> (
              {t('evaluation.passMark', { mark: n(r.pass.passMark, 0) })})
            </li>
          ) : null}
        </ul>
      ) : null}
      <p className="muted small">{t('selfEval.note')}</p>
    </div>
  );
}

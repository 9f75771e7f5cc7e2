/**
 * A labelled text box: one line (`type` text, email, password) or, with `rows`, a text area. The
 * workflow's forms are made of these.
 */
export function Field(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly testId?: string;
  readonly rows?: number;
  readonly type?: 'text' | 'email' | 'password';
  readonly autoComplete?: string;
  readonly placeholder?: string;
  readonly spellCheck?: boolean;
}) {
  const common = {
    value: props.value,
    'data-testid': props.testId,
    placeholder: props.placeholder,
    spellCheck: props.spellCheck,
  };
  return (
    <label>
      {props.label}
      {props.rows ? (
        <textarea rows={props.rows} {...common} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          {...common}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </label>
  );
}

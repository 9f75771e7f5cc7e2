import type { ReactNode } from 'react';

/** A definition list of a unit's recorded facts; rows without a value are left out. */
export function ProfileList(props: {
  readonly rows: readonly (readonly [string, ReactNode | null | undefined])[];
}) {
  return (
    <dl className="profile">
      {props.rows
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => (
          <div key={k} className="profile-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

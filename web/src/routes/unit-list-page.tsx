import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../src/core/registry/types.ts';
import { UnitList } from '../features/registry/unit-list.tsx';
import { kindRoutes } from '../features/registry/unit-kinds.ts';

/** The national list of one kind of listed unit. */
export function UnitListPage(props: { readonly kind: UnitKind }) {
  const { t } = useTranslation();
  return (
    <div data-testid="list-page">
      <h1>{t(kindRoutes[props.kind].titleKey)}</h1>
      <p className="muted">{t(`listIntro.${props.kind}`)}</p>
      <UnitList key={props.kind} kind={props.kind} />
    </div>
  );
}

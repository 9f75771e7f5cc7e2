import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { UnitKind } from '../../../../src/core/registry/types.ts';
import { kindRoutes } from './unit-kinds.ts';

/** The head of a unit's page: breadcrumbs to its list, its name and its kind. */
export function UnitPageFrame(props: {
  readonly kind: UnitKind;
  readonly name: string;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  const route = kindRoutes[props.kind];
  return (
    <article className="unit-page" data-testid={`unit-page-${props.kind}`}>
      <p className="crumbs">
        <Link href="/">{t('nav.overview')}</Link> / <Link href={route.path}>{t(route.titleKey)}</Link>
      </p>
      <h1>{props.name}</h1>
      {props.children}
    </article>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { UnitsByKey } from '../../api/contract.ts';
import { kindRoutes } from '../registry/unit-kinds.ts';

const figures = [
  { key: 'factories', kind: 'factory' },
  { key: 'supplyChainEnterprises', kind: 'supply_chain' },
  { key: 'parks', kind: 'park' },
  { key: 'products', kind: 'product' },
] as const;

/** The four headline figures of the programme, each a link to its list (filtered by province if given). */
export function HeadlineFigures(props: { readonly counts: UnitsByKey; readonly province?: string }) {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.NumberFormat(i18n.language);
  return (
    <ul className="figures" data-testid="headline-figures">
      {figures.map((f) => (
        <li key={f.key}>
          <Link
            href={
              props.province
                ? `${kindRoutes[f.kind].path}?province=${props.province}`
                : kindRoutes[f.kind].path
            }
            className="figure"
            data-testid={`figure-${f.key}`}
          >
            <span className="figure-value">{fmt.format(props.counts[f.key])}</span>
            <span className="figure-label">{t(kindRoutes[f.kind].titleKey)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

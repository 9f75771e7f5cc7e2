import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { EmptyState, ErrorState, Loading, SimulatedBanner } from '../../components/state-views.tsx';
import { percent, type ParkOperatingYearsResponse } from './contract.ts';

/** A park's operating years: members, output, energy, water reuse and solid-waste utilisation. */
export function ParkOperatingPanel(props: { readonly parkId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const state = useApi<ParkOperatingYearsResponse>(
    `/api/v1/parks/${encodeURIComponent(props.parkId)}/operating-years`,
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  const years = [...state.data.years].sort((a, b) => a.year - b.year);
  if (years.length === 0) return <EmptyState>{t('accounts.none')}</EmptyState>;
  const n = (x: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(x);
  type Y = (typeof years)[number];
  const rows: readonly (readonly [string, (y: Y) => string])[] = [
    [t('park.solidWasteUse'), (y) => percent(y.data.solidWasteUsedT, y.data.solidWasteT, lang)],
    [t('park.solidWasteT'), (y) => n(y.data.solidWasteT)],
    [t('park.solidWasteUsedT'), (y) => n(y.data.solidWasteUsedT)],
    [t('park.memberEnterprises'), (y) => n(y.data.memberEnterprises)],
    [t('park.outputValue'), (y) => n(y.data.outputValue10kYuan)],
    [t('park.energyTce'), (y) => n(y.data.energyTce)],
    [
      t('accounts.waterReuse'),
      (y) => percent(y.data.reusedWaterM3, y.data.reusedWaterM3 + y.data.freshWaterM3, lang),
    ],
  ];
  return (
    <div data-testid="park-operating">
      {years.some((y) => y.simulated) ? <SimulatedBanner /> : null}
      <div className="table-scroll">
        <table className="units figures-table">
          <thead>
            <tr>
              <th scope="col">{t('accounts.year')}</th>
              {years.map((y) => (
                <th key={y.year} scope="col" className="num">
                  {y.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, cell]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {years.map((y) => (
                  <td key={y.year} className="num">
                    {cell(y)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

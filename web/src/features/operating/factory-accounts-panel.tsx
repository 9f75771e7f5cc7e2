import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { EChart } from '../../components/echart.tsx';
import { EmptyState, ErrorState, Loading, SimulatedBanner } from '../../components/state-views.tsx';
import { percent, type FactoryAccountsResponse } from './contract.ts';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** "10^4 yuan" as it is printed: 10⁴ yuan. */
const prettyUnit = (u: string): string => u.replace(/10\^4/g, '10⁴');

/**
 * A factory's operating years with their energy and carbon accounts (GB/T 2589-2020 tce, scope 1
 * and 2 CO2): a table of the yearly figures and the energy by medium as stacked bars.
 */
export function FactoryAccountsPanel(props: { readonly factoryId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const state = useApi<FactoryAccountsResponse>(
    `/api/v1/factories/${encodeURIComponent(props.factoryId)}/accounts`,
  );
  const years = state.status === 'ok' ? [...state.data.years].sort((a, b) => a.year - b.year) : [];
  const option = useMemo<EChartsCoreOption>(() => {
    const media = [...new Set(years.flatMap((y) => y.accounts.byMedium.map((m) => m.medium)))];
    return {
      color: ['#1565c0', '#ef6c00', '#6a1b9a', '#2e7d32', '#c62828', '#00838f'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
      yAxis: { type: 'value', name: 'tce' },
      series: media.map((m) => ({
        name: t(`media.${m}`, { defaultValue: m }),
        type: 'bar',
        stack: 'tce',
        barMaxWidth: 48,
        data: years.map((y) => Math.round(y.accounts.byMedium.find((b) => b.medium === m)?.tce ?? 0)),
      })),
    };
  }, [years, t]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  if (years.length === 0) return <EmptyState>{t('accounts.none')}</EmptyState>;
  const n = (x: number, digits = 0) =>
    new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(x);
  const unitName = (y: (typeof years)[number]) => (lang === 'en' ? y.data.product.en : y.data.product.zh);
  const rows: readonly (readonly [string, (y: (typeof years)[number]) => string])[] = [
    [
      t('accounts.production'),
      (y) => `${n(y.data.production)} ${prettyUnit(y.data.product.unit)} (${unitName(y)})`,
    ],
    [t('accounts.energy'), (y) => n(y.accounts.energyTce, 1)],
    [
      t('accounts.unitProductEnergy'),
      (y) => `${n(y.accounts.unitProductEnergy, 2)} ${prettyUnit(y.accounts.unitProductEnergyUnit)}`,
    ],
    [t('accounts.scope1'), (y) => n(y.accounts.scope1TCo2, 1)],
    [t('accounts.scope2'), (y) => n(y.accounts.scope2TCo2, 1)],
    [
      t('accounts.carbonIntensity'),
      (y) => `${n(y.accounts.carbonIntensity, 4)} tCO₂/${prettyUnit(y.data.product.unit)}`,
    ],
    [
      t('accounts.waterReuse'),
      (y) => percent(y.data.reusedWaterM3, y.data.reusedWaterM3 + y.data.freshWaterM3, lang),
    ],
    [t('accounts.solidWasteUse'), (y) => percent(y.data.solidWasteUsedT, y.data.solidWasteT, lang)],
  ];
  return (
    <div data-testid="factory-accounts">
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
      <h3>{t('accounts.byMedium')}</h3>
      <EChart option={option} height={260} label={t('accounts.byMedium')} testId="accounts-chart" />
      <ul className="notes muted small">
        {years.map((y) => (
          <li key={y.year}>
            {y.year}: {t('accounts.gridFactor', { value: y.accounts.gridFactor.value })}
            {y.accounts.usesUnverified ? ` ${t('accounts.unverified')}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

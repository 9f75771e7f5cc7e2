import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchShared, useApi } from '../../api/use-api.ts';
import { EChart } from '../../components/echart.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/state-views.tsx';
import { metersUrl, type MetersResponse } from './meters-contract.ts';
import { isRefusal, MeteringRefusal } from './metering-refusal.tsx';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** GET /api/v1/meters/{id}/rollups?grain=month */
interface RollupsResponse {
  readonly items: readonly { readonly bucket: string; readonly sum: number; readonly readings: number }[];
}
/** GET /api/v1/metering/factories/{factory}/months/{month} */
interface FactoryMonth {
  readonly month: string;
  readonly tce: number;
  readonly tco2: number | null;
  readonly notes: readonly string[];
}

type MonthsState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: Error }
  | { readonly status: 'ok'; readonly months: readonly FactoryMonth[] };

/**
 * A factory's monthly energy (tce) and CO2 from its meters: the months the meters have readings
 * for (the last twelve), each accounted by the server (GB/T 2589-2020, grid factors by year).
 */
export function MonthlyEnergyPanel(props: { readonly factoryId: string }) {
  const { t, i18n } = useTranslation();
  const meters = useApi<MetersResponse>(metersUrl(props.factoryId));
  const [months, setMonths] = useState<MonthsState>({ status: 'loading' });
  const meterIds = meters.status === 'ok' ? meters.data.items.map((m) => m.id).join(',') : null;

  useEffect(() => {
    if (!meterIds) return;
    let live = true;
    const run = async () => {
      const rollups = await Promise.all(
        meterIds
          .split(',')
          .map((id) =>
            fetchShared<RollupsResponse>(
              `/api/v1/meters/${encodeURIComponent(id)}/rollups?grain=month&from=2000-01&to=2099-12`,
            ),
          ),
      );
      const buckets = [...new Set(rollups.flatMap((r) => r.items.map((i) => i.bucket)))].sort().slice(-12);
      return Promise.all(
        buckets.map((m) =>
          fetchShared<FactoryMonth>(
            `/api/v1/metering/factories/${encodeURIComponent(props.factoryId)}/months/${m}`,
          ),
        ),
      );
    };
    run().then(
      (ms) => live && setMonths({ status: 'ok', months: ms }),
      (e: unknown) =>
        live && setMonths({ status: 'error', error: e instanceof Error ? e : new Error(String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [meterIds, props.factoryId]);

  const option = useMemo<EChartsCoreOption | null>(() => {
    if (months.status !== 'ok') return null;
    return {
      color: ['#2e7d32', '#455a64'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: months.months.map((m) => m.month) },
      yAxis: [
        { type: 'value', name: 'tce' },
        { type: 'value', name: 'tCO₂', splitLine: { show: false } },
      ],
      series: [
        { name: t('metering.tce'), type: 'bar', data: months.months.map((m) => m.tce), barMaxWidth: 28 },
        {
          name: t('metering.tco2'),
          type: 'line',
          yAxisIndex: 1,
          data: months.months.map((m) => m.tco2),
        },
      ],
    };
  }, [months, t]);

  if (meters.status === 'loading') return <Loading />;
  // Metered data is the enterprise's own: signed out or another tenant, the API refuses (401/403).
  if (meters.status === 'error')
    return isRefusal(meters.error) ? <MeteringRefusal /> : <ErrorState error={meters.error} />;
  if (meters.data.items.length === 0) return <EmptyState>{t('metering.noMeters')}</EmptyState>;
  if (months.status === 'loading') return <Loading />;
  if (months.status === 'error')
    return isRefusal(months.error) ? <MeteringRefusal /> : <ErrorState error={months.error} />;
  if (months.months.length === 0 || !option) return <EmptyState>{t('metering.noReadings')}</EmptyState>;
  const notes = [...new Set(months.months.flatMap((m) => m.notes))];
  return (
    <div data-testid="monthly-energy">
      <p className="muted small">
        {t('metering.meters', {
          names: meters.data.items.map((m) => m.name ?? m.id).join(i18n.language === 'en' ? ', ' : '、'),
        })}
      </p>
      <EChart option={option} height={260} label={t('factory.monthlyEnergy')} testId="monthly-chart" />
      {notes.length > 0 ? (
        <ul className="notes muted small">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/echart.tsx';
import { instrumentName, type CatalogInstrument, type PolicySummary } from './contract.ts';

// The same modules the overview's trend chart registers, so this screen adds no ECharts code.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Units that qualify and nearly qualify, one pair of horizontal bars per instrument. */
export function QualifyingChart(props: {
  readonly instruments: readonly CatalogInstrument[];
  readonly summary: PolicySummary;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const option = useMemo<EChartsCoreOption>(() => {
    const counts = new Map(props.summary.summaries.map((s) => [s.instrument, s]));
    // ECharts draws the first category at the bottom; reversed, the chart reads like the table.
    const rows = [...props.instruments].reverse();
    return {
      // Static figures: no entry animation, so a language switch redraws at once.
      animation: false,
      color: ['#2e7d32', '#ffb300'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        data: rows.map((i) => instrumentName(i, lang)),
        axisLabel: { width: lang === 'en' ? 300 : 240, overflow: 'truncate', fontSize: 11 },
      },
      series: [
        {
          name: t('policy.status.qualifies'),
          type: 'bar',
          data: rows.map((i) => counts.get(i.key)?.qualifies ?? 0),
          barMaxWidth: 12,
        },
        {
          name: t('policy.status.nearly'),
          type: 'bar',
          data: rows.map((i) => counts.get(i.key)?.nearly ?? 0),
          barMaxWidth: 12,
        },
      ],
    };
  }, [props.instruments, props.summary, lang, t]);
  return (
    <EChart
      option={option}
      height={Math.max(220, 56 + props.instruments.length * 34)}
      label={t('policy.chartTitle')}
      testId="policy-chart"
    />
  );
}

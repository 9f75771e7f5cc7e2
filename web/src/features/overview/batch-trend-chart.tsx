import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchCounts } from '../../api/contract.ts';
import { EChart } from '../../components/echart.tsx';
import { batchLabel } from '../registry/unit-kinds.ts';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const kinds = ['factories', 'supplyChainEnterprises', 'parks', 'products'] as const;
const colors = ['#2e7d32', '#1565c0', '#ef6c00', '#6a1b9a', '#455a64'];

/** Units listed per batch (bars, one per kind) and the running total of all listed units (line). */
export function BatchTrendChart(props: { readonly byBatch: readonly BatchCounts[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const option = useMemo<EChartsCoreOption>(() => {
    const batches = [...props.byBatch];
    let running = 0;
    const cumulative = batches.map((b) => {
      running += b.factories + b.supplyChainEnterprises + b.parks + b.products;
      return running;
    });
    return {
      color: colors,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, bottom: 8, top: 56, containLabel: true },
      xAxis: {
        type: 'category',
        data: batches.map((b) => batchLabel(b.batch, lang)),
        axisLabel: { interval: 0, hideOverlap: false, fontSize: 11 },
      },
      yAxis: [
        { type: 'value', name: t('overview.perBatch'), nameTextStyle: { align: 'left' } },
        {
          type: 'value',
          name: t('overview.cumulative'),
          nameTextStyle: { align: 'right' },
          splitLine: { show: false },
        },
      ],
      series: [
        ...kinds.map((k) => ({
          name: t(`stats.${k}`),
          type: 'bar',
          data: batches.map((b) => b[k]),
          barMaxWidth: 18,
        })),
        {
          name: t('overview.cumulativeAll'),
          type: 'line',
          yAxisIndex: 1,
          data: cumulative,
          symbolSize: 6,
        },
      ],
    };
  }, [props.byBatch, lang, t]);
  return <EChart option={option} height={340} label={t('overview.trendTitle')} testId="trend-chart" />;
}

import { RadarChart } from 'echarts/charts';
import { LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/echart.tsx';
import type { EvaluationResult } from './contract.ts';

use([RadarChart, RadarComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Share of each first-level group's weight the factory earned (points / weight, in %). */
export function EvaluationRadar(props: { readonly result: EvaluationResult }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => {
    const groups = props.result.groups.filter((g) => g.weight > 0);
    return {
      tooltip: {},
      radar: {
        indicator: groups.map((g) => ({ name: `${g.code} ${g.nameEn}`, max: 100 })),
        radius: '62%',
        axisName: { color: '#5f6b76', fontSize: 11 },
      },
      series: [
        {
          type: 'radar',
          name: t('evaluation.radar'),
          areaStyle: { opacity: 0.25 },
          itemStyle: { color: '#2e7d32' },
          data: [
            {
              name: t('evaluation.earnedShare'),
              value: groups.map((g) => Math.round((1000 * g.points) / g.weight) / 10),
            },
          ],
        },
      ],
    };
  }, [props.result, t]);
  return <EChart option={option} height={300} label={t('evaluation.radar')} testId="evaluation-radar" />;
}

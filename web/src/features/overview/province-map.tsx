import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import { registerMap, use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProvinceCounts, UnitsByKey } from '../../api/contract.ts';
import { useApi } from '../../api/use-api.ts';
import { EChart } from '../../components/echart.tsx';
import { ErrorState, Loading } from '../../components/state-views.tsx';
import { provinceNamesEn } from '../geo/province-names.ts';

use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type MapMetric = keyof UnitsByKey;

interface GeoJson {
  readonly features: readonly { readonly id: string; readonly properties: { readonly name: string } }[];
}

let registered = false;

/**
 * Listed units per province on the map of China. The geometry is the shipped ECharts map
 * (datasets/geo, feature id = six-digit GB/T 2260 province code), fetched as /geo/china.json so
 * that it is not part of the JavaScript. Clicking a province opens its page.
 */
export function ProvinceMap(props: {
  readonly byProvince: readonly ProvinceCounts[];
  readonly metric: MapMetric;
  readonly onProvince: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const geo = useApi<GeoJson>('/geo/china.json');
  const lang = i18n.language;
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (geo.status !== 'ok') return null;
    if (!registered) {
      registerMap('china', geo.data as never);
      registered = true;
    }
    const shortZh = new Map(geo.data.features.map((f) => [f.id, f.properties.name]));
    const label = (code: string) => (lang === 'en' ? provinceNamesEn[code] : shortZh.get(code)) ?? code;
    const values = new Map(props.byProvince.map((p) => [p.provinceCode ?? '', p[props.metric]]));
    const data = geo.data.features.map((f) => ({ name: f.id, value: values.get(f.id) ?? 0 }));
    const max = Math.max(1, ...data.map((d) => d.value));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) =>
          `${label(p.name)}<br/>${t(`stats.${props.metric}`)}: ${new Intl.NumberFormat(lang).format(
            Number.isFinite(p.value) ? p.value : 0,
          )}`,
      },
      visualMap: {
        min: 0,
        max,
        left: 8,
        bottom: 8,
        calculable: true,
        itemHeight: 100,
        inRange: { color: ['#e8f5e9', '#81c784', '#2e7d32', '#1b5e20'] },
        textStyle: { fontSize: 11 },
      },
      series: [
        {
          type: 'map',
          map: 'china',
          nameProperty: 'id',
          roam: false,
          layoutCenter: ['50%', '55%'],
          layoutSize: '110%',
          label: { show: false, formatter: (p: { name: string }) => label(p.name), fontSize: 10 },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffb300' } },
          select: { disabled: true },
          itemStyle: { borderColor: '#ffffff', borderWidth: 0.6 },
          data,
        },
      ],
    };
  }, [geo, props.byProvince, props.metric, lang, t]);

  if (geo.status === 'loading') return <Loading what={t('overview.map')} />;
  if (geo.status === 'error') return <ErrorState error={geo.error} />;
  if (!option) return null;
  return (
    <EChart
      option={option}
      height={460}
      label={t('overview.mapTitle')}
      testId="province-map"
      onClick={(e) => {
        if (/^\d{6}$/.test(e.name)) props.onProvince(e.name);
      }}
    />
  );
}

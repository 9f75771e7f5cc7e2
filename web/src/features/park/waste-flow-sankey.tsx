import { SankeyChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { EChart } from '../../components/echart.tsx';
import { EmptyState, ErrorState, Loading, SimulatedBanner } from '../../components/state-views.tsx';
import { percent, type ParkOperatingYearsResponse } from '../operating/contract.ts';

use([SankeyChart, TooltipComponent, CanvasRenderer]);

type Year = ParkOperatingYearsResponse['years'][number];

/**
 * The park's solid waste of its latest year as flows: generated in the year and taken from the
 * stockpile, to put to use or not (the green park indicator, solid-waste comprehensive
 * utilisation, is the used share of what was generated).
 */
export function wasteFlows(
  y: Year,
  words: Readonly<Record<'generated' | 'stock' | 'used' | 'unused', string>>,
) {
  const d = y.data;
  const unused = Math.max(0, d.solidWasteT - d.solidWasteUsedT);
  // Use of the year's waste cannot exceed what was generated; the stockpile's use flows beside it.
  const usedFromYear = Math.min(d.solidWasteUsedT, d.solidWasteT);
  const links = [
    { source: words.generated, target: words.used, value: usedFromYear },
    { source: words.generated, target: words.unused, value: unused },
    { source: words.stock, target: words.used, value: d.solidWasteStockUsedT },
  ].filter((l) => l.value > 0);
  const names = [...new Set(links.flatMap((l) => [l.source, l.target]))];
  return { nodes: names.map((name) => ({ name })), links };
}

/** The latest year's solid-waste flows of a park, labelled simulated when they are. */
export function WasteFlowPanel(props: { readonly parkId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const state = useApi<ParkOperatingYearsResponse>(
    `/api/v1/parks/${encodeURIComponent(props.parkId)}/operating-years`,
  );
  const latest = state.status === 'ok' ? [...state.data.years].sort((a, b) => b.year - a.year)[0] : undefined;
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!latest) return null;
    const flows = wasteFlows(latest, {
      generated: t('park.flow.generated'),
      stock: t('park.flow.stock'),
      used: t('park.flow.used'),
      unused: t('park.flow.unused'),
    });
    const tonnes = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    return {
      color: ['#8d6e63', '#90a4ae', '#2e7d32', '#ef6c00'],
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) => `${p.name}: ${tonnes.format(p.value)} t`,
      },
      series: [
        {
          type: 'sankey',
          data: flows.nodes,
          links: flows.links,
          left: 8,
          right: 120,
          lineStyle: { color: 'source', opacity: 0.35 },
          label: { fontSize: 12 },
        },
      ],
    };
  }, [latest, lang, t]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState error={state.error} />;
  if (!latest || !option) return <EmptyState>{t('accounts.none')}</EmptyState>;
  return (
    <div data-testid="park-waste-flows">
      {latest.simulated ? <SimulatedBanner /> : null}
      <p className="small">
        {t('park.flowYear', {
          year: latest.year,
          rate: percent(latest.data.solidWasteUsedT, latest.data.solidWasteT, lang),
        })}
      </p>
      <EChart option={option} height={240} label={t('park.wasteFlows')} testId="waste-sankey" />
    </div>
  );
}

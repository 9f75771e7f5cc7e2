import { SankeyChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/echart.tsx';
import type { ContributionView } from './contract.ts';

use([SankeyChart, TooltipComponent, CanvasRenderer]);

interface Flow {
  readonly nodes: { name: string; label: string }[];
  readonly links: { source: string; target: string; value: number }[];
}

/**
 * Turns a contribution tree into sankey flows from upstream to the product: each child flows into
 * its parent with its total, and each node's own direct emissions and the inputs below the cut-off
 * flow in from nodes of their own, so every node's inflow is its total. Cycles unroll into repeated
 * processes, so nodes are keyed by their path in the tree, not by their product.
 */
export function treeToFlows(
  root: ContributionView,
  words: { readonly direct: (name: string) => string; readonly other: string },
): Flow {
  const flow: Flow = { nodes: [], links: [] };
  const visit = (n: ContributionView, key: string) => {
    flow.nodes.push({ name: key, label: n.name });
    const inflow = (source: string, label: string, value: number) => {
      if (!(value > 0)) return;
      flow.nodes.push({ name: source, label });
      flow.links.push({ source, target: key, value });
    };
    inflow(`${key}/direct`, words.direct(n.name), n.direct);
    inflow(`${key}/other`, words.other, n.remainder);
    n.children.forEach((c, i) => {
      if (!(c.total > 0)) return;
      const child = `${key}.${i}`;
      visit(c, child);
      flow.links.push({ source: child, target: key, value: c.total });
    });
  };
  visit(root, 'root');
  return flow;
}

/** A product's footprint as flows through its supply chain (kgCO2e per declared unit). */
export function ContributionSankey(props: { readonly root: ContributionView; readonly unit: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const option = useMemo<EChartsCoreOption>(() => {
    const flow = treeToFlows(props.root, {
      direct: (name) => t('footprint.directAt', { name }),
      other: t('footprint.belowCutoff'),
    });
    const labels = new Map(flow.nodes.map((n) => [n.name, n.label]));
    const kg = new Intl.NumberFormat(lang, { maximumSignificantDigits: 4 });
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: {
          dataType: string;
          name: string;
          value: number;
          data: { source?: string; target?: string };
        }) =>
          p.dataType === 'edge'
            ? `${labels.get(p.data.source ?? '') ?? ''} → ${labels.get(p.data.target ?? '') ?? ''}<br/>${kg.format(p.value)} kgCO₂e`
            : `${labels.get(p.name) ?? p.name}<br/>${kg.format(p.value)} kgCO₂e`,
      },
      series: [
        {
          type: 'sankey',
          data: flow.nodes.map((n) => ({ name: n.name })),
          links: flow.links,
          nodeAlign: 'right',
          emphasis: { focus: 'adjacency' },
          lineStyle: { color: 'gradient', opacity: 0.35 },
          label: { formatter: (p: { name: string }) => labels.get(p.name) ?? p.name, fontSize: 11 },
          left: 8,
          right: 160,
        },
      ],
    };
  }, [props.root, lang, t]);
  return (
    <EChart
      option={option}
      height={380}
      label={t('footprint.sankeyLabel', { unit: props.unit })}
      testId="footprint-sankey"
    />
  );
}

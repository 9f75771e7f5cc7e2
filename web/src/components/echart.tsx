import { init, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';

export interface EChartClick {
  readonly name: string;
  readonly seriesName?: string;
  readonly data?: unknown;
}

/**
 * One ECharts instance in a div, resized with its box. The caller registers the chart types and
 * components it uses (echarts/core + use([...])) so that each screen ships only what it draws.
 * `data-rendered` turns "true" once the first frame is drawn (the e2e suite waits on it).
 */
export function EChart(props: {
  readonly option: EChartsCoreOption;
  readonly height: number;
  readonly label: string;
  readonly onClick?: (e: EChartClick) => void;
  readonly testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const onClick = useRef(props.onClick);
  onClick.current = props.onClick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (e) => onClick.current?.(e as unknown as EChartClick));
    c.on('finished', () => el.setAttribute('data-rendered', 'true'));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(props.option, { notMerge: true });
  }, [props.option]);

  return (
    <div
      ref={box}
      className="chart"
      style={{ height: props.height }}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
    />
  );
}

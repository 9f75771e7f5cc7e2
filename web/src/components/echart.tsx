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

  // ECharts 6.1.0 map and geo charts throw "Cannot read properties of null (reading '0')" when laid
  // out in a 0x0 box (apache/echarts#21706), which a page can be for a frame while it loads or while
  // a screenshot resizes it: options and resizes wait until the box has a size.
  const pending = useRef<EChartsCoreOption | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (e) => onClick.current?.(e as unknown as EChartClick));
    c.on('finished', () => el.setAttribute('data-rendered', 'true'));
    const ro = new ResizeObserver(() => {
      if (el.clientWidth === 0 || el.clientHeight === 0) return;
      c.resize();
      if (pending.current) {
        c.setOption(pending.current, { notMerge: true });
        pending.current = null;
      }
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const el = box.current;
    if (chart.current && el && el.clientWidth > 0 && el.clientHeight > 0) {
      chart.current.setOption(props.option, { notMerge: true });
      pending.current = null;
    } else {
      pending.current = props.option;
    }
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

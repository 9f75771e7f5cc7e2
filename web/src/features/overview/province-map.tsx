import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProvinceCounts, UnitsByKey } from '../../api/contract.ts';
import { useApi } from '../../api/use-api.ts';
import { ErrorState, Loading } from '../../components/state-views.tsx';
import type { ChinaPaths } from '../geo/china-paths.ts';
import { provinceNamesEn } from '../geo/province-names.ts';

export type MapMetric = keyof UnitsByKey;

// Light to dark green as the count rises (the legend shows the same ramp).
const ramp = ['#e8f5e9', '#81c784', '#2e7d32', '#1b5e20'] as const;

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

/** The colour of a share (0-1) of the largest count, interpolated along the ramp. */
export function rampColor(share: number): string {
  const x = Math.min(1, Math.max(0, share)) * (ramp.length - 1);
  const i = Math.min(ramp.length - 2, Math.floor(x));
  const a = hex(ramp[i] ?? ramp[0]);
  const b = hex(ramp[i + 1] ?? ramp[0]);
  const f = x - i;
  return `rgb(${a.map((v, k) => Math.round(v + ((b[k] ?? v) - v) * f)).join(',')})`;
}

/**
 * Listed units per province on the map of China, drawn as SVG from the province outlines the
 * build makes out of the shipped geometry (datasets/geo; feature id = six-digit GB/T 2260 province
 * code). No charting library: the map is on screen as soon as its 23 KB of paths arrive, which
 * ECharts (150 KB gzipped to load and compile first) kept it from on this 2-core machine. A
 * province is a link to its page (click, or Tab and Enter); hovering names it with its count.
 */
export function ProvinceMap(props: {
  readonly byProvince: readonly ProvinceCounts[];
  readonly metric: MapMetric;
  readonly onProvince: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const geo = useApi<ChinaPaths>('/geo/china-paths.json');
  const lang = i18n.language;
  const fmt = useMemo(() => new Intl.NumberFormat(lang), [lang]);
  const [hover, setHover] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const values = useMemo(
    () => new Map(props.byProvince.map((p) => [p.provinceCode ?? '', p[props.metric]])),
    [props.byProvince, props.metric],
  );
  const max = Math.max(1, ...values.values());
  const drawn = geo.status === 'ok';
  useEffect(() => {
    // The e2e suite and web/e2e/measure-overview.ts wait on this, as on the charts' first frame.
    if (drawn) svg.current?.setAttribute('data-rendered', 'true');
  }, [drawn]);

  if (geo.status === 'loading') return <Loading what={t('overview.map')} />;
  if (geo.status === 'error') return <ErrorState error={geo.error} />;
  const label = (code: string, shortZh: string) =>
    lang === 'en' ? (provinceNamesEn[code] ?? code) : shortZh;
  const hovered = geo.data.provinces.find((p) => p.code === hover);
  return (
    <div className="province-map">
      <svg
        ref={svg}
        viewBox={`0 0 ${geo.data.width} ${geo.data.height}`}
        role="group"
        aria-label={t('overview.mapTitle')}
        data-testid="province-map"
      >
        {geo.data.provinces.map((p) => {
          const v = values.get(p.code) ?? 0;
          const name = `${label(p.code, p.name)}: ${t(`stats.${props.metric}`)} ${fmt.format(v)}`;
          return (
            <path
              key={p.code}
              d={p.d}
              fill={rampColor(v / max)}
              data-code={p.code}
              role="link"
              tabIndex={0}
              aria-label={name}
              onClick={() => props.onProvince(p.code)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') props.onProvince(p.code);
              }}
              onMouseEnter={() => setHover(p.code)}
              onMouseLeave={() => setHover((h) => (h === p.code ? null : h))}
              onFocus={() => setHover(p.code)}
            >
              <title>{name}</title>
            </path>
          );
        })}
      </svg>
      <div className="map-legend muted small" aria-hidden="true">
        <span>0</span>
        <span className="map-ramp" style={{ background: `linear-gradient(to right, ${ramp.join(', ')})` }} />
        <span>{fmt.format(max)}</span>
        <span className="map-hover">
          {hovered
            ? `${label(hovered.code, hovered.name)}: ${fmt.format(values.get(hovered.code) ?? 0)}`
            : ''}
        </span>
      </div>
    </div>
  );
}

/**
 * The shipped province geometry (datasets/geo: ECharts 4.9's China map, GeoJSON whose rings are
 * compact strings, "UTF8Encoding") turned into SVG paths once, at build time (web/vite.config.ts
 * emits /geo/china-paths.json). The overview draws the map from these paths without a charting
 * library, so the first screen does not wait for ECharts to load and compile.
 */

/** One province: its GB/T 2260 code, the short Chinese name the geometry carries, and its outline. */
export interface ProvincePath {
  readonly code: string;
  readonly name: string;
  readonly d: string;
}

export interface ChinaPaths {
  readonly width: number;
  readonly height: number;
  readonly provinces: readonly ProvincePath[];
}

interface EncodedGeometry {
  readonly type: 'Polygon' | 'MultiPolygon';
  readonly coordinates: readonly (string | readonly string[])[];
  readonly encodeOffsets: readonly (readonly number[] | readonly (readonly number[])[])[];
}

interface EncodedGeoJson {
  readonly UTF8Encoding?: boolean;
  readonly UTF8Scale?: number;
  readonly features: readonly {
    readonly id: string;
    readonly properties: { readonly name: string };
    readonly geometry: EncodedGeometry;
  }[];
}

/**
 * Decodes one ring of the compact encoding: each point is two characters, each the zigzag-encoded
 * difference from the previous point plus 64, in units of 1/scale degree, starting from the ring's
 * offset.
 */
export function decodeRing(encoded: string, offset: readonly number[], scale = 1024): [number, number][] {
  const points: [number, number][] = [];
  let x = offset[0] ?? 0;
  let y = offset[1] ?? 0;
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    points.push([x / scale, y / scale]);
  }
  return points;
}

/** The rings of a geometry as [lng, lat] points, polygon by polygon. */
function ringsOf(g: EncodedGeometry, scale: number): [number, number][][] {
  const polygons =
    g.type === 'Polygon'
      ? [
          {
            rings: g.coordinates as readonly string[],
            offsets: g.encodeOffsets as readonly (readonly number[])[],
          },
        ]
      : g.coordinates.map((rings, k) => ({
          rings: rings as readonly string[],
          offsets: g.encodeOffsets[k] as readonly (readonly number[])[],
        }));
  return polygons.flatMap((p) => p.rings.map((r, k) => decodeRing(r, p.offsets[k] ?? [0, 0], scale)));
}

/**
 * Projects the provinces into a `width`-wide box (equirectangular, longitude shrunk by the cosine
 * of the map's middle latitude so that shapes look as on a common map of China), rounds to a tenth
 * of a unit and leaves out points closer than `tolerance` units to the last one kept (less than a
 * pixel where the overview draws it): 85 KB of paths (23 KB gzipped) instead of 61 KB of encoded
 * rings (43 KB gzipped) that had to be decoded in the browser.
 */
export function chinaPaths(geo: EncodedGeoJson, width = 1000, tolerance = 1.2): ChinaPaths {
  const scale = geo.UTF8Scale ?? 1024;
  const features = geo.features.map((f) => ({ f, rings: ringsOf(f.geometry, scale) }));
  const all = features.flatMap((x) => x.rings.flat());
  const lngs = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [minLng, maxLng, minLat, maxLat] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const shrink = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const k = width / ((maxLng - minLng) * shrink);
  const round = (v: number) => Math.round(v * 10) / 10;
  const project = ([lng, lat]: [number, number]): [number, number] => [
    round((lng - minLng) * shrink * k),
    round((maxLat - lat) * k),
  ];
  const pathOf = (ring: [number, number][]): string => {
    const kept: [number, number][] = [];
    for (const p of ring.map(project)) {
      const last = kept[kept.length - 1];
      if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= tolerance) kept.push(p);
    }
    if (kept.length < 3) return '';
    const [first, ...rest] = kept;
    let d = `M${first?.[0] ?? 0} ${first?.[1] ?? 0}`;
    let prev = first ?? [0, 0];
    for (const p of rest) {
      d += `l${round(p[0] - prev[0])} ${round(p[1] - prev[1])}`;
      prev = p;
    }
    return `${d}z`;
  };
  return {
    width,
    height: Math.ceil((maxLat - minLat) * k),
    provinces: features.map(({ f, rings }) => ({
      code: f.id,
      name: f.properties.name,
      d: rings.map(pathOf).join(''),
    })),
  };
}

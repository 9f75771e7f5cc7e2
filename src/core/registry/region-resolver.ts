import type { Region } from './types.ts';

/** How a list's region cell was understood. */
export interface ResolvedRegion {
  readonly regionCode: string;
  readonly provinceCode: string;
  readonly recommender: string;
  /** How the match was made, for the import report. */
  readonly via: 'alias' | 'province' | 'planned-city' | 'prefecture' | 'county' | 'hint';
}

/**
 * The Xinjiang Production and Construction Corps recommends on its own in the lists, spelt three
 * ways. GB/T 2260 codes no XPCC division, so its units are placed in Xinjiang (65) and keep the
 * XPCC as their recommending unit.
 */
const xpccAliases = new Set(['兵团', '新疆兵团', '新疆生产建设兵团']);
const xpccName = '新疆生产建设兵团';

/**
 * Cities specifically designated in the state plan (计划单列市) are listed on their own, yet stay
 * cities within their province (GB/T 2260 gives them prefecture codes under the province).
 */
export const separatelyPlannedCities: Readonly<Record<string, string>> = {
  大连: '210200',
  青岛: '370200',
  宁波: '330200',
  厦门: '350200',
  深圳: '440300',
};

const provinceSuffixes = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

/** A province's short name as the lists use it: 内蒙古自治区 -> 内蒙古, 广西壮族自治区 -> 广西. */
export function provinceShortName(fullName: string): string {
  for (const suffix of provinceSuffixes) {
    if (fullName.endsWith(suffix) && fullName.length > suffix.length + 1)
      return fullName.slice(0, -suffix.length);
  }
  return fullName;
}

export interface RegionResolver {
  /** Maps a region cell to a GB/T 2260 placement, or null when nothing matches unambiguously. */
  resolve(cell: string, hints?: readonly string[]): ResolvedRegion | null;
  byCode(code: string): Region | undefined;
}

/** Builds a resolver over the GB/T 2260 table that cleans the spellings the published lists use. */
export function buildRegionResolver(regions: readonly Region[]): RegionResolver {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const provinces = regions.filter((r) => r.level === 'province');
  const prefectures = regions.filter(
    (r) => r.level === 'prefecture' && r.name !== '市辖区' && !r.name.includes('直辖'),
  );
  const counties = regions.filter((r) => r.level === 'county' && r.name !== '市辖区');

  const uniquePrefix = (candidates: readonly Region[], cell: string): Region | null => {
    if (cell.length < 2) return null;
    const exact = candidates.filter((r) => r.name === cell);
    if (exact.length === 1) return exact[0] ?? null;
    const hits = candidates.filter((r) => r.name.startsWith(cell));
    return hits.length === 1 ? (hits[0] ?? null) : null;
  };

  const placed = (region: Region, recommender: string, via: ResolvedRegion['via']): ResolvedRegion => ({
    regionCode: region.code,
    provinceCode: region.provinceCode,
    recommender,
    via,
  });

  const fromHints = (hints: readonly string[]): ResolvedRegion | null => {
    for (const hint of hints) {
      const found = provinces.filter((p) => hint.includes(provinceShortName(p.name)));
      if (found.length === 1 && found[0]) return placed(found[0], found[0].name, 'hint');
    }
    return null;
  };

  return {
    byCode: (code) => byCode.get(code),
    resolve(rawCell, hints = []) {
      const cell = rawCell.trim().replace(/\s+/g, '');
      if (xpccAliases.has(cell)) {
        const xinjiang = byCode.get('650000');
        return xinjiang ? placed(xinjiang, xpccName, 'alias') : null;
      }
      const planned = separatelyPlannedCities[cell];
      if (planned !== undefined) {
        const city = byCode.get(planned);
        return city ? placed(city, city.name, 'planned-city') : null;
      }
      const province = uniquePrefix(provinces, cell);
      if (province) return placed(province, province.name, 'province');
      const prefecture = uniquePrefix(prefectures, cell);
      if (prefecture) return placed(prefecture, prefecture.name, 'prefecture');
      const county = uniquePrefix(counties, cell);
      if (county) return placed(county, county.name, 'county');
      return fromHints(hints);
    },
  };
}

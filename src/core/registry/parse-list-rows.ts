import type { FieldIssue } from '../errors.ts';
import { findBatch } from './batches.ts';
import { mapSector } from './industry-mapping.ts';
import { classifyContextRow, enterpriseRegionOverrides, stripExtractionNoise } from './list-cleaning.ts';
import type { RegionResolver } from './region-resolver.ts';
import { stableId } from './stable-id.ts';
import type {
  Enterprise,
  Factory,
  ListEvent,
  Park,
  Placement,
  Product,
  SupplyChainEnterprise,
  UnitKind,
} from './types.ts';

/** One data row of a list file: its 1-based line number in the file and its cells by header. */
export interface ListRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** The columns each published list carries, by the names the lists use. */
export const listColumns: Readonly<Record<UnitKind, readonly string[]>> = {
  factory: ['序号', '地区', '工厂名称', '行业', '第三方评价机构', '批次'],
  park: ['序号', '地区', '园区', '第三方评价机构', '批次'],
  supply_chain: ['序号', '地区', '企业名称', '第三方评价机构', '批次'],
  product: [
    '序号',
    '企业名称',
    '产品名称',
    '产品型号',
    '推荐单位',
    '地区',
    '批次',
    '种类',
    '绿色设计亮点',
    '适用评价标准',
  ],
};

/** Everything a list file yields: the units, their enterprises and listing events, and what was wrong. */
export interface ParsedList {
  readonly kind: UnitKind;
  readonly factories: Factory[];
  readonly parks: Park[];
  readonly supplyChain: SupplyChainEnterprise[];
  readonly products: Product[];
  readonly enterprises: Map<string, Enterprise>;
  readonly events: ListEvent[];
  /** Rows that could not be mapped: the file must be fixed, and nothing of it is written. */
  readonly issues: FieldIssue[];
  /** Rows recognised as extraction artefacts and used only as context (product headings). */
  readonly skipped: { readonly row: number; readonly reason: string }[];
}

/** Checks that a header row carries every column the list kind needs, naming each missing one. */
export function checkListHeader(kind: UnitKind, header: readonly string[]): FieldIssue[] {
  const have = new Set(header.map((h) => h.trim()));
  return listColumns[kind]
    .filter((c) => !have.has(c))
    .map((c) => ({ field: c, row: 1, message: `missing column "${c}" in the header` }));
}

const nonEmpty = (s: string | undefined): string | null => {
  const t = stripExtractionNoise(s ?? '');
  return t === '' || t === '-' ? null : t;
};

/**
 * Maps the rows of one published list to registry records, cleaning the spellings the lists use
 * for regions; every row that cannot be mapped becomes a field issue naming its line and column.
 */
export function parseListRows(
  kind: UnitKind,
  rows: readonly ListRow[],
  resolver: RegionResolver,
): ParsedList {
  const out: ParsedList = {
    kind,
    factories: [],
    parks: [],
    supplyChain: [],
    products: [],
    enterprises: new Map(),
    events: [],
    issues: [],
    skipped: [],
  };
  const nameColumn = kind === 'factory' ? '工厂名称' : kind === 'park' ? '园区' : '企业名称';
  const seenKeys = new Map<string, number>();
  let context: {
    staleCategory: string;
    batch: string;
    category?: string;
    standard?: string;
    highlights?: string;
  } | null = null;

  for (const { line, cells } of rows) {
    const cell = (c: string): string => (cells[c] ?? '').trim();
    const issue = (field: string, message: string, value?: unknown): void => {
      out.issues.push(
        value === undefined ? { row: line, field, message } : { row: line, field, message, value },
      );
    };

    if (kind === 'product' && cell('企业名称') === '' && cell('产品名称') === '') {
      const ctx = classifyContextRow(cell('序号'));
      if (ctx) {
        if (ctx.kind === 'category' || !context || context.batch !== cell('批次')) {
          context = { staleCategory: cell('种类'), batch: cell('批次') };
        }
        context[ctx.kind === 'evaluationStandard' ? 'standard' : ctx.kind] = ctx.text;
        out.skipped.push({
          row: line,
          reason: `heading row (${ctx.kind}) from the PDF extraction, applied to the rows below it`,
        });
        continue;
      }
    }

    const name = cell(nameColumn);
    const batchCode = cell('批次');
    const before = out.issues.length;
    if (name === '') issue(nameColumn, 'is empty');
    if (kind === 'product' && cell('产品名称') === '') issue('产品名称', 'is empty');
    const batch = findBatch(batchCode);
    if (!batch) issue('批次', `unknown batch "${batchCode}"`, batchCode);

    const enterpriseName = kind === 'park' ? null : kind === 'product' ? cell('企业名称') : name;
    const override = enterpriseName ? enterpriseRegionOverrides[enterpriseName] : undefined;
    const hints = [enterpriseName ?? name, cell('推荐单位')].filter((h) => h !== '');
    const resolved = override
      ? (() => {
          const r = resolver.byCode(override.regionCode);
          return r ? { regionCode: r.code, provinceCode: r.provinceCode, recommender: r.name } : null;
        })()
      : resolver.resolve(cell('地区'), hints);
    if (!resolved)
      issue(
        '地区',
        `unknown region "${cell('地区')}": not a GB/T 2260 name, alias or planned city`,
        cell('地区'),
      );

    let industryCode: string | null = null;
    const sector = kind === 'factory' ? nonEmpty(cells['行业']) : null;
    if (sector !== null) {
      industryCode = mapSector(sector);
      if (industryCode === null) issue('行业', `unknown industry sector "${sector}"`, sector);
    }
    if (out.issues.length > before || !batch || !resolved) continue;

    const placement: Placement = {
      regionCode: resolved.regionCode,
      provinceCode: resolved.provinceCode,
      recommender: resolved.recommender,
      listRegion: cell('地区'),
    };
    const enterpriseId = enterpriseName ? stableId('ent', enterpriseName) : null;
    if (enterpriseName && enterpriseId && !out.enterprises.has(enterpriseId)) {
      out.enterprises.set(enterpriseId, {
        id: enterpriseId,
        name: enterpriseName,
        regionCode: placement.regionCode,
        provinceCode: placement.provinceCode,
      });
    }
    const evaluator = nonEmpty(cells['第三方评价机构']);
    let unitId: string;
    switch (kind) {
      case 'factory':
        unitId = stableId('fac', name);
        out.factories.push({
          ...placement,
          id: unitId,
          enterpriseId: enterpriseId ?? '',
          name,
          industryCode,
          industrySector: sector,
          evaluator,
          batch: batch.code,
        });
        break;
      case 'park':
        unitId = stableId('park', name);
        out.parks.push({ ...placement, id: unitId, name, evaluator, batch: batch.code });
        break;
      case 'supply_chain':
        unitId = stableId('sc', name);
        out.supplyChain.push({
          ...placement,
          id: unitId,
          enterpriseId: enterpriseId ?? '',
          name,
          evaluator,
          batch: batch.code,
        });
        break;
      case 'product': {
        const inContext =
          context && context.batch === batchCode && context.staleCategory === cell('种类') ? context : null;
        if (!inContext) context = null;
        const model = nonEmpty(cells['产品型号']);
        const baseKey = [batch.code, enterpriseName ?? '', name, model ?? ''].join('|');
        const occurrence = (seenKeys.get(baseKey) ?? 0) + 1;
        seenKeys.set(baseKey, occurrence);
        unitId = stableId('prd', baseKey, String(occurrence));
        out.products.push({
          ...placement,
          id: unitId,
          enterpriseId: enterpriseId ?? '',
          enterpriseName: enterpriseName ?? '',
          name: cell('产品名称'),
          model,
          category: inContext?.category ?? nonEmpty(cells['种类']),
          evaluationStandard: inContext?.standard ?? nonEmpty(cells['适用评价标准']),
          highlights: inContext?.highlights ?? nonEmpty(cells['绿色设计亮点']),
          recommendingBody: nonEmpty(cells['推荐单位']),
          batch: batch.code,
        });
        break;
      }
    }
    out.events.push({
      id: stableId('evt', unitId, 'listed', batch.code),
      unitKind: kind,
      unitId,
      kind: 'listed',
      batch: batch.code,
      details: { notice: batch.notice, line },
    });
  }
  return out;
}

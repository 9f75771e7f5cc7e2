import { GmError } from '../core/errors.ts';
import type { CodeTables, TextSource } from '../core/ports.ts';
import type { Industry, Region } from '../core/registry/types.ts';
import { readCsv } from './read-csv.ts';

export const codeTablePaths = {
  provinces: 'gb2260/provinces.csv',
  cities: 'gb2260/cities.csv',
  areas: 'gb2260/areas.csv',
  industries: 'gbt4754-2017/gbt4754-2017.json',
} as const;

/** GB/T 2260 codes padded to six digits: "44" -> "440000", "4403" -> "440300". */
export const sixDigits = (code: string): string => code.padEnd(6, '0');

/** Reads the GB/T 2260 tables (2/4/6-digit codes as shipped) into six-digit regions. */
export async function readRegions(source: TextSource): Promise<Region[]> {
  const table = async (path: string) => {
    const t = readCsv(await source.readText(path));
    if (t.issues.length > 0)
      throw new GmError('GM_VALIDATION', `Malformed ${source.describe(path)}`, { issues: t.issues });
    return t.rows.map((r) => r.cells);
  };
  const regions: Region[] = [];
  for (const c of await table(codeTablePaths.provinces)) {
    regions.push({
      code: sixDigits(c.code ?? ''),
      name: c.name ?? '',
      level: 'province',
      parentCode: null,
      provinceCode: sixDigits(c.code ?? ''),
    });
  }
  for (const c of await table(codeTablePaths.cities)) {
    const province = sixDigits(c.provinceCode ?? '');
    regions.push({
      code: sixDigits(c.code ?? ''),
      name: c.name ?? '',
      level: 'prefecture',
      parentCode: province,
      provinceCode: province,
    });
  }
  const seen = new Set(regions.map((r) => r.code));
  for (const c of await table(codeTablePaths.areas)) {
    // Prefecture-level cities without counties (东莞, 中山, 儋州) repeat their own code as an area.
    if (seen.has(sixDigits(c.code ?? ''))) continue;
    regions.push({
      code: sixDigits(c.code ?? ''),
      name: c.name ?? '',
      level: 'county',
      parentCode: sixDigits(c.cityCode ?? ''),
      provinceCode: sixDigits(c.provinceCode ?? ''),
    });
  }
  return regions;
}

/** Reads the GB/T 4754-2017 table: sections, divisions, groups and classes. */
export async function readIndustries(source: TextSource): Promise<Industry[]> {
  const raw = JSON.parse(await source.readText(codeTablePaths.industries)) as unknown;
  if (!Array.isArray(raw))
    throw new GmError('GM_VALIDATION', `${source.describe(codeTablePaths.industries)} is not a JSON array`);
  return raw.map((item: { code?: unknown; name?: unknown; level?: unknown; parent?: unknown }, i) => {
    if (
      typeof item.code !== 'string' ||
      typeof item.name !== 'string' ||
      !['section', 'division', 'group', 'class'].includes(String(item.level))
    ) {
      throw new GmError(
        'GM_VALIDATION',
        `Malformed industry entry ${i} in ${source.describe(codeTablePaths.industries)}`,
        { index: i },
      );
    }
    return {
      code: item.code,
      name: item.name,
      level: item.level as Industry['level'],
      parentCode: typeof item.parent === 'string' ? item.parent : null,
    };
  });
}

/** Loads both code tables into the store, replacing what was there. */
export async function loadCodeTables(ports: {
  source: TextSource;
  codeTables: CodeTables;
}): Promise<{ regions: number; industries: number }> {
  const regions = await readRegions(ports.source);
  const industries = await readIndustries(ports.source);
  await ports.codeTables.replaceRegions(regions);
  await ports.codeTables.replaceIndustries(industries);
  return { regions: regions.length, industries: industries.length };
}

/**
 * Known defects of the shipped MIIT list extraction (datasets/miit-green-manufacturing), fixed as
 * data so that each fix is visible and reviewable. Anything not covered here is reported, not guessed.
 */

/** Trailing "nan" left by the PDF-to-table extraction in free-text cells. */
export function stripExtractionNoise(cell: string): string {
  return cell.replace(/(?:\s*nan)+$/u, '').trim();
}

/**
 * Enterprises whose list row names no usable region (the cell holds a fragment of the company
 * name, such as 蒙娜) and whose name carries no place name either. Seat from the company's
 * registration (Foshan, Guangdong), tag [S].
 */
export const enterpriseRegionOverrides: Readonly<
  Record<string, { readonly regionCode: string; readonly note: string }>
> = {
  蒙娜丽莎集团股份有限公司: {
    regionCode: '440600',
    note: 'registered seat in Foshan (佛山市), Guangdong [S]',
  },
};

/** A product-list row that is a category heading carried into the table by the extraction. */
const categoryHeading = /^[一二三四五六七八九十百]+、.+（\d+种）$/u;

export type ContextRowKind = 'category' | 'evaluationStandard' | 'highlights';

/**
 * Recognises the product list's heading rows (a category title, its evaluation standard, its
 * design highlights) that the extraction put in the serial-number column of an empty row.
 */
export function classifyContextRow(serial: string): { kind: ContextRowKind; text: string } | null {
  const s = serial.trim();
  if (categoryHeading.test(s)) return { kind: 'category', text: s };
  if (s.startsWith('适用评价标准：'))
    return { kind: 'evaluationStandard', text: s.slice('适用评价标准：'.length) };
  if (s.startsWith('绿色设计亮点：')) return { kind: 'highlights', text: s.slice('绿色设计亮点：'.length) };
  return null;
}

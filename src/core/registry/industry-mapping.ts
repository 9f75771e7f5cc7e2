/**
 * The sector words of the early green factory lists (行业, filled for batches 1-2 only) mapped to
 * GB/T 4754-2017. Where a sector spans several divisions (机械, 轻工) it maps to the narrowest node
 * covering them all, the manufacturing section C, and the sector word is kept beside the code.
 * This table is greenmfg's own reading of the sector words, not a published concordance.
 */
export const sectorToIndustry: Readonly<Record<string, { readonly code: string; readonly why: string }>> = {
  电子: { code: '39', why: '计算机、通信和其他电子设备制造业' },
  化工: { code: '26', why: '化学原料和化学制品制造业' },
  机械: { code: 'C', why: 'spans divisions 33-35 and 38; kept at the manufacturing section' },
  轻工: { code: 'C', why: 'spans divisions 13-24 and others; kept at the manufacturing section' },
  建材: { code: '30', why: '非金属矿物制品业' },
  制药: { code: '27', why: '医药制造业' },
  有色: { code: '32', why: '有色金属冶炼和压延加工业' },
  汽车: { code: '36', why: '汽车制造业' },
  纺织: { code: '17', why: '纺织业' },
  钢铁: { code: '31', why: '黑色金属冶炼和压延加工业' },
  冶金: {
    code: 'C',
    why: 'ferrous or non-ferrous (31 or 32) is not told; kept at the manufacturing section',
  },
  水泥: { code: '3011', why: '水泥制造' },
  石化: { code: '25', why: '石油、煤炭及其他燃料加工业' },
  食品: {
    code: 'C',
    why: 'agri-food processing (13) or food manufacturing (14) is not told; kept at the section',
  },
  造纸: { code: '22', why: '造纸和纸制品业' },
  矿山: { code: 'B', why: '采矿业' },
};

/** Maps a list's sector word to a GB/T 4754-2017 code, or null when the word is unknown. */
export function mapSector(sector: string): string | null {
  return sectorToIndustry[sector.trim()]?.code ?? null;
}

// NDRC/MIIT energy-efficiency benchmark (标杆) and baseline (基准) levels, 2021 edition
// (发改产业〔2021〕1609号), as restated per area in the 2022 implementation guide 发改产业〔2022〕200号
// (yeahqiona PDF 26): all values [C] (domain.md §5.3). Shares are the guide's approximate text.
import { defineBenchmarkEdition } from '../benchmark-edition.ts';
import type { BenchmarkEdition } from '../benchmark-edition.ts';

const s = (atBenchmark2020: string, belowBaseline2020: string, target2025AtBenchmark: string) => ({
  atBenchmark2020,
  belowBaseline2020,
  target2025AtBenchmark,
});

/** The 2021 edition of the NDRC benchmark and baseline levels for 25 areas. */
export const ndrcBenchmark2021: BenchmarkEdition = defineBenchmarkEdition({
  id: 'NDRC-benchmark',
  version: '2021',
  title: 'Energy-efficiency benchmark and baseline levels in key areas of energy-intensive industries (2021)',
  document: '发改产业〔2021〕1609号; values as restated in 发改产业〔2022〕200号',
  source: 'domain.md §5.3; 发改产业〔2022〕200号 (yeahqiona PDF 26) [C]',
  tag: 'C',
  notes: [
    'New and planned projects should be built to the benchmark level; existing projects below the baseline get a retrofit deadline of generally no more than 3 years (1609号).',
    'Cement end-2020 shares are computed with electricity at its calorific equivalent (200号).',
    '1464号 targeted more than 30 % at the benchmark for ammonia and flat glass; the 2022 guide lowered these to 15 % and 20 %.',
  ],
  areas: [
    { area: 'Oil refining', shares: s('~25 %', '~20 %', '30 %'), rows: [{ slug: 'oil-refining', product: 'Oil refining', unit: 'kgoe/(t·energy factor)', benchmark: 7.5, baseline: 8.5 }] },
    { area: 'Ethylene', shares: s('~20 %', '~30 %', '≥ 30 %'), rows: [{ slug: 'ethylene', product: 'Naphtha/hydrocarbon steam cracking', unit: 'kgoe/t', benchmark: 590, baseline: 640 }] },
    { area: 'p-Xylene', shares: s('~23 %', '~18 %', '50 %'), rows: [{ slug: 'p-xylene', product: 'p-Xylene', unit: 'kgoe/t', benchmark: 380, baseline: 550 }] },
    {
      area: 'Coal-to-methanol',
      shares: s('~15 %', '~25 %', '30 %'),
      rows: [
        { slug: 'methanol-lignite', product: 'Lignite feed', unit: 'kgce/t', benchmark: 1550, baseline: 2000 },
        { slug: 'methanol-bituminous', product: 'Bituminous coal feed', unit: 'kgce/t', benchmark: 1400, baseline: 1800 },
        { slug: 'methanol-anthracite', product: 'Anthracite feed', unit: 'kgce/t', benchmark: 1250, baseline: 1600 },
      ],
    },
    { area: 'Coal-to-olefins', shares: s('~48 %', '0 %', '50 %'), rows: [{ slug: 'coal-to-olefins', product: 'MTO route', unit: 'kgce/t', benchmark: 2800, baseline: 3300 }] },
    { area: 'Coal-to-ethylene glycol', shares: s('~20 %', '~40 %', '30 %'), rows: [{ slug: 'coal-to-ethylene-glycol', product: 'Coal-to-ethylene glycol', unit: 'kgce/t', benchmark: 1000, baseline: 1350 }] },
    {
      area: 'Synthetic ammonia',
      shares: s('~7 %', '~19 %', '15 %'),
      rows: [
        { slug: 'ammonia-anthracite-lump', product: 'High-quality anthracite lump', unit: 'kgce/t', benchmark: 1100, baseline: 1350 },
        { slug: 'ammonia-other-lump', product: 'Other anthracite lump, briquette', unit: 'kgce/t', benchmark: 1200, baseline: 1520 },
        { slug: 'ammonia-pulverised', product: 'Pulverised coal (incl. anthracite fines, bituminous)', unit: 'kgce/t', benchmark: 1350, baseline: 1550 },
        { slug: 'ammonia-natural-gas', product: 'Natural gas', unit: 'kgce/t', benchmark: 1000, baseline: 1200 },
      ],
    },
    { area: 'Calcium carbide', shares: s('~3 %', '~25 %', '30 %'), rows: [{ slug: 'calcium-carbide', product: 'Calcium carbide', unit: 'kgce/t', benchmark: 805, baseline: 940 }] },
    {
      area: 'Caustic soda (ion membrane)',
      shares: s('~15 %', '~25 %', '40 %'),
      rows: [
        { slug: 'caustic-liquid-30', product: 'Liquid ≥ 30 %', unit: 'kgce/t', benchmark: 315, baseline: 350 },
        { slug: 'caustic-liquid-45', product: 'Liquid ≥ 45 %', unit: 'kgce/t', benchmark: 420, baseline: 470 },
        { slug: 'caustic-solid-98', product: 'Solid ≥ 98 %', unit: 'kgce/t', benchmark: 620, baseline: 685 },
      ],
    },
    {
      area: 'Soda ash',
      shares: s('~36 %', '~10 %', '50 %'),
      rows: [
        { slug: 'soda-ash-ammonia-light', product: 'Ammonia-soda, light', unit: 'kgce/t', benchmark: 320, baseline: 370 },
        { slug: 'soda-ash-combined-light', product: 'Combined process (联碱), light', unit: 'kgce/t', benchmark: 160, baseline: 245 },
        { slug: 'soda-ash-ammonia-dense', product: 'Ammonia-soda, dense', unit: 'kgce/t', benchmark: 390, baseline: 420 },
        { slug: 'soda-ash-combined-dense', product: 'Combined process, dense', unit: 'kgce/t', benchmark: 210, baseline: 295 },
      ],
    },
    {
      area: 'Monoammonium phosphate (MAP)',
      shares: s('~20 %', '~55 %', '30 %'),
      rows: [
        { slug: 'map-traditional-granular', product: 'Traditional process, granular', unit: 'kgce/t', benchmark: 255, baseline: 275 },
        { slug: 'map-traditional-powder', product: 'Traditional process, powder', unit: 'kgce/t', benchmark: 240, baseline: 260 },
        { slug: 'map-slurry-granular', product: 'Slurry process, granular', unit: 'kgce/t', benchmark: 170, baseline: 190 },
        { slug: 'map-slurry-powder', product: 'Slurry process, powder', unit: 'kgce/t', benchmark: 165, baseline: 185 },
      ],
    },
    {
      area: 'Diammonium phosphate (DAP)',
      rows: [
        { slug: 'dap-traditional-granular', product: 'Traditional process, granular', unit: 'kgce/t', benchmark: 250, baseline: 275 },
        { slug: 'dap-slurry-granular', product: 'Slurry process, granular', unit: 'kgce/t', benchmark: 185, baseline: 200 },
      ],
    },
    { area: 'Yellow phosphorus', shares: s('~25 %', '~30 %', '30 %'), rows: [{ slug: 'yellow-phosphorus', product: 'Yellow phosphorus', unit: 'kgce/t', benchmark: 2300, baseline: 2800 }] },
    { area: 'Cement clinker', shares: s('~5 %', '~24 %', '30 %'), rows: [{ slug: 'cement-clinker', product: 'Comparable clinker, comprehensive', unit: 'kgce/t', benchmark: 100, baseline: 117 }] },
    {
      area: 'Flat glass',
      shares: s('< 5 %', '~8 %', '20 %'),
      rows: [
        { slug: 'flat-glass-over-800', product: '> 800 t/d', unit: 'kgce/weight box', benchmark: 8, baseline: 12 },
        { slug: 'flat-glass-500-800', product: '500–800 t/d', unit: 'kgce/weight box', benchmark: 9.5, baseline: 13.5 },
      ],
    },
    {
      area: 'Ceramic tiles',
      shares: s('< 5 %', '< 5 %', '30 %'),
      rows: [
        { slug: 'tiles-absorption-le-0.5', product: 'Water absorption ≤ 0.5 %', unit: 'kgce/m²', benchmark: 4, baseline: 7 },
        { slug: 'tiles-absorption-0.5-10', product: 'Water absorption 0.5–10 %', unit: 'kgce/m²', benchmark: 3.7, baseline: 4.6 },
        { slug: 'tiles-absorption-gt-10', product: 'Water absorption > 10 %', unit: 'kgce/m²', benchmark: 3.5, baseline: 4.5 },
      ],
    },
    { area: 'Sanitary ceramics', rows: [{ slug: 'sanitary-ceramics', product: 'Sanitary ceramics', unit: 'kgce/t', benchmark: 300, baseline: 630 }] },
    { area: 'Ironmaking', shares: s('~4 %', '~30 %', '30 %'), rows: [{ slug: 'ironmaking-blast-furnace', product: 'Blast-furnace process', unit: 'kgce/t', benchmark: 361, baseline: 435 }] },
    {
      area: 'Steelmaking',
      shares: s('~6 %', '~30 %', '30 %'),
      rows: [
        { slug: 'steelmaking-converter', product: 'Converter process', unit: 'kgce/t', benchmark: -30, baseline: -10 },
        { slug: 'steelmaking-eaf-30-50', product: 'EAF, 30 t < capacity < 50 t', unit: 'kgce/t', benchmark: 67, baseline: 86 },
        { slug: 'steelmaking-eaf-ge-50', product: 'EAF, ≥ 50 t', unit: 'kgce/t', benchmark: 61, baseline: 72 },
      ],
    },
    {
      area: 'Coking',
      shares: s('~2 %', '~40 %', '> 30 %'),
      rows: [
        { slug: 'coking-top-charged', product: 'Top-charged oven', unit: 'kgce/t', benchmark: 110, baseline: 135 },
        { slug: 'coking-stamp-charged', product: 'Stamp-charged oven', unit: 'kgce/t', benchmark: 110, baseline: 140 },
      ],
    },
    {
      area: 'Ferroalloys',
      shares: s('~4 %', '~30 %', '30 %'),
      rows: [
        { slug: 'ferrosilicon', product: 'Ferrosilicon', unit: 'kgce/t', benchmark: 1770, baseline: 1900, note: 'baseline corrected to 1,900 in verification pass 2 (domain.md §5.3).' },
        { slug: 'silicomanganese', product: 'Silicomanganese', unit: 'kgce/t', benchmark: 860, baseline: 950 },
        { slug: 'high-carbon-ferrochrome', product: 'High-carbon ferrochrome', unit: 'kgce/t', benchmark: 710, baseline: 800 },
      ],
    },
    { area: 'Copper smelting', shares: s('~40 %', '~10 %', '50 %'), rows: [{ slug: 'copper-smelting', product: 'Concentrate → cathode', unit: 'kgce/t', benchmark: 260, baseline: 380 }] },
    { area: 'Lead smelting', shares: s('~40 %', '~10 %', '50 %'), rows: [{ slug: 'lead-smelting', product: 'Crude-lead process', unit: 'kgce/t', benchmark: 230, baseline: 300 }] },
    {
      area: 'Zinc smelting',
      shares: s('~30 %', '~15 %', '50 %'),
      rows: [{ slug: 'zinc-smelting', product: 'Hydrometallurgy, concentrate → zinc ingot, with pyro treatment of leach residue', unit: 'kgce/t', benchmark: 1100, baseline: 1280 }],
    },
    { area: 'Electrolytic aluminium', shares: s('~10 %', '~20 %', '30 %'), rows: [{ slug: 'electrolytic-aluminium', product: 'Molten Al, AC power', unit: 'kWh/t', benchmark: 13000, baseline: 13350 }] },
  ],
});

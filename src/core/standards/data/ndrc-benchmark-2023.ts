// NDRC benchmark and baseline levels, 2023 edition (发改产业〔2023〕723号): no primary copy found;
// only the rows domain.md §5.3 records, each with its own tag. The 11 areas added in 2023 and any
// other changes to the original 25 are not known and are not encoded.
import { defineBenchmarkEdition } from '../benchmark-edition.ts';
import type { BenchmarkEdition } from '../benchmark-edition.ts';

const blog = 'domain.md §5.3; zjferroalloy blog [S]';
const demo = 'domain.md §5.3; GitHub demo data file citing 723号, repository not identified (find_string id 63227275886)';

/** The rows of the 2023 NDRC edition that domain.md records (partial). */
export const ndrcBenchmark2023: BenchmarkEdition = defineBenchmarkEdition({
  id: 'NDRC-benchmark',
  version: '2023',
  title: 'Energy-efficiency benchmark and baseline levels in key industrial areas (2023), partial',
  document: '发改产业〔2023〕723号',
  source: 'domain.md §5.3 [S]',
  tag: 'S',
  notes: [
    'Partial: only rows seen in secondary sources are encoded; the 11 areas added in 2023 have no values here.',
    'The new areas must reach the baseline by the end of 2026; the original 25 by the end of 2025.',
  ],
  areas: [
    {
      area: 'Ferroalloys',
      rows: [
        { slug: 'ferrosilicon', product: 'Ferrosilicon', unit: 'kgce/t', benchmark: 1770, baseline: 1850, source: blog, note: 'only if this is the 2023 edition; the 2021 baseline is 1,900.' },
        { slug: 'silicomanganese', product: 'Silicomanganese', unit: 'kgce/t', benchmark: 860, baseline: 950, source: blog },
      ],
    },
    {
      area: 'Iron and steel',
      rows: [
        { slug: 'ironmaking-blast-furnace', product: 'Blast furnace', unit: 'kgce/t', benchmark: 361, baseline: 435, source: `${demo} [S]` },
        { slug: 'steelmaking-converter', product: 'Converter', unit: 'kgce/t', benchmark: -30, baseline: -10, source: `${demo} [S]` },
        {
          slug: 'sintering',
          product: 'Sintering',
          unit: 'kgce/t',
          benchmark: 45,
          baseline: 55,
          tag: 'U',
          source: `${demo} [U]`,
          note: 'probably from GB 21256-2013, not 723号 (domain.md §5.3).',
        },
        {
          slug: 'pelletising',
          product: 'Pelletising',
          unit: 'kgce/t',
          benchmark: 15,
          baseline: 36,
          tag: 'U',
          source: `${demo} [U]`,
          note: 'probably from GB 21256-2013, not 723号 (domain.md §5.3).',
        },
      ],
    },
    { area: 'Coking', rows: [{ slug: 'coking-stamp-charged', product: 'Stamp-charged oven', unit: 'kgce/t', benchmark: 110, baseline: 140, source: `${demo} [S]` }] },
  ],
});

import type { GridRegion } from './grid-factors.ts';
import type { Provenance } from './sourced-value.ts';

/**
 * Which regional grid each province (GB/T 2260 two-digit code) belongs to, for falling back from a
 * missing provincial factor to its regional grid. domain.md does not give this table, so it is [U].
 *
 * Left out on purpose, so that they fall back to the national factor instead of a wrong region:
 * - 15 Inner Mongolia: split between the North China grid (west) and the Northeast grid (east), which a
 *   province code cannot express.
 * - 54 Tibet, 71 Taiwan, 81 Hong Kong, 82 Macao.
 * 50 Chongqing and 51 Sichuan are in the Southwest grid, not Central China: the statistical factors of
 * domain.md §6.2 list a separate Southwest grid (0.2268 / 0.2472), and Sichuan's own value (0.1564 in
 * 2023) is far from Central China's (0.5271). The older six-grid division put them in Central China.
 */
export const provinceGridRegions: Provenance & { readonly regions: Readonly<Record<string, GridRegion>> } = {
  source:
    'Background knowledge of the China regional grid division (State Grid regional branches and China Southern Grid); ' +
    'not in domain.md',
  tag: 'U',
  verified: false,
  regions: {
    '11': 'north-china',
    '12': 'north-china',
    '13': 'north-china',
    '14': 'north-china',
    '37': 'north-china',
    '21': 'northeast',
    '22': 'northeast',
    '23': 'northeast',
    '31': 'east-china',
    '32': 'east-china',
    '33': 'east-china',
    '34': 'east-china',
    '35': 'east-china',
    '41': 'central-china',
    '42': 'central-china',
    '43': 'central-china',
    '36': 'central-china',
    '50': 'southwest',
    '51': 'southwest',
    '61': 'northwest',
    '62': 'northwest',
    '63': 'northwest',
    '64': 'northwest',
    '65': 'northwest',
    '44': 'south',
    '45': 'south',
    '46': 'south',
    '52': 'south',
    '53': 'south',
  },
};

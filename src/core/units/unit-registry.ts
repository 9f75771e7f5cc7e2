import { validationError } from '../errors.ts';

/**
 * The runtime registry of units: each unit belongs to one dimension and carries its size relative to
 * the base unit of that dimension, so that a unit string from input can be validated and converted
 * within its dimension only.
 *
 * Electricity (kWh) and heat (MJ) are kept as separate dimensions on purpose: GB/T 2589-2020 converts
 * them to coal equivalent with different coefficients (domain.md §6.1), so a silent kWh -> MJ step
 * would hide an accounting choice. Likewise m3 (volume at the stated state) and Nm3 (normal cubic
 * metres) are separate dimensions; accounting decides explicitly where one may stand for the other.
 */
export const unitRegistry = {
  kWh: { dimension: 'electric-energy', toBase: 1, label: 'kilowatt-hour' },
  MWh: { dimension: 'electric-energy', toBase: 1_000, label: 'megawatt-hour' },
  kJ: { dimension: 'heat', toBase: 1, label: 'kilojoule' },
  MJ: { dimension: 'heat', toBase: 1_000, label: 'megajoule' },
  GJ: { dimension: 'heat', toBase: 1_000_000, label: 'gigajoule' },
  kgce: { dimension: 'coal-equivalent', toBase: 1, label: 'kilogram of coal equivalent' },
  tce: { dimension: 'coal-equivalent', toBase: 1_000, label: 'tonne of coal equivalent' },
  kg: { dimension: 'mass', toBase: 1, label: 'kilogram' },
  t: { dimension: 'mass', toBase: 1_000, label: 'tonne' },
  m3: { dimension: 'volume', toBase: 1, label: 'cubic metre' },
  Nm3: { dimension: 'normal-volume', toBase: 1, label: 'normal cubic metre' },
  '10^4 Nm3': {
    dimension: 'normal-volume',
    toBase: 10_000,
    label: 'ten thousand normal cubic metres (万Nm³)',
  },
  kgCO2: { dimension: 'co2-mass', toBase: 1, label: 'kilogram of CO2' },
  tCO2: { dimension: 'co2-mass', toBase: 1_000, label: 'tonne of CO2' },
  kgCO2e: { dimension: 'co2e-mass', toBase: 1, label: 'kilogram of CO2 equivalent' },
  tCO2e: { dimension: 'co2e-mass', toBase: 1_000, label: 'tonne of CO2 equivalent' },
} as const satisfies Record<string, { dimension: string; toBase: number; label: string }>;

/** A unit string known to the registry. */
export type Unit = keyof typeof unitRegistry;

/** A physical dimension; only units of the same dimension convert into each other. */
export type Dimension = (typeof unitRegistry)[Unit]['dimension'];

/** The dimension of unit U, at the type level. */
export type DimensionOf<U extends Unit> = (typeof unitRegistry)[U]['dimension'];

/** The units of dimension D, at the type level. */
export type UnitOf<D extends Dimension> = {
  [K in Unit]: DimensionOf<K> extends D ? K : never;
}[Unit];

/** Every known unit, in registry order. */
export const units: readonly Unit[] = Object.keys(unitRegistry) as Unit[];

// Common spellings seen in Chinese energy statements and spreadsheets, mapped to the canonical unit.
const aliases: Readonly<Record<string, Unit>> = {
  'kW·h': 'kWh',
  'kW.h': 'kWh',
  'kW h': 'kWh',
  'MW·h': 'MWh',
  'm³': 'm3',
  'Nm³': 'Nm3',
  万Nm3: '10^4 Nm3',
  '万Nm³': '10^4 Nm3',
  '10^4Nm3': '10^4 Nm3',
  '10⁴ Nm³': '10^4 Nm3',
  '10⁴Nm³': '10^4 Nm3',
  tCO2eq: 'tCO2e',
  'tCO₂': 'tCO2',
  'kgCO₂': 'kgCO2',
  'tCO₂e': 'tCO2e',
  'kgCO₂e': 'kgCO2e',
};

/** Tells whether a string is a canonical unit of the registry. */
export function isUnit(value: unknown): value is Unit {
  return typeof value === 'string' && Object.hasOwn(unitRegistry, value);
}

/**
 * Parses a unit string from input (canonical spelling or a known alias such as 'm³' or '万Nm3') into a
 * registry unit, failing with GM_VALIDATION for an unknown unit.
 */
export function parseUnit(raw: string, field = 'unit'): Unit {
  const trimmed = raw.trim();
  if (isUnit(trimmed)) return trimmed;
  const alias = aliases[trimmed];
  if (alias !== undefined) return alias;
  throw validationError(
    [{ field, message: `unknown unit "${raw}"; known units: ${units.join(', ')}`, value: raw }],
    'unit',
  );
}

/** Returns the physical dimension of a unit (e.g. 'electric-energy' for kWh). */
export function unitDimension<U extends Unit>(unit: U): DimensionOf<U> {
  return unitRegistry[unit].dimension;
}

/** Tells whether two units measure the same dimension and so may be converted into each other. */
export function sameDimension(a: Unit, b: Unit): boolean {
  return unitRegistry[a].dimension === unitRegistry[b].dimension;
}

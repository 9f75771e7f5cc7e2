import { GmError, validationError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';
import {
  defaultEqualValueSeries,
  energyConversionCoefficients,
} from '../standards/coefficients/energy-conversion-coefficients.ts';
import type {
  CoefficientUnit,
  EnergyCoefficientSet,
  EnergyMedium,
  EnergyMediumCoefficient,
} from '../standards/coefficients/energy-conversion-coefficients.ts';
import { isRange } from '../standards/coefficients/sourced-value.ts';
import type { Tag } from '../standards/coefficients/sourced-value.ts';
import { kgceToTce } from '../units/convert-unit.ts';
import { kgce, quantity, sum, tce } from '../units/quantity.ts';
import type { Quantity } from '../units/quantity.ts';
import { isUnit } from '../units/unit-registry.ts';
import type { Unit } from '../units/unit-registry.ts';
import { quantityIn } from './quantity-in.ts';

/**
 * The role of an energy flow at the boundary of the accounting unit (GB/T 2589-2020, domain.md §6.1):
 * purchased energy and self-produced primary energy count in, energy supplied outside the boundary
 * counts out, and energy used as feedstock (原料用能) is reported apart. A feedstock entry is a separate
 * quantity: do not also include it in a purchased entry.
 */
export type EnergyRole = 'purchased' | 'self-produced-primary' | 'exported' | 'feedstock';

/** How electricity is converted: equivalent (calorific) value 当量值, or the year's equal-value 等价值. */
export type ElectricityMethod = 'equivalent' | 'equal-value';

/** One energy flow: a medium, its role and its physical quantity (never negative). */
export interface EnergyEntry {
  readonly medium: EnergyMedium;
  readonly role: EnergyRole;
  readonly quantity: Quantity<Unit>;
  /** Measured net calorific value, kJ per one `per` unit; preferred over the reference coefficient. */
  readonly measuredNcv?: { readonly kj: number; readonly per: Unit };
  readonly label?: string;
}

/** Options of the calculation; the defaults are the equivalent value and the GB/T 2589-2020 set. */
export interface ComprehensiveEnergyOptions {
  readonly electricityMethod?: ElectricityMethod;
  /** Required for the equal-value method: the year whose thermal-power coal consumption applies. */
  readonly year?: number;
  /** Equal-value series; defaults to the NDRC 1519号 supply coal consumption. */
  readonly equalValueSeries?: string;
  readonly coefficients?: EnergyCoefficientSet;
}

/** The coefficient a line was converted with, and where it comes from. */
export interface CoefficientUsed {
  readonly basis: 'reference' | 'measured-ncv' | 'electricity-equivalent' | 'electricity-equal-value';
  readonly value: number;
  readonly unit: CoefficientUnit;
  readonly source: string;
  readonly tag: Tag;
  readonly verified: boolean;
  readonly year?: number;
  readonly series?: string;
}

/** One converted entry. */
export interface EnergyLine {
  readonly index: number;
  readonly medium: EnergyMedium;
  readonly role: EnergyRole;
  readonly quantity: Quantity<Unit>;
  readonly coefficient: CoefficientUsed;
  readonly tce: Quantity<'tce'>;
  readonly label?: string;
}

/** Per-medium subtotals, in tce. `net` = purchased + self-produced − exported (feedstock apart). */
export interface MediumSubtotal {
  readonly medium: EnergyMedium;
  readonly purchased: Quantity<'tce'>;
  readonly selfProduced: Quantity<'tce'>;
  readonly exported: Quantity<'tce'>;
  readonly feedstock: Quantity<'tce'>;
  readonly net: Quantity<'tce'>;
}

/** The comprehensive energy consumption with its breakdown. */
export interface ComprehensiveEnergyResult {
  /** purchased + self-produced primary − exported; feedstock is not included. */
  readonly total: Quantity<'tce'>;
  readonly purchased: Quantity<'tce'>;
  readonly selfProduced: Quantity<'tce'>;
  readonly exported: Quantity<'tce'>;
  /** Energy used as feedstock (原料用能), reported apart. */
  readonly feedstock: Quantity<'tce'>;
  readonly byMedium: readonly MediumSubtotal[];
  readonly lines: readonly EnergyLine[];
  readonly electricityMethod: ElectricityMethod;
  readonly coefficientSet: string;
  /** True when any [U] (unverified) coefficient was used. */
  readonly usesUnverified: boolean;
  /** Interpretations applied (for example Nm³ read as the table's m³), each stated once. */
  readonly notes: readonly string[];
}

const roles: readonly EnergyRole[] = ['purchased', 'self-produced-primary', 'exported', 'feedstock'];

function perUnitOf(unit: CoefficientUnit): Unit {
  const per = unit.slice('kgce/'.length);
  if (!isUnit(per)) throw new GmError('GM_INTERNAL', `coefficient unit ${unit} has no known physical unit`);
  return per;
}

function validateEntries(entries: readonly EnergyEntry[], set: EnergyCoefficientSet): void {
  const issues: FieldIssue[] = [];
  entries.forEach((entry, i) => {
    const at = `entries[${i}]`;
    if (!roles.includes(entry.role))
      issues.push({ field: `${at}.role`, message: `must be one of ${roles.join(', ')}`, value: entry.role });
    if (!Number.isFinite(entry.quantity.value) || entry.quantity.value < 0) {
      issues.push({
        field: `${at}.quantity`,
        message: 'must be a finite quantity of at least 0 (the role says whether it counts in or out)',
        value: entry.quantity.value,
      });
    }
    const ncv = entry.measuredNcv;
    if (ncv !== undefined) {
      if (!Number.isFinite(ncv.kj) || ncv.kj <= 0)
        issues.push({ field: `${at}.measuredNcv.kj`, message: 'must be a positive number', value: ncv.kj });
      if (!isUnit(ncv.per))
        issues.push({ field: `${at}.measuredNcv.per`, message: 'must be a known unit', value: ncv.per });
      const medium: EnergyMediumCoefficient | undefined = Object.hasOwn(set.media, entry.medium)
        ? set.media[entry.medium]
        : undefined;
      if (medium !== undefined && medium.kind !== 'fuel' && medium.kind !== 'steam') {
        issues.push({
          field: `${at}.measuredNcv`,
          message: `a measured calorific value does not apply to ${medium.kind}`,
          value: ncv,
        });
      }
    }
  });
  if (issues.length > 0) throw validationError(issues, 'energy entries');
}

interface Converted {
  readonly coefficient: CoefficientUsed;
  readonly kgce: number;
  readonly note?: string;
}

function convertEntry(
  entry: EnergyEntry,
  i: number,
  set: EnergyCoefficientSet,
  options: ComprehensiveEnergyOptions,
  method: ElectricityMethod,
): Converted {
  const field = `entries[${i}].quantity`;
  if (!Object.hasOwn(set.media, entry.medium)) {
    throw new GmError('GM_COEFFICIENT_NOT_FOUND', `No ${set.id} coefficient for medium "${entry.medium}"`, {
      field: `entries[${i}].medium`,
      medium: entry.medium,
      available: Object.keys(set.media),
    });
  }
  const medium = set.media[entry.medium];
  const reference = medium.coefficient;
  const tableUnit = perUnitOf(reference.unit);

  if (entry.measuredNcv !== undefined) {
    // GB/T 2589-2020: the enterprise's measured calorific value takes precedence over the reference
    // coefficient; kgce = quantity × NCV (kJ per unit) / 29,307 kJ per kgce.
    const { kj, per } = entry.measuredNcv;
    quantityIn(entry.quantity, tableUnit, medium, field); // the quantity itself must fit the medium
    quantityIn(quantity(1, per), tableUnit, medium, `entries[${i}].measuredNcv.per`); // and so must the NCV's unit
    const fitted = quantityIn(entry.quantity, per, medium, field);
    const value = kj / set.kjPerKgce.value;
    return {
      coefficient: {
        basis: 'measured-ncv',
        value,
        unit: `kgce/${per}`,
        source: `measured net calorific value ${kj} kJ/${per} ÷ ${set.kjPerKgce.value} kJ/kgce (${set.kjPerKgce.source})`,
        tag: set.kjPerKgce.tag,
        verified: set.kjPerKgce.verified,
      },
      kgce: fitted.value * value,
      ...(fitted.note === undefined ? {} : { note: fitted.note }),
    };
  }

  const fitted = quantityIn(entry.quantity, tableUnit, medium, field);
  const withNote = fitted.note === undefined ? {} : { note: fitted.note };

  if (medium.kind === 'electricity' && method === 'equal-value') {
    if (options.year === undefined) {
      throw validationError(
        [
          {
            field: 'options.year',
            message: 'the equal-value method needs the year of the thermal-power coal consumption',
          },
        ],
        'options',
      );
    }
    const series = options.equalValueSeries ?? defaultEqualValueSeries;
    const equal = set.electricityEqualValue.find((e) => e.year === options.year && e.series === series);
    if (equal === undefined) {
      throw new GmError(
        'GM_COEFFICIENT_NOT_FOUND',
        `No equal-value electricity coefficient for ${options.year} in series "${series}"`,
        {
          year: options.year,
          series,
          available: set.electricityEqualValue.map((e) => ({ year: e.year, series: e.series })),
        },
      );
    }
    return {
      coefficient: {
        basis: 'electricity-equal-value',
        value: equal.value,
        unit: equal.unit,
        source: equal.source,
        tag: equal.tag,
        verified: equal.verified,
        year: equal.year,
        series: equal.series,
      },
      kgce: fitted.value * equal.value,
      ...withNote,
    };
  }

  if (isRange(reference)) {
    throw new GmError(
      'GM_COEFFICIENT_NOT_FOUND',
      `${set.id} gives only a range for ${entry.medium} (${reference.value.min}-${reference.value.max} ${reference.unit}); supply the measured calorific value`,
      { field: `entries[${i}].measuredNcv`, medium: entry.medium, range: reference.value },
    );
  }
  return {
    coefficient: {
      basis: medium.kind === 'electricity' ? 'electricity-equivalent' : 'reference',
      value: reference.value,
      unit: reference.unit,
      source: reference.source,
      tag: reference.tag,
      verified: reference.verified,
    },
    kgce: fitted.value * reference.value,
    ...withNote,
  };
}

/**
 * Comprehensive energy consumption per GB/T 2589-2020 (domain.md §6.1): each flow converted to tce with
 * the measured calorific value where given, else the reference coefficient (electricity by equivalent
 * value unless the equal-value method and its year are chosen); total = purchased + self-produced
 * primary − supplied outside, with feedstock energy reported apart.
 */
export function comprehensiveEnergy(
  entries: readonly EnergyEntry[],
  options: ComprehensiveEnergyOptions = {},
): ComprehensiveEnergyResult {
  const set = options.coefficients ?? energyConversionCoefficients;
  const method = options.electricityMethod ?? 'equivalent';
  if (method !== 'equivalent' && method !== 'equal-value') {
    throw validationError(
      [
        {
          field: 'options.electricityMethod',
          message: "must be 'equivalent' or 'equal-value'",
          value: method,
        },
      ],
      'options',
    );
  }
  validateEntries(entries, set);

  const notes = new Set<string>();
  const lines: EnergyLine[] = entries.map((entry, index) => {
    const converted = convertEntry(entry, index, set, options, method);
    if (converted.note !== undefined) notes.add(converted.note);
    if (converted.coefficient.basis === 'electricity-equal-value') {
      notes.add(
        'Equal-value electricity: which series a policy context uses is unconfirmed (domain.md §6.1); the series is named on each line.',
      );
    }
    return {
      index,
      medium: entry.medium,
      role: entry.role,
      quantity: entry.quantity,
      coefficient: converted.coefficient,
      tce: kgceToTce(kgce(converted.kgce)),
      ...(entry.label === undefined ? {} : { label: entry.label }),
    };
  });

  const subtotal = (of: readonly EnergyLine[], role: EnergyRole): Quantity<'tce'> =>
    sum(
      'tce',
      of.filter((l) => l.role === role).map((l) => l.tce),
    );
  const totals = (of: readonly EnergyLine[]) => {
    const purchased = subtotal(of, 'purchased');
    const selfProduced = subtotal(of, 'self-produced-primary');
    const exported = subtotal(of, 'exported');
    const feedstock = subtotal(of, 'feedstock');
    return {
      purchased,
      selfProduced,
      exported,
      feedstock,
      net: tce(purchased.value + selfProduced.value - exported.value),
    };
  };

  const media = [...new Set(lines.map((l) => l.medium))];
  const byMedium = media.map((medium) => ({ medium, ...totals(lines.filter((l) => l.medium === medium)) }));
  const all = totals(lines);
  return {
    total: all.net,
    purchased: all.purchased,
    selfProduced: all.selfProduced,
    exported: all.exported,
    feedstock: all.feedstock,
    byMedium,
    lines,
    electricityMethod: method,
    coefficientSet: set.id,
    usesUnverified: lines.some((l) => !l.coefficient.verified),
    notes: [...notes],
  };
}

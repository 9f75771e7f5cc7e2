import { GmError, validationError } from '../errors.ts';
import { gridFactor, gridFactorById } from '../standards/coefficients/grid-factor.ts';
import type { GridFactorQuery, GridFactorResolution } from '../standards/coefficients/grid-factor.ts';
import type { SourcedValue } from '../standards/coefficients/sourced-value.ts';
import { convertUnit, kgco2ToTco2 } from '../units/convert-unit.ts';
import { kgco2, sum, tco2 } from '../units/quantity.ts';
import type { Quantity } from '../units/quantity.ts';

/** A grid factor chosen by lookup (with explicit fallback) or fixed by its id. */
export type GridFactorChoice = GridFactorQuery | { readonly id: string };

/** Purchased electricity and heat of the accounting unit, and the factors to apply. */
export interface Scope2Input {
  readonly electricity: Quantity<'kWh' | 'MWh'>;
  readonly factor: GridFactorChoice;
  readonly heat?: Quantity<'kJ' | 'MJ' | 'GJ'>;
  /** domain.md gives no heat factor, so purchased heat needs one supplied with its source and tag. */
  readonly heatFactor?: SourcedValue<'tCO2/GJ'>;
}

/** Indirect CO2 from purchased electricity and heat, with the factors used. */
export interface Scope2Result {
  readonly total: Quantity<'tCO2'>;
  readonly electricity: {
    readonly quantity: Quantity<'kWh'>;
    readonly resolution: GridFactorResolution;
    readonly co2: Quantity<'tCO2'>;
  };
  readonly heat?: {
    readonly quantity: Quantity<'GJ'>;
    readonly factor: SourcedValue<'tCO2/GJ'>;
    readonly co2: Quantity<'tCO2'>;
  };
  /** True when the grid factor, the province-to-grid mapping used to find it, or the heat factor is [U]. */
  readonly usesUnverified: boolean;
}

function resolve(choice: GridFactorChoice): GridFactorResolution {
  if ('id' in choice) {
    const factor = gridFactorById(choice.id);
    return {
      factor,
      level: factor.level,
      exact: true,
      explanation: `used ${factor.id} as chosen`,
      usesUnverified: !factor.verified,
    };
  }
  return gridFactor(choice);
}

/**
 * Scope 2 CO2 from purchased electricity (kWh × grid factor in kgCO2/kWh, domain.md §6.2, with the
 * factor and any fallback reported) and from purchased heat (GJ × a supplied tCO2/GJ factor).
 */
export function scope2Co2(input: Scope2Input): Scope2Result {
  const { electricity, heat, heatFactor } = input;
  if (electricity.unit !== 'kWh' && electricity.unit !== 'MWh') {
    throw new GmError(
      'GM_UNIT_MISMATCH',
      `electricity: expected kWh or MWh, got ${String(electricity.unit)}`,
      { field: 'electricity' },
    );
  }
  if (!Number.isFinite(electricity.value) || electricity.value < 0) {
    throw validationError(
      [
        {
          field: 'electricity',
          message: 'must be a finite quantity of at least 0',
          value: electricity.value,
        },
      ],
      'scope 2 input',
    );
  }
  const resolution = resolve(input.factor);
  if (resolution.factor.purpose === 'product-footprint') {
    throw validationError(
      [
        {
          field: 'factor',
          message:
            'product-footprint factors (kgCO2e/kWh) are for product carbon footprints, not scope 2 accounting',
          value: resolution.factor.id,
        },
      ],
      'scope 2 input',
    );
  }
  const kwhUsed = convertUnit(electricity, 'kWh');
  const electricityCo2 = kgco2ToTco2(kgco2(kwhUsed.value * resolution.factor.value));

  let heatPart: Scope2Result['heat'];
  if (heat !== undefined) {
    if (heat.unit !== 'kJ' && heat.unit !== 'MJ' && heat.unit !== 'GJ') {
      throw new GmError('GM_UNIT_MISMATCH', `heat: expected kJ, MJ or GJ, got ${String(heat.unit)}`, {
        field: 'heat',
      });
    }
    if (!Number.isFinite(heat.value) || heat.value < 0) {
      throw validationError(
        [{ field: 'heat', message: 'must be a finite quantity of at least 0', value: heat.value }],
        'scope 2 input',
      );
    }
    if (heatFactor === undefined) {
      throw new GmError(
        'GM_COEFFICIENT_NOT_FOUND',
        'No heat emission factor: domain.md gives none; supply heatFactor (tCO2/GJ) with its source',
        {
          field: 'heatFactor',
        },
      );
    }
    if (heatFactor.unit !== 'tCO2/GJ' || !Number.isFinite(heatFactor.value) || heatFactor.value < 0) {
      throw validationError(
        [{ field: 'heatFactor', message: 'must be a non-negative value in tCO2/GJ', value: heatFactor }],
        'scope 2 input',
      );
    }
    const gjUsed = convertUnit(heat, 'GJ');
    heatPart = { quantity: gjUsed, factor: heatFactor, co2: tco2(gjUsed.value * heatFactor.value) };
  }

  return {
    total: sum('tCO2', heatPart === undefined ? [electricityCo2] : [electricityCo2, heatPart.co2]),
    electricity: { quantity: kwhUsed, resolution, co2: electricityCo2 },
    ...(heatPart === undefined ? {} : { heat: heatPart }),
    usesUnverified: resolution.usesUnverified || (heatPart !== undefined && !heatPart.factor.verified),
  };
}

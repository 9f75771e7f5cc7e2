import { validationError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';

/** A co-product of a multi-output process, with what economic and physical allocation need. */
export interface CoProduct {
  /** Output per unit of the process, in the co-product's own unit. */
  readonly quantity: number;
  /** Price per unit of the co-product (economic allocation). */
  readonly price?: number;
  /** Physical property per unit, e.g. mass in kg or energy content in MJ (physical allocation). */
  readonly property?: number;
}

/** The basis of co-product allocation (ISO 14044:2006, 4.3.4.2, step 2). */
export type AllocationBasis = 'economic' | 'physical';

/**
 * Allocation factors proportional to non-negative weights; they sum to 1. Dividing by the sum
 * (rather than fixing up the last factor) keeps every factor within one rounding of w_k / sum.
 */
export function allocationFactorsFromWeights(weights: readonly number[]): Float64Array {
  const issues: FieldIssue[] = [];
  weights.forEach((w, k) => {
    if (!Number.isFinite(w) || w < 0)
      issues.push({ field: `weights[${k}]`, message: 'must be a finite number >= 0', value: w });
  });
  if (weights.length === 0) issues.push({ field: 'weights', message: 'at least one co-product is required' });
  if (issues.length > 0) throw validationError(issues, 'allocation');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0) || !Number.isFinite(sum)) {
    throw validationError(
      [{ field: 'weights', message: 'must have a positive, finite sum', value: sum }],
      'allocation',
    );
  }
  return Float64Array.from(weights, (w) => w / sum);
}

/**
 * Allocation factors of a multi-output process's co-products: economic (quantity x price) or
 * physical (quantity x property), each factor the co-product's share of the process's burdens.
 */
export function allocationFactors(coProducts: readonly CoProduct[], basis: AllocationBasis): Float64Array {
  const issues: FieldIssue[] = [];
  const weights = coProducts.map((p, k) => {
    const perUnit = basis === 'economic' ? p.price : p.property;
    const field = basis === 'economic' ? 'price' : 'property';
    if (perUnit === undefined) {
      issues.push({ field: `coProducts[${k}].${field}`, message: `is required for ${basis} allocation` });
      return 0;
    }
    if (!Number.isFinite(p.quantity) || p.quantity < 0) {
      issues.push({
        field: `coProducts[${k}].quantity`,
        message: 'must be a finite number >= 0',
        value: p.quantity,
      });
    }
    return p.quantity * perUnit;
  });
  if (issues.length > 0) throw validationError(issues, 'allocation');
  return allocationFactorsFromWeights(weights);
}

/** Splits a process's burden (an emission, an input amount) among co-products by their factors. */
export function allocate(total: number, factors: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: factors.length }, (_, k) => total * factors[k]!);
}

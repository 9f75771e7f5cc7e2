export * from './sourced-value.ts';
export * from './energy-conversion-coefficients.ts';
export * from './grid-factors.ts';
export * from './province-grid-regions.ts';
export * from './grid-factor.ts';
export * from './fuel-factors.ts';
export * from './fuel-emission-factor.ts';

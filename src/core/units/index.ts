export * from './unit-registry.ts';
export * from './quantity.ts';
export * from './convert-unit.ts';
export * from './round.ts';
export * from './ids.ts';

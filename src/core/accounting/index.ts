export * from './comprehensive-energy.ts';
export * from './quantity-in.ts';
export * from './unit-product-energy.ts';
export * from './scope1-co2.ts';
export * from './scope2-co2.ts';

export * from './policy-instrument.ts';
export * from './compile-policy-condition.ts';
export * from './policy-catalog.ts';
export * from './match-policies.ts';

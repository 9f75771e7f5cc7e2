export * from './audit-chain.ts';
export * from './civil-date.ts';
export * from './declaration.ts';
export * from './dynamic-management.ts';
export * from './permissions.ts';
export * from './programme-rules.ts';
export * from './sha256.ts';
export * from './transitions.ts';

export * from './types.ts';
export * from './stable-id.ts';
export * from './region-resolver.ts';
export * from './industry-mapping.ts';
export * from './batches.ts';
export * from './list-cleaning.ts';
export * from './parse-list-rows.ts';

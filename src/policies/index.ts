export * from './load.js';
export * from './lookup.js';
export * from './regions.js';
export * from './schema.js';
export * from './table.js';

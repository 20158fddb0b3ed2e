// Kept while other folders move to src/settings/index.ts; removed once nothing imports it.
export * from './settings/index.js';

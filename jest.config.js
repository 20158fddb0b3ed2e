// ESM jest: ts-jest compiles TypeScript as ES modules; `.js` import suffixes map back to the `.ts` sources.
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: ['TS151001'] } },
    ],
  },
  testTimeout: 60000,
  // Real processes and real git: two workers keep a 2-core machine from starving the timing-free tests.
  maxWorkers: 2,
};

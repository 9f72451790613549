// Native ESM: run through `npm test` (node --experimental-vm-modules). Type errors are caught by
// `npm run typecheck` in CI; ts-jest only transpiles here, which keeps the suite fast.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // CommonJS packages that require the ESM-only Nest 12: Node loads them (require(esm)), Jest
    // cannot, so under Jest they are served as ES modules (test/jest/cjs-package.transform.js).
    '^@nestjs/throttler$': '<rootDir>/test/jest/nestjs-throttler.mjs',
  },
  transform: {
    '^.+/test/jest/[^/]+\\.mjs$': '<rootDir>/test/jest/cjs-package.transform.js',
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }],
  },
  // Generous: a loaded 2-core CI machine can take over a minute to boot an app in a beforeAll; a
  // hang still fails, just later.
  testTimeout: 180000,
};

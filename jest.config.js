// Native ESM: run through `npm test` (node --experimental-vm-modules). Type errors are caught by
// `npm run typecheck` in CI; ts-jest only transpiles here, which keeps the suite fast.
import { availableParallelism } from 'node:os';

export default {
  // On PGlite, files run side by side: every test app has an in-memory database of its own, so
  // files share nothing. Two workers even on 2 cores: one process running every file in band grew
  // to about 3 GB and spent its time collecting (measured 2026-12-08 on 2 cores: 11.2 → 5.5 min,
  // 15.6 → 9.5 CPU-minutes). A worker that ends a file above 1 GB is replaced by a fresh one.
  // On PostgreSQL, one at a time: the files' schemas share one cluster, whose oldest transaction
  // holds back every schema's gap-free feed (a relay test saw nothing to publish while another
  // file imported), and the outage test cuts every service connection of the database.
  maxWorkers: process.env.DATABASE_URL ? 1 : Math.min(4, Math.max(2, availableParallelism())),
  workerIdleMemoryLimit: '1GB',
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

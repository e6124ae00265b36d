/**
 * Three projects: `unit` (specs beside the code, no database), `db` (real HTTP against a real
 * database in test/: SQLite always, MySQL/MariaDB when TEST_MYSQL_URL is set; with REQUIRE_MYSQL=1 a
 * missing MySQL fails the run instead of skipping it) and `galera` (test/galera/*.galera-spec.ts:
 * several app instances on the 3 nodes of a Galera cluster named by TEST_GALERA_URLS; skipped without
 * it, failed with REQUIRE_GALERA=1).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  // Real databases, seeds and app instances: seconds, not milliseconds, on a busy 2-core box. Jest reads
  // testTimeout from the top level only (inside a project it was silently ignored: 5 s applied).
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: 'src',
      testRegex: '.*\\.spec\\.ts$',
      transform: { '^.+\\.ts$': swc },
    },
    {
      displayName: 'db',
      testEnvironment: 'node',
      rootDir: 'test',
      testRegex: '.*\\.e2e-spec\\.ts$',
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/galera/'],
      transform: { '^.+\\.ts$': swc },
      globalSetup: '<rootDir>/global-setup.ts',
      setupFiles: ['<rootDir>/setup-env.ts'],
    },
    {
      displayName: 'galera',
      testEnvironment: 'node',
      rootDir: 'test/galera',
      testRegex: '.*\\.galera-spec\\.ts$',
      transform: { '^.+\\.ts$': swc },
      globalSetup: '<rootDir>/global-setup.ts',
      setupFiles: ['<rootDir>/../setup-env.ts'],
    },
  ],
};

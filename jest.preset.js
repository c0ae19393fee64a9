// Shared jest settings. Tests are transpiled only (isolatedModules); `nx typecheck` checks types.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const workspaceRoot = __dirname;

/**
 * @param {string} projectDir absolute path of the project (pass __dirname)
 * @param {'unit' | 'integration' | 'e2e'} kind
 */
function jestConfig(projectDir, kind = 'unit') {
  const pattern = {
    unit: '<rootDir>/**/*.spec.ts',
    integration: '<rootDir>/**/*.integration-spec.ts',
    e2e: '<rootDir>/**/*.e2e-spec.ts',
  }[kind];
  return {
    displayName: `${path.relative(workspaceRoot, projectDir)} (${kind})`,
    rootDir: projectDir,
    testEnvironment: 'node',
    testMatch: [pattern],
    transform: {
      '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(projectDir, 'tsconfig.json') }],
    },
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, {
      prefix: `${workspaceRoot}/`,
    }),
    testTimeout: kind === 'unit' ? 10_000 : 120_000,
    // Integration and e2e suites share one broker and one database: run them one at a time.
    maxWorkers: kind === 'unit' ? '50%' : 1,
  };
}

module.exports = { jestConfig, workspaceRoot };

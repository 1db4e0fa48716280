// Jest runs TypeScript as native ESM (ts-jest ESM preset); the toolkit packages are ESM-only.
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }]
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest }
}
// Every AWS request of the integration and e2e suites is checked against botocore's API models (README, Tests).
const apiModelCheck = {
  setupFilesAfterEnv: ['<rootDir>/test/harness/api-model-jest.ts'],
  globalSetup: '<rootDir>/test/harness/api-model-jest-setup.ts',
  globalTeardown: '<rootDir>/test/harness/api-model-jest-teardown.ts'
}
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    { ...common, ...apiModelCheck, displayName: 'integration', testMatch: ['<rootDir>/__tests__/integration/**/*.test.ts'] },
    { ...common, ...apiModelCheck, displayName: 'e2e', testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'] }
  ]
}

// Browser tests (npm run test:e2e): Debian's Chromium driven by playwright-core
// against the real server. Separate from `npm test` so that one stays fast.
/** @type {import('jest').Config} */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.e2e.ts"],
  extensionsToTreatAsEsm: [".ts"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "es6" } }],
  },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  globalSetup: "<rootDir>/tests/e2e/support/global-setup.mjs",
  testTimeout: 240000,
  // One browser at a time: two cores are shared with the servers under test.
  maxWorkers: 1,
};

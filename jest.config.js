// Three projects. `unit`: pure content, flow, turn and rendering tests, no sockets or child processes; they
// run in seconds (`npm run test:unit`). `exhaustive`: pure too, but they go over every consult the
// statechart allows (every path, every distinct bottom line, the whole case bank). `integration`:
// everything that starts a server, a browser, a store or a process. A new test file is a unit test
// unless its path is listed below.
const exhaustive = [
  'machines/bcbm.paths.test.ts',
  'pathway/consistency.test.ts',
  'view/bottom-line.test.ts',
  'view/outline.test.ts',
  'dialogs/note.test.ts',
  'training/case-bank.test.ts',
  'tools/fhir-consults.test.ts',
];
const integration = [
  'launcher.test.ts', // runs the npm start launcher on a throw-away project
  'http/', // the real server: conversations on every route, bad input, shutdown, durability
  'store/',
  'web/', // the chat page in a real Chromium
  'config.test.ts', // starts the built bot to see it refuse a bad setting
  'bot/teams.test.ts',
  'slack/route.test.ts',
  'slack/rate-limit.test.ts',
  'tools/teams-package.test.ts', // writes zips; validates against the bundled schema
  'training/groups.test.ts',
  'training/records.test.ts',
  'training/train-http.test.ts',
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @type {import('jest').Config} */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // isolatedModules (tsconfig.json): each file is transpiled on its own; the type check runs once in `npm test`.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: [...exhaustive, ...integration].map((p) => `<rootDir>/test/${escape(p)}`),
    },
    {
      ...shared,
      displayName: 'exhaustive',
      testMatch: exhaustive.map((p) => `<rootDir>/test/${p}`),
      // The distinct recommendations three suites read are searched for once (test/view/distinct.ts).
      globalSetup: '<rootDir>/test/support/exhaustive-setup.ts',
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: integration.map((p) => `<rootDir>/test/${p}${p.endsWith('/') ? '**/*.test.ts' : ''}`),
    },
  ],
  // The server, durability and browser tests start real processes; keep the suite on 2 cores predictable.
  maxWorkers: 2,
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};

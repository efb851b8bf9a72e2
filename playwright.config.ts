import { defineConfig, devices } from '@playwright/test';
import { TEST_ANCHOR } from './scripts/simulator/fixture';
import { E2E_PORTS } from './scripts/testing/e2e-ports';

// One hour before the story's "now": the slow burn on cart is under way, everything else is quiet.
process.env.E2E_FIXTURE_TIME ??= String(TEST_ANCHOR - 3600);
process.env.E2E_CONTROL_URL ??= `http://127.0.0.1:${E2E_PORTS.control}`;

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORTS.app}`,
    timezoneId: 'UTC',
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium', args: chromiumArgs },
      },
    },
  ],
  webServer: {
    command: 'npx tsx scripts/testing/e2e-server.ts',
    url: `http://127.0.0.1:${E2E_PORTS.app}/api/healthz`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});

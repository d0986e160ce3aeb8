import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// The e2e server always runs on its own embedded database (scripts/e2e-server.sh unsets
// DATABASE_URL). A DATABASE_URL naming another machine in this shell is refused all the same:
// whoever set it may expect the tests to use it, and they must not.
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  const host = new URL(databaseUrl).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(host)) {
    throw new Error(`Refusing to run e2e tests with a non-local DATABASE_URL (${host}).`);
  }
}

const chromium = {
  ...devices['Desktop Chrome'],
  locale: 'en-US',
  timezoneId: 'Europe/Paris',
  launchOptions: {
    // Playwright cannot download its browsers here: Debian's chromium does the job.
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  },
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // The server is one Next.js process on one embedded database, on a 2-core machine.
  workers: process.env.CI ? 1 : 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // Signs in once per role and stores the session in e2e/.auth/<role>.json.
    { name: 'setup', testMatch: /.*\.setup\.ts/, use: chromium },
    { name: 'chromium', testMatch: /.*\.spec\.ts/, dependencies: ['setup'], use: chromium },
  ],
  webServer: {
    command: 'bash scripts/e2e-server.sh',
    url: `${baseURL}/api/health`,
    env: { E2E_PORT: String(PORT) },
    // Fresh data folder + demo seed on PGlite takes a while before `next start` listens.
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});

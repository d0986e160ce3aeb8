import { existsSync } from 'node:fs';
import { chromium as playwrightChromium, defineConfig, devices } from '@playwright/test';

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

/**
 * The browser: CHROMIUM_PATH if set, else the system's Chromium or Chrome where there is one (a
 * machine that cannot download Playwright's), else Playwright's own; none → say how to get one.
 */
function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, but there is no browser there.`);
  }
  const system = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].find((p) => existsSync(p));
  if (system) return system;
  if (existsSync(playwrightChromium.executablePath())) return undefined;
  throw new Error(
    "No Chromium for the e2e tests. Install one, either the system's (Debian/Ubuntu: sudo apt-get install chromium) " +
      "or Playwright's (npx playwright install chromium), or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  );
}

const chromium = {
  ...devices['Desktop Chrome'],
  locale: 'en-US',
  timezoneId: 'Europe/Paris',
  launchOptions: {
    executablePath: chromiumExecutable(),
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

/**
 * End-to-end tests: Debian's Chromium drives browser mode (the built renderer served with the
 * API by `scripts/start.ts --web`) on a fresh temporary database per test file. Build first:
 * `npm run build` (npm test does).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  // A test that fails is run once more; one that then passes is listed as flaky in the summary.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    browserName: 'chromium',
    // The tests share one page, and with it Chromium's renderer process: a quarter less time.
    // Between tests Playwright clears the cookies, cache, local storage, routes and init
    // scripts and re-applies the emulation; each test still opens Fortnight from its address.
    reuseContext: true,
    viewport: { width: 1280, height: 820 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    // A step that can't happen fails after this long, naming itself, instead of the test's timeout.
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});

import { defineConfig, devices } from '@playwright/test';

export const PORT = Number(process.env.E2E_PORT ?? 4399);
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
};

// Browser tests run Debian's Chromium against the built server on a fresh data folder with the demo city.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/.tmp/e2e-results',
  workers: 2,
  fullyParallel: true,
  retries: 0,
  reporter: process.env.CI ? 'list' : 'line',
  timeout: 120_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: CHROMIUM,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  },
  projects: [
    // The demo staff sign in once (tests/e2e/staff.setup.ts); staffPage() reuses those sessions.
    { name: 'staff-sign-in', testMatch: /staff\.setup\.ts$/ },
    // Phone first; the accessibility spec also checks every page at 1280 px.
    { name: 'phone', dependencies: ['staff-sign-in'], use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions: CHROMIUM } },
  ],
  webServer: {
    command: 'rm -rf tests/.tmp/e2e-data && npm start --silent',
    url: `http://127.0.0.1:${PORT}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: 'tests/.tmp/e2e-data', PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      DEMO: '1', RATE_LIMITS: 'off', DEMO_PASSWORD: 'demo-password-2026',
      // Footer filings (sample values, as a deployment sets them)
      SITE_ID: '4417020001', ICP_NO: '粤ICP备00000000号', PSB_NO: '粤公网安备 44170202000000号', BUREAU_PHONE: '0662-3333333',
    },
  },
});

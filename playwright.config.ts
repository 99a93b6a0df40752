import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The import spec's own server (it writes documents): its own corpus, build and port. */
export const IMPORT_PORT = Number(process.env.E2E_IMPORT_PORT ?? PORT + 1);
export const IMPORT_TOKEN = 'e2e-import-token';

// Playwright's own browser download does not work here; Debian's chromium does (Playwright 1.64
// targets Chromium 156, which is what Debian ships).
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Two cores, and `next start` shares them.
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    // Tests tagged @phone (touch behaviour) run on the phone only.
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 860 } },
      grepInvert: /@phone/,
    },
    // Tests tagged @desktop (keyboard navigation, one pass over every document) run once, on the desktop.
    { name: 'phone', use: { ...devices['Pixel 7'] }, grepInvert: /@desktop/ },
  ],
  webServer: [
    {
      // The app as it ships: `next build` must have run (the test command runs ingest → build → test).
      // With the preloads `npm start` loads, but for the peer's address (writes are the import
      // server's): the pages' cache (lib/security/page-cache-preload.mjs), so pages are tested as
      // they are served, from memory with hashed scripts; and the request guard
      // (lib/security/request-guard.mjs): bad percent-encoding and TRACE get our 400/405, not Next's bare 500.
      command: `node --import ./lib/security/page-cache-preload.mjs --import ./lib/security/request-guard.mjs node_modules/next/dist/bin/next start -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/en`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // tests/e2e/import.spec.ts writes: a server of its own over a corpus of its own (the script).
      command: 'bash tests/e2e/import-server.sh',
      url: `http://127.0.0.1:${IMPORT_PORT}/en`,
      env: { E2E_IMPORT_PORT: String(IMPORT_PORT), DUIZHAO_WRITE_TOKEN: IMPORT_TOKEN },
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});

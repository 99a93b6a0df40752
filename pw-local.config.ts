import base from './playwright.config';
import { defineConfig } from '@playwright/test';
const servers = Array.isArray(base.webServer) ? base.webServer : [base.webServer!];
export default defineConfig({ ...base, testDir: '/work/wt/20b/tests/e2e', outputDir: '/work/wt/20b/test-results', webServer: [servers[0]!] });

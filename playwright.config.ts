import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { chromiumArgs } from './tests/e2e/chromium';

// Debian's Chromium, never a downloaded browser. Missing: one line that says what to do.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(
    `e2e: Chromium not found at ${executablePath}; install it with 'apt-get install -y chromium' or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: 'http://localhost:4173',
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'off',
  },
  webServer: {
    command: 'npx vite preview --port 4173 --strictPort',
    url: 'http://localhost:4173/en/',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

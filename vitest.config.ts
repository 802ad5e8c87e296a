import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { bookIndexPlugin, repoRoot } from './scripts/vite-plugin-book.ts';

// Unit tests run in Node; a test that needs a DOM says so with `// @vitest-environment jsdom`.
export default defineConfig({
  plugins: [react(), bookIndexPlugin(repoRoot)],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    // Keep vitest's own state out of ~ so runs do not depend on a previous one.
    cache: false,
  },
});

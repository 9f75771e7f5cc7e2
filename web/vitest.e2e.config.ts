// The browser suite: a real `greenmfg start` on a fresh data directory, driven through Debian's
// chromium by playwright-core (never a downloaded browser). Run: npm run test:e2e
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});

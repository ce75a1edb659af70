import { defineConfig } from 'vitest/config'

/** The built app under the electron stand-in: run after `npm run build`, one file at a time. */
export default defineConfig({
  test: {
    root: import.meta.dirname + '/../..',
    include: ['tests/shell/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    // The packaged layout runs electron-builder once.
    hookTimeout: 600_000,
    globalSetup: ['tests/support/scratch-root.ts'],
  },
})

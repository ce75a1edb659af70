import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    globalSetup: ['tests/support/scratch-root.ts', 'tests/unit/built-main.ts'],
  },
})

import { defineConfig } from 'vitest/config'

/**
 * `npm run test:bench`: each benchmark in small mode, checked to run and print its rows (never a
 * timing). Kept out of the unit run: every file here runs a whole benchmark in its own process.
 * One file at a time, so the benchmarks do not compete for the machine.
 */
export default defineConfig({
  test: {
    root: import.meta.dirname + '/../..',
    include: ['tests/bench/checks/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
    // The `folio` runs inside a benchmark get a profile folder of their own, as in the unit run.
    globalSetup: ['tests/unit/built-main.ts'],
  },
})

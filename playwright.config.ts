import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/support/scratch-root.ts',
  timeout: 60_000,
  workers: 1,
  // CI runs on two shared cores, where a rare timing race in a spec can fail a whole landing. One
  // retry there; a spec that passes only on its retry is still listed as flaky in the output.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'test-results/report' }]] : 'list',
  outputDir: 'test-results/artifacts',
  use: { screenshot: 'only-on-failure' },
})

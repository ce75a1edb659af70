import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Playwright's global setup: every temporary folder of the run (content folders, profiles,
 * exports, remotes, Chromium's own) goes under one scratch root, because workers and the browser
 * inherit TMPDIR. The returned teardown removes it, so a run leaves nothing behind even when a
 * spec fails before its own cleanup.
 */
export default async function scratchRoot(): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'folio-e2e-run-'))
  process.env.TMPDIR = root
  return async () => {
    await rm(root, { recursive: true, force: true, maxRetries: 3 })
  }
}

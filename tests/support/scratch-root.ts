import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The global setup of both test runs (Playwright's and vitest's): every temporary folder of the
 * run (content folders, profiles, exports, remotes, Chromium's own) goes under one scratch root,
 * because workers, the browser and spawned commands inherit TMPDIR. The returned teardown fails
 * the run, naming them, when a `folio-*` folder a test made is still there (a test that does not
 * remove what it made would leave it in a writer's temp folder on every run outside this root),
 * and removes the root either way.
 */
export default async function scratchRoot(): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'folio-test-run-'))
  // Open to every user as the system's temp folder is: some tests run a child as another user over a folder made here.
  await chmod(root, 0o1777)
  process.env.TMPDIR = root
  return async () => {
    const left = (await readdir(root)).filter((name) => name.startsWith('folio-')).sort()
    await rm(root, { recursive: true, force: true, maxRetries: 3 })
    if (left.length > 0) {
      // Playwright fails the run on this error; vitest only prints it, so the exit status says it too.
      process.exitCode = 1
      throw new Error(`The run left ${left.length} temporary folder(s) behind; the tests that made them must remove them: ${left.join(', ')}`)
    }
  }
}

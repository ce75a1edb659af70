/**
 * Real temporary folders for unit tests. Each is removed after its test, together with whatever
 * else the test asked to be undone (open workspaces first: the last thing made is undone first).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

/** Runs `cleanup` after the current test, before the folders made earlier in it are removed. */
export function afterThisTest(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup)
}

/** A fresh folder named `<prefix>…` in the temp folder, removed after the test. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  afterThisTest(() => rm(dir, { recursive: true, force: true }))
  return dir
}

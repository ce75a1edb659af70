import { readdir } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { isTempName } from '../../../electron/workspace/atomic-write'
import { open, tempDir } from './helpers'
import { raceKills } from './races'

/** Full count (220 kills) runs in `npm run bench:faults`. */
describe('atomic save under SIGKILL', () => {
  it('leaves every file either the old or the new version, never torn', async () => {
    const folder = await tempDir()
    const tally = await raceKills(folder, [37, 83, 151])
    expect(tally.torn).toBe(0)
    expect(tally.saved).toBeGreaterThan(200)
    // Temp files a kill left behind are hidden: the index does not list them.
    const leftovers = (await readdir(folder)).filter(isTempName)
    const ws = await open(folder)
    expect((await ws.list()).map((a) => a.path).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `file-${i}.md`).sort())
    expect(leftovers.length).toBeLessThanOrEqual(3)
  }, 120_000)
})
